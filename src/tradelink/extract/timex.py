"""Stage: time expressions, resolved against the published date.

Only calendar references count (dates, weekdays, months, "last week", "this
spring"), not durations. Resolution rules (the dev set's labelling rules):

* a full date resolves to ``YYYY-MM-DD``; a date without a year takes the year
  that puts it nearest the published date;
* a weekday is the latest such day on or before the published date ("next
  Monday" the first one after it);
* a month, "last month" or "next month" resolves to ``YYYY-MM``; a bare month
  takes the nearest year ("last October" the latest past one, "next" the next);
* "the end of the first quarter" is the quarter's last month; "the end of 2027"
  is ``2027-12``;
* week-level, season, year-level and vague references resolve to ``None``;
* without a published date only an expression that carries its own year resolves.

Words come from ``data/vocab/calendar.toml``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from tradelink import vocab
from tradelink.models import TimeExpression, validate_list

from .fastre import Vocabulary
from .segment import Doc


@functools.cache
def _cal():
    return vocab.table("calendar")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _pattern() -> Vocabulary:
    cal = _cal()
    month = f"(?:{_alt(cal['months'])})"
    wd = f"(?:{_alt(cal['weekdays'])})"
    ords = f"(?:{_alt(cal['ordinals'])}|\\d{{1,2}}(?:st|nd|rd|th))"
    rel = _alt(cal["relative"])
    preps = "|".join(cal["words"]["month_prepositions"])
    year = r"(?:19|20)\d{2}"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    parts = [
        # Thursday, February 12, 2026 / March 3 / May 12, 2026
        rf"(?P<full>(?:(?P<f_wd>{wd}),? )?(?P<f_mon>{month}) (?P<f_day>{day})\b(?:,? (?P<f_year>{year})\b)?)",
        # Thursday, 12 February 2026 / 12 February
        rf"(?P<dfirst>(?:(?P<d_wd>{wd}),? )?(?P<d_day>\d{{1,2}}) (?P<d_mon>{month})\b(?:,? (?P<d_year>{year})\b)?)",
        # the eighth of May
        rf"(?P<ord>the (?P<o_ord>{ords}) of (?P<o_mon>{month})\b(?:,? (?P<o_year>{year})\b)?)",
        # (by) the end of the first quarter / of 2027 / of March / of next year
        rf"(?P<endof>(?:(?:by|until|before|at) )?the end of (?:the )?(?:(?P<e_q>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
        rf"|(?P<e_year>{year})\b|(?P<e_mon>{month})\b|(?P<e_rel>this|next|last) (?P<e_unit>year|month)|(?P<e_the>year|month)\b))",
        # 2026-03-03
        r"(?P<iso>\b(?P<i_y>(?:19|20)\d{2})-(?P<i_m>[01]\d)-(?P<i_d>[0-3]\d)\b)",
        rf"(?P<rel>\b(?:{rel})\b)",
        # in April / last October / since January 2025 / April
        rf"(?P<mon>(?:\b(?P<m_prep>{preps})[ -])?\b(?P<m_mon>{month})(?![\w-])(?! \d{{1,2}}\b)(?:,? (?P<m_year>{year})\b)?)",
        # on Monday / last Friday / Monday
        rf"(?P<wd>(?:\b(?P<w_prep>on|last|next|this|since|by|until|from) )?\b(?P<w_wd>{wd})\b)",
        # in 2027
        rf"(?P<year>\b(?:in|since|until|by|before|after|from|during|through) (?P<y_year>{year})\b)",
    ]
    return Vocabulary([(None, p) for p in parts], before=r"(?<![\w-])", after="", shared=True)


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s) or 0)


def _month_num(word: str) -> int:
    return _cal()["months"][word]


def _nearest_year(month: int, day: int, pub: dt.date, direction: int = 0) -> int:
    """The year that puts (month, day) nearest *pub*; ties go to the past.
    ``direction`` -1 forces a past date, +1 a future one."""
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(y, month, min(day, 28) if day else 1)
        except ValueError:
            continue
        diff = (d - pub).days
        if direction < 0 and diff > 0:
            continue
        if direction > 0 and diff <= 0:
            continue
        key = (abs(diff), diff > 0)
        if best is None or key < best[0]:
            best = (key, y)
    return best[1] if best else pub.year


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _shift_month(pub: dt.date, n: int) -> str:
    m = pub.month - 1 + n
    return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"


class _Groups(dict):
    """A match's named groups; a group of another alternative reads as None."""

    def __missing__(self, key: str) -> None:
        return None


def resolve(m: re.Match[str], pub: dt.date | None) -> str | None:
    """The date or month a match of `_pattern` refers to, or None."""
    return _resolve(_Groups(m.groupdict()), pub)


