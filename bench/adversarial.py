"""Does extraction stay linear on hostile input? Prints CPU seconds per case and size.

    PYTHONPATH=src python bench/adversarial.py [--mb 1.0]

Each case is built at a quarter of the size and at full size; the ratio of the
two times should be near 4 (linear). A ratio near 16 means quadratic work.
Times are CPU seconds of this process, so a busy machine does not inflate them.
Exit status 1 if any full-size case takes longer than --limit seconds.
"""

from __future__ import annotations

import argparse
import sys
import time

from tradelink.extract import ExtractionError, extract

QUOTES = "\"'“”‘’«»„‟‹›「」『』″＂"


def cases(n: int) -> dict[str, str]:
    """Texts of about *n* characters, each a single line unless said otherwise."""
    def fill(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return {
        "words, one line": fill("word "),
        "sentences, one line": fill("The ministry said it would act. "),
        "lowercase after stops": fill("a. b. "),
        "abbreviations": fill("U.S. officials in Washington, D.C. met "),
        "no spaces": fill("x"),
        "straight quotes only": fill('"'),
        "curly quotes only": fill("“"),
        "every quote kind": fill(QUOTES + " "),
        "unbalanced opens": fill('He said, "we will '),
        "unbalanced closes": fill('we will," he said" '),
        "quote + said chains": fill('"Yes," said Wang Lei, the minister of trade. '),
        "bullets, one line": fill("- • * 1. "),
        "bullets, many lines": fill("- Label: item one\n"),
        "colons": fill("Outlet: Title: Sub: "),
        "question marks": fill("? "),
        "questions, many lines": fill("Will China resume exports of rare earths?\n"),
        "headings, many lines": fill("Key Strategic Threads\n"),
        "capitalised names": fill("Minister Wang Lei Zhang Secretary "),
        "menu separators": fill("Home | News | Markets "),
        "digits and dates": fill("On March 3, 2025, 12.5% of 1,000 "),
        "mixed": fill('Q: "Will it?" – A: “No,’ said U.S. officials: ‘maybe…» ? - '),
        "run-on policy cues": "Officials said the deal " + fill("and the talks ") + " resumed.",
        "commodity sentences": fill("China banned exports of gallium and rare earths. "),
        "speech sentences": fill("“We agreed,” said Commerce Secretary Ana Varga of Cormont. "),
        "one 1 MB sentence": fill("and the minister of trade said that "),
        "capitalised run": "Officials said " + fill("Beijing Chinese Minister "),
    }


def run(text: str) -> float:
    t0 = time.process_time()
    try:
        extract(text)
    except ExtractionError:
        pass
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0, help="full size in MB (default 1)")
    ap.add_argument("--limit", type=float, default=5.0, help="seconds allowed at full size")
    ap.add_argument("-k", help="only cases whose name contains this")
    args = ap.parse_args()
    full = int(args.mb * 1_000_000)
    small, big = cases(full // 4), cases(full)
    slow = 0
    print(f"{'case':<26} {'¼ size':>9} {'full':>9} {'ratio':>6}   (CPU seconds)")
    for name in small:
        if args.k and args.k not in name:
            continue
        a, b = run(small[name]), run(big[name])
        ratio = b / a if a > 0.0005 else float("nan")
        flag = "  SLOW" if b > args.limit else ""
        slow += b > args.limit
        print(f"{name:<26} {a:9.3f} {b:9.3f} {ratio:6.1f}{flag}", flush=True)
    print(f"{slow} case(s) over {args.limit:.1f} s at {args.mb} MB")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
