"""Fuzz extraction: N random hostile texts; prints cases, failures and time.

    PYTHONPATH=src python bench/fuzz.py [-n 10000] [--seed 0]

A failure is any exception other than ExtractionError (the "no sentences"
refusal), a multi-line error message, or a record whose span does not slice
back to its text. Each failure prints its case number, so
``--seed S --only I`` replays it. Exit status 1 if anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback

from tradelink.extract import ExtractionError, extract

QUOTES = "\"'“”‘’«»„‟‹›「」『』″＂`"
WORDS = [
    "said", "told", "says", "according to", "reportedly", "appears to", "may", "confirmed",
    "warned", "he", "she", "they", "it", "The ministry", "the company", "officials",
    "lawmakers", "critics", "Commerce Secretary", "Minister", "chief executive", "of",
    "U.S.", "Washington", "Beijing", "China", "the United States", "Reuters", "Bloomberg",
    "rare earths", "NdPr magnets", "gallium", "H20 chips", "AI chips", "export ban",
    "licences", "trade deal", "in exchange for", "tied to", "on Monday", "in April",
    "last week", "March 3, 2025", "Mr.", "Dr.", "e.g.", "Inc.", "Corp.", "No.", "St.",
    "Leave a Reply", "Share", "Related:", "Photo:", "Subscribe", "Will", "What", "How",
]
PUNCT = [".", ",", ":", ";", "?", "!", "…", "-", "–", "—", "(", ")", "[", "]", "/", "|", "%", "$"]
LINE_STARTS = ["- ", "* ", "• ", "1. ", "12) ", "Q: ", "A: ", "Highlights", "Label: ", "", "", ""]
ODD = ["\u00a0", "\u200b", "\ufeff", "\u0301", "\U0001f600", "\t", "\r", "\r\n", "\x0b",
       "\u2028", "ǅ", "İ", "ß", "ﬁ", "\x85", "\x1c", "Ⅻ", "٣"]


def name(rng: random.Random) -> str:
    first = rng.choice(["Wen", "Ana", "Li", "Jo", "Ngozi", "O'Neil", "Jean-Luc", "Zoë"])
    last = rng.choice(["Harlow", "Chen", "Okafor", "de la Cruz", "McAdams", "Smith-Jones"])
    return f"{first} {last}"


def token(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return rng.choice(WORDS)
    if r < 0.50:
        return rng.choice(QUOTES)
    if r < 0.65:
        return rng.choice(PUNCT)
    if r < 0.75:
        return name(rng)
    if r < 0.80:
        return rng.choice(ODD)
    if r < 0.85:
        return rng.choice(QUOTES + "?:.-") * rng.randint(2, 6)
    if r < 0.90:
        return "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 12)))
    return rng.choice(["the", "a", "deal", "chips", "magnets", "exports", "talks"])


def flood(rng: random.Random) -> str:
    """Thousands of one mark: quotation marks, question marks, bullets, stops."""
    unit = rng.choice([*QUOTES, "?", "- ", ": ", ". ", "a. ", "\"x\" ", "“a,” he said. "])
    return unit * rng.randint(500, 5000)


def article(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 20)):
        words = [token(rng) for _ in range(rng.randint(0, 30))]
        if rng.random() < 0.01:
            words.insert(rng.randint(0, len(words)), flood(rng))
        sep = " " if rng.random() < 0.8 else ""
        lines.append(rng.choice(LINE_STARTS) + sep.join(words))
    return ("\n\n" if rng.random() < 0.5 else "\n").join(lines)


def one(text: str) -> str | None:
    """None if extraction behaved, else a one-line description of the failure."""
    try:
        ex = extract(text)
    except ExtractionError as err:
        return None if str(err) and "\n" not in str(err) else f"bad message {str(err)!r}"
    except Exception as err:  # noqa: BLE001 - counting every kind of failure is the point
        tb = traceback.extract_tb(err.__traceback__)[-1]
        return f"{type(err).__name__}: {err} at {tb.filename}:{tb.lineno}"
    bad = ex.check_spans()
    return f"{len(bad)} span(s) do not slice back, e.g. {bad[0][:120]}" if bad else None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000, help="number of cases (default 10000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--only", type=int, help="replay one case number and print its text")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures: dict[str, int] = {}
    chars = 0
    slowest = (0.0, -1)
    t0 = time.perf_counter()
    for i in range(args.n):
        text = article(rng)
        if args.only is not None and i != args.only:
            continue
        chars += len(text)
        t = time.perf_counter()
        problem = one(text)
        slowest = max(slowest, (time.perf_counter() - t, i))
        if args.only is not None:
            print(repr(text[:2000]))
            print(problem or "ok")
            return 1 if problem else 0
        if problem:
            if problem not in failures:
                print(f"case {i}: {problem}", flush=True)
            failures[problem] = failures.get(problem, 0) + 1
    elapsed = time.perf_counter() - t0
    n_fail = sum(failures.values())
    print(f"{args.n} cases, {chars / 1e6:.1f} M chars, {n_fail} failures "
          f"({len(failures)} distinct), {elapsed:.1f} s "
          f"({args.n / elapsed:.0f} cases/s; slowest case {slowest[1]}: {slowest[0]:.3f} s)")
    return 1 if n_fail else 0


if __name__ == "__main__":
    sys.exit(main())