def _resolve(g: _Groups, pub: dt.date | None) -> str | None:
    if g["full"] or g["dfirst"] or g["ord"]:
        p = "f" if g["full"] else "d" if g["dfirst"] else "o"
        mon = _month_num(g[f"{p}_mon"])
        day = _day(g["o_ord"]) if p == "o" else _day(g[f"{p}_day"])
        if p == "o" and not day:
            day = _cal()["ordinals"].get(g["o_ord"], 0)
        if g[f"{p}_year"]:
            return _date(int(g[f"{p}_year"]), mon, day)
        if pub is None:
            return None
        return _date(_nearest_year(mon, day, pub), mon, day)
    if g["iso"]:
        return _date(int(g["i_y"]), int(g["i_m"]), int(g["i_d"]))
    if g["endof"]:
        if g["e_year"]:
            return f"{g['e_year']}-12"
        if pub is None:
            return None
        if g["e_q"]:
            q = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(g["e_q"]) or _day(g["e_q"])
            return f"{pub.year:04d}-{3 * q:02d}"
        if g["e_mon"]:
            mon = _month_num(g["e_mon"])
            return f"{_nearest_year(mon, 0, pub):04d}-{mon:02d}"
        unit, rel = g["e_unit"] or g["e_the"], g["e_rel"] or "this"
        shift = {"this": 0, "next": 1, "last": -1}[rel]
        if unit == "year":
            return f"{pub.year + shift:04d}-12"
        return _shift_month(pub, shift)
    if g["rel"]:
        rule = _cal()["relative"][g["rel"]]
        if pub is None or rule == "null":
            return None
        if rule.startswith("month"):
            return _shift_month(pub, int(rule[5:] or 0))
        return (pub + dt.timedelta(days=int(rule[3:]))).isoformat()
    if g["mon"]:
        mon = _month_num(g["m_mon"])
        if g["m_year"]:
            return f"{g['m_year']}-{mon:02d}"
        if pub is None:
            return None
        prep = g["m_prep"]
        if prep == "this":
            return f"{pub.year:04d}-{mon:02d}"
        direction = -1 if prep == "last" else 1 if prep == "next" else 0
        if direction == -1:
            y = pub.year if mon < pub.month else pub.year - 1
        elif direction == 1:
            y = pub.year if mon > pub.month else pub.year + 1
        else:
            y = _nearest_year(mon, 0, pub)
        return f"{y:04d}-{mon:02d}"
    if g["wd"]:
        if pub is None:
            return None
        want = _cal()["weekdays"][g["w_wd"]]
        back = (pub.weekday() - want) % 7
        if g["w_prep"] == "next":
            return (pub + dt.timedelta(days=(want - pub.weekday()) % 7 or 7)).isoformat()
        if g["w_prep"] == "last" and back == 0:
            back = 7
        return (pub - dt.timedelta(days=back)).isoformat()
    return None


def _accept(m: re.Match[str], text: str, g: _Groups | None = None) -> bool:
    """Reject the modal "May" ("may be signed") and other bare ambiguous words."""
    if g is None:
        g = _Groups(m.groupdict())
    if not g["mon"]:
        return True
    if g["mon"] and g["m_mon"] == "May" and not (g["m_prep"] or g["m_year"]):
        # Mid-sentence "May" is the month ("its May freeze"); sentence-initial may be the modal.
        before = text[max(0, m.start() - 3):m.start()].rstrip()
        if not before or before[-1] in ".!?\n\"“‘'(:;—–-" or not (before[-1].isalnum() or before[-1] == ","):
            return False
        if re.match(r"\s+(?:be|have|not|also|still|well|need|face|see|take|come|prove|soon)\b", text[m.end():m.end() + 8]):
            return False
    if g["mon"] and g["m_mon"].rstrip(".") in ("Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mar", "Apr", "Jun", "Jul") \
            and not g["m_year"]:
        return False
    return True


def scan(text: str, start: int, end: int, pub: dt.date | None) -> list[TimeExpression]:
    out = []
    for m in _pattern().finditer(text, start, end):
        if not _accept(m, text):
            continue
        out.append(TimeExpression(start=m.start(), end=m.end(), text=m.group(), resolved=resolve(m, pub)))
    return out


def parse_date(text: str) -> dt.date | None:
    """The first full calendar date (with a year) in *text*, e.g. a header's date."""
    for m in _pattern().finditer(text):
        g = m.groupdict()
        if g.get("full") or g.get("dfirst") or g.get("iso") or g.get("ord"):
            r = resolve(m, None)
            if r and len(r) == 10:
                return dt.date.fromisoformat(r)
    return None


def find(doc: Doc, published: dt.date | None = None, *context) -> list[TimeExpression]:
    """Time expressions in the header lines, the dateline and every prose sentence."""
    text = doc.text
    spans: list[tuple[int, int]] = []  # in text order: header lines, datelines, sentences
    datelines: set[int] = set()  # indexes of dateline spans in `spans`
    for block in doc.blocks:
        if block.kind == "header":
            spans.append((block.start, block.end))
        if block.dateline:
            datelines.add(len(spans))
            spans.append(block.dateline)
        if block.kind in ("furniture", "title", "header"):
            continue
        spans.extend(block.sentences)
    out: list[dict] = []
    dated: set[int] = set()
    for i, m in _pattern().in_spans(text, spans):
        g = _Groups(m.groupdict())
        if not _accept(m, text, g):
            continue
        if i in datelines:
            # The dateline's date (its first only) is labelled with its place: "WASHINGTON, March 3".
            if i not in dated:
                dated.add(i)
                s = spans[i][0]
                out.append({"start": s, "end": m.end(), "text": text[s:m.end()], "resolved": _resolve(g, published)})
        else:
            out.append({"start": m.start(), "end": m.end(), "text": m.group(), "resolved": _resolve(g, published)})
    # One validation for the list: pydantic builds records from dicts faster than one at a time.
    return validate_list(TimeExpression, out)
