"""Stage: commodities (chips, magnets, minerals), driven by ``data/vocab/commodities.toml``.

Vocabulary terms are compiled into one alternation (longest terms first), so
the article is scanned once whatever the size of the vocabulary. Chip models
("H20", "Strix S30L", "Pike-4") are not listed anywhere: a capitalised product
token with digits counts as a chip model when a chip noun stands near it, and
then every mention of it in the article counts.

One `Commodity` per canonical name per article, located at its most complete
mention, with every other written form as an alias and every mention kept.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from tradelink import vocab
from tradelink.models import Commodity, validate_list

from .fastre import Vocabulary, core_length, needles
from .segment import Doc


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    key: str  # vocabulary entry name, or "model:<token>"


@functools.cache
def _vocab():
    return vocab.table("commodities")


@functools.cache
def _entries() -> dict[str, dict]:
    return {e["name"]: e for e in _vocab()["commodity"]}


@functools.cache
def _term_regex() -> re.Pattern[str]:
    alts = []
    for i, e in enumerate(_vocab()["commodity"]):
        mods = e.get("modifiers", [])
        mod = f"(?:(?:{'|'.join(re.escape(m) for m in sorted(mods, key=len, reverse=True))})[ -])*" if mods else ""
        for t in e["terms"]:
            alts.append((core_length(t), f"c{i}_{len(alts)}", f"{mod}(?:{t})"))
    alts.sort(key=lambda a: -a[0])
    return Vocabulary([(g, p) for _, g, p in alts], re.IGNORECASE, after=r"(?![\w])", shared=True)


@functools.cache
def _group_names() -> dict[str, str]:
    names = [e["name"] for e in _vocab()["commodity"]]
    return {g: names[int(g[1:].split("_")[0])] for g, _ in _term_regex().alts}


@functools.cache
def _model_regex() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cfg = _vocab()["chip_models"]
    not_brand = "|".join(cfg["not_brands"])
    brand = rf"(?:(?P<brand>(?!(?:{not_brand})\b)[A-Z][a-z]{{2,}})[ ])"
    # Every alternative starts with a capital: "(?=[A-Z])" spares the not-brand words
    # being tried at every other word.
    model = (
        rf"(?<![\w.$£€-])(?=[A-Z])(?:{brand}?(?P<m1>[A-Z]{{1,3}}\d{{1,4}}[A-Za-z]{{0,3}})"
        rf"|(?P<m2>(?!(?:{not_brand})\b)[A-Z][a-z]+-\d{{1,4}}[A-Za-z]?)"
        rf"|(?P<brand3>(?!(?:{not_brand})\b)[A-Z][a-z]{{2,}}) (?P<m3>\d{{1,4}}[A-Z]{{0,2}}))(?![\w-]|\.\d|,\d)"
    )
    nouns = "|".join(re.escape(n) for n in sorted(cfg["nouns"], key=len, reverse=True))
    return (re.compile(model), re.compile(rf"\b(?:{nouns})\b"),
            re.compile(rf"(?:{cfg['not_models']})"))


FUNCTION_WORDS = frozenset(
    "The A An In On At Of For And But Or As By From To With Its Their His Her Our Both Some Many "
    "Most All No Not More Less Few Several Any Each Every This That These Those Such Chinese American "
    "Japanese European Korean Taiwanese Indian British U.S. US EU Western Asian Global Domestic".split()
)
NAME_WORD = re.compile(r"[A-Z][\w&'’.-]*")
AI_CLASS = re.compile(r"\bAI (?:chips?|accelerators?)$")
MODEL_NOUN = re.compile(r"\s+(?:(?:AI|inference|AI inference)\s+)?(?:chips?|accelerators?|GPUs?|processors?)\b")


def _in_proper_name(text: str, s: int, e: int, sent_start: int) -> bool:
    """True for "Kestrel Semiconductor", "Rare Earth Exchanges": a capitalised term inside a name."""
    if not text[s].isupper():
        return False
    after = NAME_WORD.match(text, e + 1) if e < len(text) and text[e:e + 1] == " " else None
    if after and text[e + 1:e + 2].isupper():
        return True
    if s > sent_start:
        j = s - 1
        if text[j] == " ":
            k = text.rfind(" ", sent_start, j) + 1
            k = max(k, sent_start)
            prev = text[k:j]
            if prev[:1].isupper() and prev.isalpha() and prev not in FUNCTION_WORDS:
                return True
    return False


# Patterns below start with a character class, so that `re` skips to the places where
# that class matches instead of trying the whole pattern at every character.
DIGITS = re.compile(r"\d\d*")
PRODUCT_SHAPE = re.compile(r"[A-Z]{1,3}\d{2,4}[A-Z]{0,2}")
NAMED_PRODUCT = re.compile(  # not after [\w'’.-]: checked once the capital is read
    r"([A-Z](?<![\w'’.-][A-Z])[a-z]{3,}[A-Za-z]*)\s+(?:chips?|processors?|accelerators?|GPUs?|variants?|parts)\b"
)
# Words one of which every NAMED_PRODUCT match holds: a sentence without any is skipped.
_needles = needles(NAMED_PRODUCT.pattern)
NAMED_PRODUCT_NOUN = re.compile("|".join(re.escape(n) for n in sorted(_needles)) if _needles else "")
NATIONALITY = re.compile(r"(?:ese|ian|ean|can|ish|ch|ic|al|ern|ed|ing|er|est|ive|ary)$")


def _named_product(text: str, word: str, at: int, sent_start: int) -> bool:
    """Is *word* (capitalised, before a chip noun) a product name rather than a company,
    a nationality or a sentence-initial adjective?"""
    if NATIONALITY.search(word) or word in _vocab()["chip_models"]["not_brands"]:
        return False
    if at == sent_start or text[sent_start:at].strip() in ("", "\"", "“", "-"):
        return False
    # Companies are written with a possessive, a reporting verb or a corporate suffix somewhere.
    if re.search(rf"\b{re.escape(word)}(?:['’]s\b| (?:said|says|told|Corp|Inc|Ltd|shares|CEO)\b)", text):
        return False
    return True


def _model_may_hold(text: str, p: int, s: int) -> bool:
    """Can a model-name match hold the run of digits that starts at *p*? Only after
    a capital ("H20"), "Word-" ("Pike-4") or "Word " ("Strix 30"), as `_model_regex` writes."""
    if p <= s:
        return False
    c = text[p - 1]
    if "A" <= c <= "Z":
        return True
    if c != "-" and c != " ":
        return False
    j = p - 2
    while j >= s and "a" <= text[j] <= "z":
        j -= 1
    return j >= s and "A" <= text[j] <= "Z" and p - 2 - j >= (1 if c == "-" else 2)


def _model_matches(model_rx: re.Pattern[str], text: str, s: int, e: int, runs):
    """Model-name matches around each run of digits (digits are rare; the model regex is not).
    *runs* are the ``(start, end)`` of the runs of digits in ``text[s:e]``."""
    last_end = s
    for d_start, d_end in runs:
        if d_start < last_end or not _model_may_hold(text, d_start, s):
            continue
        m = model_rx.search(text, max(last_end, d_start - 30), min(e, d_end + 6))
        while m is not None and m.end() <= d_start:
            m = model_rx.search(text, m.end(), min(e, d_end + 6))
        if m is not None and m.start() <= d_start < m.end():
            last_end = m.end()
            yield m


def _digit_runs(text: str, sentences: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """``{sentence start: [(start, end) of each run of digits in it]}``, from one scan:
    ``DIGITS.finditer(text, s, e)`` for each sentence, a run cut at the sentence's edges."""
    out: dict[int, list[tuple[int, int]]] = {}
    if not sentences:
        return out
    i, n = 0, len(sentences)
    for d in DIGITS.finditer(text, sentences[0][0], sentences[-1][1]):
        a, b = d.span()
        while i < n and sentences[i][1] <= a:
            i += 1
        j = i
        while j < n and sentences[j][0] < b:  # every sentence the run reaches into
            s, e = sentences[j]
            if e > a and e > s:
                out.setdefault(s, []).append((max(a, s), min(b, e)))
            j += 1
    return out


