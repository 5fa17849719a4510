"""Find date expressions and make them absolute at the precision the text gives.

The date rules (schema/rules/dates.yaml) find the expressions; each names a `value`
kind that says which groups it carries. Partial and relative dates are resolved
here, and the resolver's id is kept with the value so the evidence says how; the
resolvers and what each does are listed in graph/rules/catalogue.py (DATE_RESOLVERS).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.records import DateValue, Span

ABSOLUTE = {"full-date", "month-year", "year"}


@dataclass(frozen=True)
class DateExpr:
    """A date expression as matched, before resolution."""

    span: Span
    rule: str
    value: str
    groups: tuple[tuple[str, str], ...]

    def group(self, name: str) -> str | None:
        for k, v in self.groups:
            if k == name:
                return v
        return None


def _month(name: str | None, months: dict[str, int]) -> int | None:
    if not name:
        return None
    key = name.rstrip(".").strip()
    for candidate in (key, key.capitalize(), key.title()):
        if candidate in months:
            return int(months[candidate])
    return None


def _number(word: str | None, numbers: dict[str, int]) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return numbers.get(word.lower())


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _lex(precision: str, d: dt.date) -> str:
    if precision == "date":
        return d.isoformat()
    if precision == "gYearMonth":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


class DateResolver:
    """Resolves the date expressions of one article, in text order."""

    def __init__(self, settings: dict, published: str | None):
        self.months = settings.get("months", {})
        self.numbers = settings.get("numbers", {})
        self.named = settings.get("named_days", {})
        self.published = dt.date.fromisoformat(published) if published else None
        self.anchor: tuple[dt.date, str] | None = None  # latest absolute date seen, with precision
        self.anchor_day: dt.date | None = None  # latest day-precision value seen (absolute or resolved)

    def resolve(self, e: DateExpr) -> DateValue | None:
        out = self._resolve(e)
        if out is None:
            return None
        precision, day, how = out
        if e.value in ABSOLUTE:
            self.anchor = (day, precision)
        if precision == "date":
            self.anchor_day = day
        return DateValue(_lex(precision, day), precision, e.span, e.rule, how)

    def _resolve(self, e: DateExpr):
        """(precision, first day, resolver id), or None when the text does not fix a date."""
        month = _month(e.group("month"), self.months)
        day = _number(e.group("day"), self.numbers)
        year = _number(e.group("year"), self.numbers)
        value = e.value
        if value == "named-day":
            md = self.named.get(e.group("name") or e.span.exact)
            if not md:
                return None
            month, day = (int(x) for x in str(md).split("-"))
            value = "month-day"
        try:
            return getattr(self, _HANDLERS[value])(e, month, day, year)
        except (ValueError, OverflowError):
            # arithmetic past the calendar's range ("4500 years ago" from a year-0020 marker,
            # "9999999 weeks after"): no date, rather than a wrong one or a crash
            return None

    def _full_date(self, e, month, day, year):
        d = month and day and year and _safe_date(year, month, day)
        return d and ("date", d, "absolute")

    def _month_year(self, e, month, day, year):
        return month and year and ("gYearMonth", dt.date(year, month, 1), "absolute")

    def _year(self, e, month, day, year):
        return year and ("gYear", dt.date(year, 1, 1), "absolute")

    def _month_day(self, e, month, day, year):
        if not (month and day):
            return None
        pub = self.published
        if pub:
            for y in (pub.year, pub.year - 1):
                d = _safe_date(y, month, day)
                if d and d <= pub:
                    return ("date", d, "yearless-before-publication")
            return None
        if self.anchor:
            a = self.anchor[0]
            for y in (a.year, a.year + 1):
                d = _safe_date(y, month, day)
                if d and d > self._anchor_end():
                    return ("date", d, "yearless-after-anchor")
        return None

    def _bare_month(self, e, month, day, year):
        if not month:
            return None
        pub = self.published
        if pub:
            y = pub.year if month <= pub.month else pub.year - 1
            return ("gYearMonth", dt.date(y, month, 1), "month-before-publication")
        if self.anchor:
            a = self._anchor_end()
            y = a.year if month > a.month else a.year + 1
            return ("gYearMonth", dt.date(y, month, 1), "month-after-anchor")
        return None

    def _last_month(self, e, month, day, year):
        if not month:
            return None
        if self.published:
            return ("gYearMonth", dt.date(self.published.year - 1, month, 1), "last-month-previous-year")
        if self.anchor:
            return ("gYearMonth", dt.date(self.anchor[0].year, month, 1), "last-month-in-anchor-year")
        return None

    def _years_ago(self, e, month, day, year):
        if not self.published:
            return None
        n = _number(e.group("n"), self.numbers) or 1
        return ("gYear", dt.date(self.published.year - n, 1, 1), "years-before-publication")

    def _this_year(self, e, month, day, year):
        if self.published:
            return ("gYear", dt.date(self.published.year, 1, 1), "publication-year")
        if self.anchor and e.value == "this-year":
            return ("gYear", dt.date(self.anchor[0].year, 1, 1), "anchor-year")
        return None

    def _weeks_after(self, e, month, day, year):
        n = _number(e.group("n"), self.numbers)
        if self.anchor_day and n:
            return ("date", self.anchor_day - dt.timedelta(weeks=n), "weeks-before-anchor")
        return None

    def _anchor_end(self) -> dt.date:
        """The last day the anchor covers: a year anchor covers the whole year."""
        d, precision = self.anchor
        if precision == "gYear":
            return dt.date(d.year, 12, 31)
        if precision == "gYearMonth":
            nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return d


# dates.yaml `value:` -> the method that resolves it; one entry for every member of the
# catalogue's DATE_VALUES (named-day is read as the month-day it names)
_HANDLERS = {
    "full-date": "_full_date",
    "month-year": "_month_year",
    "year": "_year",
    "month-day": "_month_day",
    "month": "_bare_month",
    "last-month": "_last_month",
    "years-ago": "_years_ago",
    "this-year": "_this_year",
    "recently": "_this_year",
    "weeks-after": "_weeks_after",
}
