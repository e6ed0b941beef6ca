"""A reproducible corpus of synthetic chips-for-minerals news articles.

    python bench/corpus.py OUT_DIR -n 1000 [--seed 7]

Every article is about 2 KB: a headline, a byline/date line, a "Highlights"
list, paragraphs with direct and reported speech in varied attribution styles
(``X said, "..."``, ``"...," said X, the Y of Z``, ``X told <outlet> that``,
``according to X``, hedged ``reportedly`` claims), policies (bans, freezes,
licences, deals, tariffs, price floors), chip and magnet/mineral terms, and a
questions section of headline questions with follow-ups. People, companies and
outlets are invented from syllables, so names vary across tens of thousands of
articles and none is a real person's. The same seed always gives the same
files (``NNNNNN.txt`` plus a ``.meta.json`` sidecar with outlet and date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

FIRST = """Amara Bennett Calla Dario Elena Farid Greta Hollis Ines Jonah Kira Lionel Mara
Nadia Orrin Priya Quentin Rosa Soren Talia Umar Vera Wendell Xiomara Yusuf Zelda Anselm
Beatrix Cyrus Delphine Emeric Fiona Gideon Hana Idris Juno Kasimir Leona Matthias Noor
Odette Pascal Rhea Silas Tamsin Ulrich Viola Wilhelmina Yara Zoltan Ada Bram Cleo Dmitri
Esme Felix Giulia Henrik Isolde Jasper""".split()
SYL_A = """Ash Bel Cor Dun Ell Fen Gar Hal Ives Jar Kel Lor Mar Nor Oak Pen Quill Rav Sel Thorn
Ul Vand Wex Yar Zell Brock Crane Dray Fal Grim Hest Lang Mott Pell Rook Stra Tal Vos""".split()
SYL_B = """ford wick mere ton ley by worth stead holm dale berg mont well ridge croft shaw
field man ard ing ov ani ez enko ström""".split()
CO_SUFFIX = ["Semiconductor", "Microsystems", "Magnetics", "Rare Earths", "Minerals",
             "Materials", "Metals", "Devices", "Silicon", "Resources"]
OUTLET_A = ["Harbor", "Meridian", "Tidewater", "Granite", "Northgate", "Lantern", "Beacon",
            "Summit", "Keystone", "Ironwood", "Bellwether", "Crossroads"]
OUTLET_B = ["Ledger", "Wire", "Dispatch", "Review", "Monitor", "Courier", "Journal",
            "Observer", "Bulletin", "Chronicle"]
GOV_TITLES = ["Commerce Secretary", "Trade Representative", "Treasury Secretary",
              "Commerce Minister", "Vice Premier", "Trade Minister", "Deputy Commerce Secretary"]
CO_TITLES = ["chief executive", "chief financial officer", "head of supply chain",
             "spokesperson", "general counsel", "chief operating officer"]
LAWMAKER = ["Rep.", "Sen.", "Representative", "Senator"]
PARTIES = ["Republican", "Democrat", "Democratic"]
VERBS = ["said", "told reporters", "noted", "argued", "warned", "added", "insisted",
         "explained", "claimed"]
THAT_VERBS = ["confirmed", "said", "argued", "warned", "acknowledged", "denied", "insisted"]
HEDGES = ["reportedly", "allegedly", "apparently", "privately"]
CHIP_TERMS = ["AI chips", "advanced semiconductors", "GPU accelerators", "AI accelerators",
              "high-bandwidth memory", "chipmaking tools"]
MIN_TERMS = ["rare earths", "NdPr magnets", "rare earth magnets", "gallium", "germanium",
             "dysprosium", "terbium", "graphite", "antimony", "tungsten", "permanent magnets"]
POLICY = ["export ban", "export freeze", "licence requirement", "trade deal", "tariff",
          "price floor", "export controls", "stockpile programme", "investment screening"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
QUESTION_HEADINGS = ["Unanswered Questions for Investors", "Key Questions",
                     "What to Watch", "Open Questions", "Questions for the Market"]
THREAD_HEADINGS = ["Key Strategic Threads", "Why It Matters", "The Background", "Analysis"]


def cap(words: str) -> str:
    return words[:1].upper() + words[1:]


class Writer:
    def __init__(self, rng: random.Random):
        self.r = rng

    def pick(self, seq):
        return self.r.choice(seq)

    def surname(self) -> str:
        return self.pick(SYL_A) + self.pick(SYL_B)

    def person(self) -> tuple[str, str]:
        first, last = self.pick(FIRST), self.surname()
        return f"{first} {last}", last

    def company(self) -> str:
        return f"{self.pick(SYL_A)}{self.pick(SYL_B)} {self.pick(CO_SUFFIX)}"

    def outlet(self) -> str:
        return f"The {self.pick(OUTLET_A)} {self.pick(OUTLET_B)}"

    def chip(self) -> str:
        return f"{self.pick('HKSTRVX')}{self.r.randint(1, 9)}{self.r.choice(['0', '5'])}" + \
            self.pick(["", "L", "X", "E"])

    def month(self) -> str:
        return self.pick(MONTHS)

    def claim(self, chip: str, mineral: str, policy: str) -> str:
        return self.pick([
            f"the {policy} on {mineral} would be eased within weeks",
            f"sales of the {chip} would resume once licences were granted",
            f"{mineral} shipments were tied to progress on {chip} exports",
            f"the {policy} was never meant to be permanent",
            f"Beijing had signalled flexibility on {mineral}",
            f"Washington would not trade away its lead in {self.pick(CHIP_TERMS)}",
            f"supplies of {mineral} remained tight across the industry",
            f"the company had filed for licences to sell the {chip} to Chinese buyers",
        ])

    def quote(self, chip: str, mineral: str, policy: str) -> str:
        return self.pick([
            f"We put the {mineral} in the same conversation as the chips",
            f"Nobody should mistake the {policy} for a concession",
            f"The {chip} is a product built for this market, and we intend to sell it",
            f"Without {mineral} there is no defence industrial base",
            f"This is a bargain that trades long-term security for short-term supply",
            f"We are watching every shipment of {mineral} very closely",
            f"The licences will come with conditions, and we will enforce them",
            f"Our customers need certainty about the {policy}",
        ])

    def article(self, idx: int) -> tuple[str, dict]:
        r = self.r
        people = [self.person() for _ in range(r.randint(3, 5))]
        companies = [self.company() for _ in range(r.randint(1, 3))]
        outlet, other_outlet = self.outlet(), self.outlet()
        chip = self.chip()
        mineral, mineral2 = r.sample(MIN_TERMS, 2)
        policy, policy2 = r.sample(POLICY, 2)
        chip_term = self.pick(CHIP_TERMS)
        published = dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, 900))
        (gov_full, gov_last), (ceo_full, ceo_last), (law1, law1_last) = people[:3]
        gov_title, co = self.pick(GOV_TITLES), companies[0]
        ceo_title = self.pick(CO_TITLES)
        party1 = self.pick(PARTIES)
        law_title = self.pick(LAWMAKER)

        title = self.pick([
            f"{co} cleared to seek licences for {chip} as {mineral} talks advance",
            f"{cap(mineral)} curbs loom over {chip_term} sales to China",
            f"Washington weighs {policy} as Beijing tightens {mineral} supply",
            f"{co} bets on {chip} despite {policy2} on {mineral2}",
        ])
        lines = [title, f"By {self.person()[0]} · {published:%A, %B} {published.day}, "
                        f"{published.year} · {outlet}", ""]
        lines += ["Highlights",
                  f"- {co} will apply for licences to ship its {chip} to Chinese customers.",
                  f"- Officials {self.pick(HEDGES)} tied approvals to renewed exports of "
                  f"{mineral}.",
                  f"- Lawmakers from both parties criticised the {policy}.", ""]
        paras = []
        paras.append(
            f"{gov_title} {gov_full} confirmed on {published:%A} that the decision to let {co} "
            f"resume sales of {chip_term} to China is bound up with a separate negotiation "
            f"over {mineral}, a market that Beijing dominates. The {policy} imposed in "
            f"{self.month()} had been under review for months."
        )
        style = r.randint(0, 3)
        q = self.quote(chip, mineral, policy)
        if style == 0:
            paras.append(f"Speaking to {other_outlet}, {gov_last} said, “{q}.” "
                         f"{gov_last} declined to say how many licences would be issued.")
        elif style == 1:
            paras.append(f"“{q},” {gov_last} {self.pick(VERBS)}. The department did not say "
                         f"when the {policy} would be reviewed again.")
        elif style == 2:
            paras.append(f"“{q},” said {gov_full}, the {gov_title.lower()}, in an interview "
                         f"with {other_outlet}.")
        else:
            paras.append(f"{gov_last} told {other_outlet} that "
                         f"{self.claim(chip, mineral, policy)}.")
        paras.append(
            f"{ceo_full}, {ceo_title} of {co}, {self.pick(THAT_VERBS)} that "
            f"{self.claim(chip, mineral, policy)}. “{self.quote(chip, mineral2, policy2)},” "
            f"{ceo_last} added."
        )
        paras.append(
            f"U.S. officials {self.pick(HEDGES)} assured {co} that the applications would be "
            f"approved, although no decision has been announced. According to "
            f"{people[3][0] if len(people) > 3 else other_outlet}, "
            f"{self.claim(chip, mineral2, policy2)}."
        )
        paras.append(
            f"{party1} {law_title} {law1} {self.pick(['slammed', 'criticised', 'condemned'])} "
            f"the move as inconsistent and dangerous. Critics fear the {policy2} could "
            f"undercut the U.S. advantage in {chip_term}, while China’s grip on {mineral2} "
            f"supply leaves manufacturers exposed."
        )
        lines += paras[:2] + ["", self.pick(THREAD_HEADINGS)] + [
            f"- {cap(mineral)} as leverage: the {policy} gives Beijing a bargaining "
            f"chip in talks over {chip_term}.",
            f"- Political backlash: {law1_last} and colleagues want hearings on the "
            f"{policy2}.",
        ] + [""] + paras[2:]
        qs = [
            f"- What are the terms of the {mineral} deal? Is {co} securing long-term supply "
            f"or a short-term fix?",
            f"- Will the {policy} survive the next round of talks? Could {chip} sales be "
            f"halted again?",
            f"- Does this weaken efforts to build {mineral2} capacity outside China?",
            f"- How will {other_outlet.removeprefix('The ')} readers price the risk of a "
            f"new {policy2}?",
        ]
        lines += ["", self.pick(QUESTION_HEADINGS)] + r.sample(qs, r.randint(2, 4))
        text = "\n".join(lines) + "\n"
        meta = {"outlet": outlet, "published": published.isoformat(),
                "url": f"https://example.com/news/{idx:06d}"}
        return text, meta


def generate(n: int, seed: int = 7) -> Iterator[tuple[str, str, dict]]:
    """``(name, text, meta)`` for ``n`` articles, the same for the same seed."""
    writer = Writer(random.Random(seed))
    for i in range(n):
        text, meta = writer.article(i)
        yield f"{i:06d}", text, meta


def write_corpus(out: Path, n: int, seed: int = 7) -> tuple[int, int]:
    """Write the corpus under ``out`` (skipped when it is already there);
    return (files, bytes of article text)."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = out / ".corpus.json"
    want = {"n": n, "seed": seed}
    if stamp.exists() and json.loads(stamp.read_text()).get("spec") == want:
        return n, json.loads(stamp.read_text())["bytes"]
    total = 0
    for name, text, meta in generate(n, seed):
        data = text.encode("utf-8")
        total += len(data)
        (out / f"{name}.txt").write_bytes(data)
        (out / f"{name}.meta.json").write_text(json.dumps(meta))
    stamp.write_text(json.dumps({"spec": want, "bytes": total}))
    return n, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    files, size = write_corpus(args.out, args.n, args.seed)
    print(f"{files} articles, {size / files:.0f} bytes each on average, in {args.out}")


if __name__ == "__main__":
    main()