def _noun_sentences(text: str, sentences: list[tuple[int, int]]) -> set[int]:
    """The starts of the sentences that hold a NAMED_PRODUCT_NOUN match, found with one
    ``str.find`` pass per noun over the text (`re` tries its alternation at every
    character of every sentence): ``NAMED_PRODUCT_NOUN.search(text, s, e)`` per sentence."""
    hits = []
    for n in _needles or ():
        at = text.find(n)
        while at >= 0:
            hits.append((at, at + len(n)))
            at = text.find(n, at + 1)
    hits.sort()
    out: set[int] = set()
    if not hits:
        return out
    starts = [a for a, _ in hits]
    for s, e in sentences:
        i = bisect.bisect_left(starts, s)
        while i < len(hits) and hits[i][0] < e:
            if hits[i][1] <= e:
                out.add(s)
                break
            i += 1
    return out


def _scan(doc: Doc) -> tuple[list[Mention], dict[str, dict]]:
    text = doc.text
    terms, groups = _term_regex(), _group_names()
    model_rx, noun_rx, not_model = _model_regex()
    mentions: list[Mention] = []
    models: dict[str, dict] = {}  # token -> {"brand": str|None, "confirmed": bool, "spans": [...]}
    candidates: list[tuple[int, int, str, str | None, bool]] = []
    sentences = [(s, e) for _, _, s, e in doc.sentence_spans()]
    hits = terms.by_span(text, sentences)
    digit_runs = _digit_runs(text, sentences)
    with_nouns = _noun_sentences(text, sentences)
    for s, e in sentences:
        for m in hits.get(s, ()):
            if _in_proper_name(text, m.start(), m.end(), s):
                continue
            mentions.append(Mention(m.start(), m.end(), groups[m.lastgroup]))
        runs = digit_runs.get(s)
        for m in _model_matches(model_rx, text, s, e, runs) if runs else ():
            token = m.group("m1") or m.group("m2") or m.group("m3")
            if not_model.fullmatch(token):
                continue
            brand = m.group("brand") or m.group("brand3")
            ms = m.start("m1") if m.group("m1") and not brand else m.start()
            # A product-shaped token ("B300", "H20") needs a chip noun in its sentence;
            # other shapes need one close by.
            if PRODUCT_SHAPE.fullmatch(token):
                near = noun_rx.search(text, s, e)
            else:
                near = noun_rx.search(text, max(s, ms - 60), min(e, m.end() + 50))
            candidates.append((ms, m.end(), token, brand, near is not None, s))
        # Product names without digits, written right before a chip noun: "Blackwell chips".
        if s not in with_nouns:  # NAMED_PRODUCT_NOUN.search(text, s, e) is None
            continue
        for m in NAMED_PRODUCT.finditer(text, s, e):
            word = m.group(1)
            if _named_product(text, word, m.start(), s):
                candidates.append((m.start(1), m.end(1), word, None, True, s))
    confirmed_sentences = set()
    for ms, me, token, brand, near, s in candidates:
        info = models.setdefault(token, {"brand": None, "confirmed": False})
        info["confirmed"] |= near
        if near:
            confirmed_sentences.add(s)
        if brand:
            info["brand"] = info["brand"] or brand
    for ms, me, token, brand, near, s in candidates:
        # A model named beside a confirmed one is one too ("half the power of its flagship B300").
        if s in confirmed_sentences and PRODUCT_SHAPE.fullmatch(token):
            models[token]["confirmed"] = True
    for ms, me, token, brand, near, s in candidates:
        if models[token]["confirmed"]:
            noun = MODEL_NOUN.match(text, me)
            mentions.append(Mention(ms, noun.end() if noun else me, f"model:{token}"))
    # A model mention swallows the vocabulary term inside it ("H20 AI chips").
    return mentions, models


