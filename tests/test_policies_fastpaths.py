"""The fast paths of `policies` agree with the plain regexes they replace, on any text.

`_token_before` stands in for ``TOKEN_BEFORE.search`` (a regex that retried the
token from every position), and `_status` skips its window scan when a cheap
literal scan finds no status word: both must give exactly what the plain regex
gives, whatever the characters (Unicode case folding included).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradelink.extract import policies

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["lifted", "LIFTS", "reversed", "the", "a", "its", "new", "export", "ban", "put on hold", "plans to",
         "US", "’", "'", ".", "-", "  ", "\n", "\t", "\u00a0", "_", "é", "ſ", "K", "ı", "İ", "ß", "9.5%",
         "suspended", "undid", "ends", "would", "signed", "reviving"]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=4), max_size=30).map(" ".join) | st.text(max_size=60)


@PROPS
@given(texts, st.data())
def test_token_before_is_the_regex(text, data):
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(max(0, pos - 45), pos))
    m = policies.TOKEN_BEFORE.search(text, floor, pos)
    assert policies._token_before(text, floor, pos) == ((m.start(1), m.group(1)) if m else None)


def _status_plain(text: str, np_start: int, cue_end: int, sent: tuple[int, int]) -> str | None:
    """`policies._status` as written before its literal pre-scan."""
    window = text[max(sent[0], np_start - 60):np_start]
    best = None
    for m in policies._status_regex().finditer(window):
        between = window[m.end():].split()
        if all(w.lower().strip(",") in policies._determiners() or w[:1].isupper()
               or w.lower() in policies.MODIFIER_WORDS for w in between) and len(between) <= 5:
            best = m.lastgroup
    if best:
        return best
    p = policies.PASSIVE.match(text, cue_end, sent[1])
    if p:
        m = policies._status_regex().fullmatch(p.group(1))
        if m:
            return m.lastgroup
    return None


@PROPS
@given(texts, st.data())
def test_status_is_the_plain_scan(text, data):
    np_start = data.draw(st.integers(0, len(text)))
    s = data.draw(st.integers(0, np_start))
    cue_end = data.draw(st.integers(np_start, len(text)))
    sent = (s, len(text))
    assert policies._status(text, np_start, cue_end, sent, False) == _status_plain(text, np_start, cue_end, sent)


@pytest.mark.parametrize("word", ["reverses", "Lifted", "overturning", "rescind", "scrapped", "undoes", "undid",
                                  "ended", "ENDS", "suspends", "paused", "put on hold", "revived", "reinstated",
                                  "restores", "resuming", "extends", "renewed", "extension", "proposes", "drafting",
                                  "draft", "plans to", "planned", "would", "should", "could", "agreed", "signed",
                                  "sealed", "struck", "reached", "blocked", "announces", "unveiled", "introduced",
                                  "imposing"])
def test_every_status_word_passes_the_literal_scan(word):
    assert policies._status_regex().fullmatch(word)
    assert policies._status_stems().search(word.lower())


@PROPS
@given(texts)
def test_status_matches_are_the_plain_finditer(text):
    got = [(m.span(), m.lastgroup) for m in policies._status_matches(text)]
    assert got == [(m.span(), m.lastgroup) for m in policies._status_regex().finditer(text)]


@pytest.mark.parametrize("text", [
    "lifted the ban", "re-imposed the curbs", "(lifted) curbs", "uplifted spirits", "the_lifted ban",
    "signed,sealed and struck", "9would", "plans to", "  ended", "ENDED", "end", "",
])
def test_status_matches_table(text):
    got = [(m.span(), m.lastgroup) for m in policies._status_matches(text)]
    assert got == [(m.span(), m.lastgroup) for m in policies._status_regex().finditer(text)]


def _one_mention_plain(f: policies._Found) -> dict:
    """The fields `_merge` gave a measure named once, by its general case (before its
    one-mention path)."""
    real = [f]
    best = max(real, key=policies._score)
    pick = lambda attr: getattr(best, attr) or next((getattr(x, attr) for x in real if getattr(x, attr)), None)  # noqa: E731
    sides = max(real, key=lambda x: (x.actor is not None and x.counterpart is not None,
                                  x.actor is not None and not x.extra.get("weak_actor"), x is best))
    counterpart = sides.counterpart or next(
        (x.counterpart for x in real if x.counterpart and x.counterpart != sides.actor), None) \
        or next((x.extra["stake_in"] for x in real if x.extra.get("stake_in")), None)
    return {"actor": sides.actor, "counterpart": None if counterpart == sides.actor else counterpart,
            "target": pick("target"), "status": pick("status")}


sides_names = st.sampled_from([None, "", "Acme", "Borland"])


@PROPS
@given(st.sampled_from(["tariff", "investment", "licence"]), sides_names, sides_names, sides_names,
       st.sampled_from([None, "", "gallium"]), st.sampled_from([None, "reversed"]), st.booleans())
def test_one_mention_measure_is_the_general_merge(kind, actor, counterpart, stake_in, target, status, weak):
    text = "The new tariff on gallium was set."
    f = policies._Found(kind=kind, name="gallium tariff", start=4, end=14, cue="tariff", sent=(0, len(text)),
                        summary=False, target=target, actor=actor, counterpart=counterpart, status=status)
    if stake_in is not None:
        f.extra["stake_in"] = stake_in
    if weak:
        f.extra["weak_actor"] = True
    want = _one_mention_plain(f)
    (p, _), = policies._merge(text, [f])
    assert {"actor": p.actor, "counterpart": p.counterpart, "target": p.target, "status": p.status} == want
