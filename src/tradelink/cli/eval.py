"""`tradelink eval GOLD_DIR`: score extraction against hand-labelled articles."""

from __future__ import annotations

from pathlib import Path

import typer

FIGURES = ("quote_recall", "attribution", "precision", "question_recall", "question_precision",
           "actor_recall", "type_accuracy")
HEAD = ("quotes", "attrib", "prec", "q-rec", "q-prec", "actors", "types")


def _pct(v) -> str:
    return "-" if v is None else f"{v * 100:.1f}%"


def eval_cmd(
    gold_dir: Path = typer.Argument(..., metavar="GOLD_DIR",
                                    help="A folder with articles/*.txt and gold/*.json (e.g. the dev set)."),
    as_json: bool = typer.Option(False, "--json", help="Print per-article and total figures as JSON."),
    misses: bool = typer.Option(False, "--misses", help="List missed and extra quotes and actors."),
    direct: bool = typer.Option(False, "--no-db", help="Score extract() output without a database."),
) -> None:
    """Quote recall, attribution, precision, question and actor figures per article and in total."""
    import json
    import tempfile

    from tradelink import evaluate

    with tempfile.TemporaryDirectory(prefix="tradelink-eval-") as tmp:
        predict = evaluate.predict_direct if direct else (lambda p: evaluate.predict_stored(p, Path(tmp)))
        results, total = evaluate.evaluate(gold_dir, predict)
    if as_json:
        out = {"articles": [{"article": r.article, **r.counts.figures(), "counts": vars(r.counts),
                             "misses": r.misses} for r in results],
               "total": {**total.figures(), "counts": vars(total)}}
        typer.echo(json.dumps(out, indent=2))
        return
    width = max(len(r.article) for r in results) + 2
    typer.echo("article".ljust(width) + "".join(h.rjust(8) for h in HEAD))
    for r in results:
        f = r.counts.figures()
        typer.echo(r.article.ljust(width) + "".join(_pct(f[k]).rjust(8) for k in FIGURES))
        if misses:
            for m in r.misses:
                typer.echo("    " + m)
    f = total.figures()
    typer.echo("TOTAL".ljust(width) + "".join(_pct(f[k]).rjust(8) for k in FIGURES))
    typer.echo(f"{total.gold_quotes} gold quotes, {total.predicted_quotes} predicted; "
               f"{total.gold_questions} gold questions, {total.predicted_questions} predicted; "
               f"{total.gold_actors} gold actors")