def find(doc: Doc, *context) -> list[Commodity]:
    text = doc.text
    mentions, models = _scan(doc)
    mentions.sort(key=lambda m: (m.start, -m.end))
    model_spans = [(m.start, m.end) for m in mentions if m.key.startswith("model:")]
    groups: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        if model_spans and not m.key.startswith("model:") and any(a <= m.start < b for a, b in model_spans):
            continue
        groups.setdefault(m.key, []).append((m.start, m.end))
    out: dict[str, dict] = {}
    entries = _entries()
    # Chip models: canonical "Brand Model", or "Model AI chips" when written so.
    for key in [k for k in groups if k.startswith("model:")]:
        token = key[6:]
        brand = models[token]["brand"]
        spans = groups[key]
        name = f"{brand} {token}" if brand and not token[:1].isdigit() else (
            f"{brand} {token}" if brand else token)
        located = spans[0]
        for s, e in spans:
            cls = AI_CLASS.search(text, s, e)
            if cls:
                name = f"{token} {cls.group()}"
                located = (text.index(token, s, e), e)
                break
        else:
            for s, e in spans:
                if text[s:e] == name:
                    located = (s, e)
                    break
        out[name] = {"category": "chip", "spans": spans, "located": located}
    for key, spans in groups.items():
        if key.startswith("model:"):
            continue
        e = entries[key]
        name = key
        if "named_if" in e and not any(re.search(e["named_if"], text[s:t], re.I) for s, t in spans):
            name = e.get("fallback_name", key)
        out.setdefault(name, {"category": e["category"], "spans": [], "located": None, "key": key})
        out[name]["spans"].extend(spans)
    # Merges: a vocabulary class inside a chip model's name ("AI chips" → "H20 AI chips"),
    # and merge_into entries when their target is present.
    chip_models = [n for n, v in out.items() if v.get("key") is None and v["category"] == "chip"]
    for name in list(out):
        v = out[name]
        key = v.get("key")
        if key is None:
            continue
        target = None
        if v["category"] == "chip":
            hosts = [m for m in chip_models if m.lower().endswith(" " + name.lower())]
            if len(hosts) == 1:
                target = hosts[0]
        into = entries[key].get("merge_into")
        if into and into in out:
            target = into
        if target and target != name:
            out[target]["spans"].extend(v["spans"])
            del out[name]
    result = []
    for name, v in out.items():
        spans = sorted(set(v["spans"]))
        forms = [text[s:e] for s, e in spans]
        low_name = name.lower()
        located = v["located"]
        if located is None:
            exact = [sp for sp, form in zip(spans, forms) if form.lower() == low_name]
            located = exact[0] if exact else max(spans, key=lambda sp: (sp[1] - sp[0], -sp[0]))
        aliases = []
        for form in forms:
            if form.lower() != low_name and form not in aliases:
                aliases.append(form)
        result.append({  # dicts, validated in one call: pydantic builds them faster so
            "start": located[0], "end": located[1], "text": text[located[0]:located[1]], "name": name,
            "category": v["category"], "aliases": aliases,
            "mentions": [{"start": s, "end": e, "text": form} for (s, e), form in zip(spans, forms)],
        })
    result.sort(key=lambda c: c["mentions"][0]["start"] if c["mentions"] else c["start"])
    return validate_list(Commodity, result)
