"""Evaluation against hand-labelled gold files (``GOLD_DIR/articles/*.txt`` and
``GOLD_DIR/gold/*.json``, the shape of the dev set and the seed's gold).

Metrics, per article and in total:

* **quote recall**: share of gold quotes whose snippet is contained in the text
  of some predicted statement;
* **attribution**: among the gold quotes found, the share for which one of
  those predicted statements names the right speaker. Names compare
  case-insensitively (curly and straight apostrophes alike, a leading "the"
  ignored) against the gold speaker and its ``speaker_aliases``; an anonymous
  gold speaker (null) needs a null predicted speaker;
* **precision**: share of predicted statements whose span overlaps an
  occurrence of some gold snippet;
* **question recall / precision**: gold question texts found exactly among
  the predicted questions, and predicted questions that are gold;
* **actor recall**: share of gold actors for which some predicted actor shares
  a name or alias with the gold name or aliases; **type accuracy**: among
  those, the share with the gold type.

`tradelink eval GOLD_DIR` ingests each article into its own temporary SQLite
database (`predict_stored`) so the figures include what the store keeps;
`predict_direct` scores `extract()` output without a database. The library
computes; the CLI prints. Nothing here prints or exits.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tradelink.errors import UsageError


def norm(name: str | None) -> str | None:
    if name is None:
        return None
    s = name.replace("’", "'").strip().lower()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s)


@dataclass
class Counts:
    gold_quotes: int = 0
    found_quotes: int = 0
    right_speaker: int = 0
    predicted_quotes: int = 0
    overlapping: int = 0
    gold_questions: int = 0
    found_questions: int = 0
    predicted_questions: int = 0
    right_questions: int = 0
    gold_actors: int = 0
    found_actors: int = 0
    right_types: int = 0

    def add(self, other: Counts) -> None:
        for k in asdict(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def figures(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None
        return {
            "quote_recall": ratio(self.found_quotes, self.gold_quotes),
            "attribution": ratio(self.right_speaker, self.found_quotes),
            "precision": ratio(self.overlapping, self.predicted_quotes),
            "question_recall": ratio(self.found_questions, self.gold_questions),
            "question_precision": ratio(self.right_questions, self.predicted_questions),
            "actor_recall": ratio(self.found_actors, self.gold_actors),
            "type_accuracy": ratio(self.right_types, self.found_actors),
        }


@dataclass
class ArticleResult:
    article: str
    counts: Counts
    misses: list[str] = field(default_factory=list)


def pairs(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(article, gold) file pairs under ``gold_dir``."""
    gold_dir = Path(gold_dir)
    arts = gold_dir / "articles"
    golds = gold_dir / "gold"
    if not arts.is_dir() or not golds.is_dir():
        raise UsageError(f"{gold_dir} needs articles/ and gold/ folders (like the dev set)")
    out = []
    for g in sorted(golds.glob("*.json")):
        a = arts / (g.stem + ".txt")
        if a.is_file():
            out.append((a, g))
    if not out:
        raise UsageError(f"no gold/*.json in {gold_dir} has a matching articles/*.txt")
    return out


def score(text: str, gold: dict, statements, questions, actors) -> tuple[Counts, list[str]]:
    """Compare one article's predictions (dicts or records with the usual
    attributes) with its gold labels."""
    c = Counts()
    misses: list[str] = []
    get = lambda r, k: r[k] if isinstance(r, dict) else getattr(r, k)  # noqa: E731

    # Quotes.
    spans = []
    for q in gold["quotes"]:
        snip = q["text_snippet"]
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(snip), text))
    c.gold_quotes = len(gold["quotes"])
    c.predicted_quotes = len(statements)
    for q in gold["quotes"]:
        snip = q["text_snippet"]
        hits = [s for s in statements if snip in get(s, "text")]
        if not hits:
            misses.append(f"quote missed: {q['speaker']}: {snip}")
            continue
        c.found_quotes += 1
        names = {norm(q["speaker"])} | {norm(a) for a in q.get("speaker_aliases", [])}
        if q["speaker"] is None:
            ok = any(get(s, "speaker") is None for s in hits)
        else:
            ok = any(norm(get(s, "speaker")) in names for s in hits)
        if ok:
            c.right_speaker += 1
        else:
            misses.append(f"speaker wrong: {q['speaker']} != {[get(s, 'speaker') for s in hits]}: {snip}")
    for s in statements:
        a, b = get(s, "start"), get(s, "end")
        if any(a < e and st < b for st, e in spans):
            c.overlapping += 1
        else:
            misses.append(f"extra quote: {get(s, 'speaker')}: {get(s, 'text')[:70]}")

    # Questions.
    gold_q = {q["text"].strip() for q in gold["questions"]}
    pred_q = [get(q, "text").strip() for q in questions]
    c.gold_questions = len(gold_q)
    c.predicted_questions = len(pred_q)
    c.found_questions = sum(1 for g in gold_q if g in pred_q)
    c.right_questions = sum(1 for p in pred_q if p in gold_q)

    # Actors.
    c.gold_actors = len(gold["actors"])
    for ga in gold["actors"]:
        gnames = {norm(ga["name"])} | {norm(a) for a in ga.get("aliases", [])}
        match = None
        for pa in actors:
            pnames = {norm(get(pa, "name"))} | {norm(a) for a in get(pa, "aliases")}
            if gnames & pnames:
                match = pa
                break
        if match is None:
            misses.append(f"actor missed: {ga['name']} ({ga['type']})")
            continue
        c.found_actors += 1
        if get(match, "type") == ga["type"]:
            c.right_types += 1
        else:
            misses.append(f"actor type: {ga['name']} is {ga['type']}, not {get(match, 'type')}")
    return c, misses


def evaluate(gold_dir: Path, predict) -> tuple[list[ArticleResult], Counts]:
    """Score every labelled article. ``predict(path) -> (text, statements,
    questions, actors)`` reads one article (for the CLI: ingests it into a
    temporary database and reads the records back)."""
    results, total = [], Counts()
    for art, gold_path in pairs(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text, statements, questions, actors = predict(art)
        counts, misses = score(text, gold, statements, questions, actors)
        results.append(ArticleResult(art.stem, counts, misses))
        total.add(counts)
    return results, total


def predict_stored(path: Path, workdir: Path):
    """Ingest one article into a fresh SQLite database under ``workdir`` and read
    its quotes, questions and actors back through the store's read path."""
    from sqlalchemy.orm import Session

    from tradelink.extract import extract
    from tradelink.store import read, write
    from tradelink.store.db import ensure_schema, open_engine, open_reader, resolve

    ex = extract(path.read_text(encoding="utf-8"), source=str(path))
    target = resolve(str(Path(workdir) / f"{path.stem}.sqlite"))
    engine = open_engine(target)
    try:
        ensure_schema(engine)
        with Session(engine) as session, session.begin():
            write.ingest(session, ex)
    finally:
        engine.dispose()
    with open_reader(target) as r:
        return ex.article.text, read.quotes(r), read.questions(r), read.actors(r)


def predict_direct(path: Path):
    """Predictions straight from `tradelink.extract.extract` (no database)."""
    from tradelink.extract import extract

    ex = extract(path.read_text(encoding="utf-8"), source=str(path))
    return ex.article.text, ex.statements, ex.questions, ex.actors
