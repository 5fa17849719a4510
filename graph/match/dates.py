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
# Values whose resolution depends on whether their clause tells the past or the future:
# "on Saturday" after "was held" is the Saturday before publication, after "will be held" the one after.
TENSED = frozenset({"weekday", "month-day", "month", "age-turned"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The last month of each season of the northern year ("last summer" is over once August is);
# winter runs across the new year and is left out.
SEASON_LAST_MONTH = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
# A part of a day, counted as its day by the offsets ("the next morning", "later that night").
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def tense_of(text: str, start: int, end: int, sentence: tuple[int, int], patterns: dict, headline: bool) -> str | None:
    """Whether the clause around text[start:end] tells the past or the future, or None when it does not say.

    The clause is the words from the last clause break before the expression; when they hold no
    marker, the words after it up to the next break ("On Sunday she finally got it."). Future
    markers are tried first ("will be held" holds the past participle "held"); then past ones;
    then verbs of schedule in the present ("which begin on Sept. 25"), which a headline uses
    for the past ("Mayor Resigns Tuesday") and so are not read there.
    """
    sa, sb = sentence
    breaks = patterns["clause_break"]
    before_start = sa
    for m in breaks.finditer(text, sa, start):
        before_start = m.end()
    after = breaks.search(text, end, sb)
    # the expression's own words stay in the first window: "set his trial for September" is
    # matched with its preposition, which the schedule marker needs
    windows = ((before_start, end), (end, after.start() if after else sb))
    for a, b in windows:
        if a >= b:
            continue
        if patterns["future"].search(text, a, b):
            return "future"
        if patterns["past"].search(text, a, b):
            return "past"
        if not headline and patterns["scheduled"].search(text, a, b):
            return "future"
    return None


@dataclass(frozen=True)
class DateExpr:
    """A date expression as matched, before resolution."""

    span: Span
    rule: str
    value: str
    groups: tuple[tuple[str, str], ...]
    tense: str | None = None  # "past" / "future" as its clause tells (see tense_of), for the values in TENSED

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
        self.latest: tuple[dt.date, str] | None = None  # latest value of any kind, with precision

    def resolve(self, e: DateExpr) -> DateValue | None:
        out = self._resolve(e)
        if out is None:
            return None
        precision, day, how = out
        if e.value in ABSOLUTE:
            self.anchor = (day, precision)
        if e.value == "offset" and e.group("n") is None:
            # "the next day", "later that day" count from the story's latest date, but are no new base
            # for a later offset: "died two days later" still counts from the date the text wrote
            return DateValue(_lex(precision, day), precision, e.span, e.rule, how)
        if precision == "date":
            self.anchor_day = day
        self.latest = (day, precision)
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
            value = "full-date" if year else "month-day"  # "Christmas Eve 2021" is a day of that year
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
        named = (e.group("weekday") or "").lower()
        if pub and named in WEEKDAYS:
            # "Saturday, March 1": the weekday fixes the year, whatever the clause's tense: of the
            # years around publication, the one whose such day is that weekday (nearest publication)
            fits = [d for y in (pub.year - 1, pub.year, pub.year + 1)
                    if (d := _safe_date(y, month, day)) and d.weekday() == WEEKDAYS.index(named)]
            if not fits:
                return None
            d = min(fits, key=lambda d: abs((d - pub).days))
            return ("date", d, "yearless-after-publication" if d >= pub else "yearless-before-publication")
        if pub and e.tense == "future":
            for y in (pub.year, pub.year + 1):
                d = _safe_date(y, month, day)
                if d and d >= pub:
                    return ("date", d, "yearless-after-publication")
            return None
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
        if pub and e.tense == "future":
            y = pub.year if month >= pub.month else pub.year + 1
            return ("gYearMonth", dt.date(y, month, 1), "month-after-publication")
        if pub:
            y = pub.year if month <= pub.month else pub.year - 1
            return ("gYearMonth", dt.date(y, month, 1), "month-before-publication")
        if self.anchor:
            a = self._anchor_end()
            y = a.year if month > a.month else a.year + 1
            return ("gYearMonth", dt.date(y, month, 1), "month-after-anchor")
        return None

    def _last_month(self, e, month, day, year):
        """'in June of last year': that month of the year before publication."""
        if not month:
            return None
        if self.published:
            return ("gYearMonth", dt.date(self.published.year - 1, month, 1), "last-month-previous-year")
        if self.anchor:
            return ("gYearMonth", dt.date(self.anchor[0].year, month, 1), "last-month-in-anchor-year")
        return None

    def _latest_month(self, e, month, day, year):
        """'last March': the latest March over before publication, as news copy means it (in a June article, this
        year's; in a February one, last year's)."""
        if not month:
            return None
        if self.published:
            y = self.published.year if month < self.published.month else self.published.year - 1
            return ("gYearMonth", dt.date(y, month, 1), "latest-month-before-publication")
        if self.anchor:
            return ("gYearMonth", dt.date(self.anchor[0].year, month, 1), "last-month-in-anchor-year")
        return None

    def _last_season(self, e, month, day, year):
        """'last summer': the year of the latest such season over before publication (a winter spans
        two years, so it has no entry in SEASON_LAST_MONTH and gives no date)."""
        last = SEASON_LAST_MONTH.get((e.group("season") or "").lower())
        if not last or not self.published:
            return None
        y = self.published.year if self.published.month > last else self.published.year - 1
        return ("gYear", dt.date(y, 1, 1), "season-before-publication")

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

    def _weekday(self, e, month, day, year):
        """A day of the week: the latest such day on or before publication, or for the future the
        first on or after it; "last Friday" is strictly before, "this coming Friday" strictly after."""
        pub = self.published
        name = (e.group("weekday") or "").lower()
        if not pub or name not in WEEKDAYS:
            return None
        mod = " ".join((e.group("mod") or "").lower().split())
        if mod == "next":
            return None  # the coming one or the one a week later: writers differ, so no date
        target = WEEKDAYS.index(name)
        future = mod == "this coming" or (mod in ("", "this") and e.tense == "future")
        if future:
            ahead = (target - pub.weekday()) % 7 or (7 if mod == "this coming" else 0)
            return ("date", pub + dt.timedelta(days=ahead), "weekday-after-publication")
        back = (pub.weekday() - target) % 7 or (7 if mod in ("last", "this past") else 0)
        return ("date", pub - dt.timedelta(days=back), "weekday-before-publication")

    def _last_week(self, e, month, day, year):
        """"last week": the days from the Monday of the week before publication to the day before it
        (both readings of the phrase); the month when they all fall in one, else no date.
        "last weekend", "over the weekend": the Saturday and Sunday before publication."""
        pub = self.published
        if not pub:
            return None
        if (e.group("unit") or "week").lower() == "weekend":
            sunday = pub - dt.timedelta(days=(pub.weekday() - 6) % 7 or 7)
            first, last = sunday - dt.timedelta(days=1), sunday
        else:
            first = pub - dt.timedelta(days=pub.weekday() + 7)
            last = pub - dt.timedelta(days=1)
        return _one_month(first, last, "week-before-publication")

    def _this_week(self, e, month, day, year):
        """"earlier this week" (Monday to publication), "later this week" (publication to Sunday),
        "this week" (Monday to Sunday): the month when those days fall in one."""
        pub = self.published
        if not pub:
            return None
        monday = pub - dt.timedelta(days=pub.weekday())
        when = (e.group("when") or "").lower()
        sunday = monday + dt.timedelta(days=6)
        # "this week" alone may be before or after publication: the whole week
        first, last = (pub, sunday) if when == "later" else (monday, pub) if when == "earlier" else (monday, sunday)
        return _one_month(first, last, "week-of-publication")

    def _this_month(self, e, month, day, year):
        pub = self.published
        return pub and ("gYearMonth", dt.date(pub.year, pub.month, 1), "publication-month")

    def _month_offset(self, e, month, day, year):
        """"last month", "next month": the month before or after the month of publication."""
        pub = self.published
        if not pub:
            return None
        if (e.group("which") or "").lower() == "next":
            return ("gYearMonth", _add_months(dt.date(pub.year, pub.month, 1), 1), "month-after-publication-month")
        return ("gYearMonth", _add_months(dt.date(pub.year, pub.month, 1), -1), "month-before-publication-month")

    def _year_offset(self, e, month, day, year):
        """"last year", "next year": the year before or after the year of publication."""
        pub = self.published
        if not pub:
            return None
        if (e.group("which") or "").lower() == "next":
            return ("gYear", dt.date(pub.year + 1, 1, 1), "year-after-publication")
        return ("gYear", dt.date(pub.year - 1, 1, 1), "year-before-publication")

    def _yesterday(self, e, month, day, year):
        pub = self.published
        return pub and ("date", pub - dt.timedelta(days=1), "day-before-publication")

    def _offset(self, e, month, day, year):
        """"two days earlier", "a year later", "two years after meeting": a span of time counted
        from the latest date written before it. "later" and "before <what>" count forward;
        "earlier" and "after <what>" count back (the thing after "after" came first).
        Days and weeks need a day to count from; months give a month; years a year."""
        n = _number(e.group("n"), self.numbers)
        unit = (e.group("unit") or "").lower()
        direction = " ".join((e.group("dir") or "").lower().split())
        if unit in PARTS_OF_DAY:
            unit = "day"  # "the next morning" is the next day
        if e.group("n") is None and direction in ("next", "following"):
            n, direction = 1, "later"  # "the next day": one day after the latest date written
        elif e.group("n") is None and direction in ("that", "the same"):
            n, direction = 0, "later"  # "later that day", "the same evening": the latest date's own day
        if n is None or (not n and unit != "day") or unit not in UNITS or not self.latest:
            return None
        sign = 1 if direction in ("later", "before") else -1
        precision, how = _OFFSETS[(unit, sign)]
        base, base_precision = self.latest
        if unit in ("day", "week"):
            if base_precision != "date":
                return None
            return (precision, base + dt.timedelta(days=sign * n * (7 if unit == "week" else 1)), how)
        if unit == "month":
            if base_precision == "gYear":
                return None
            return (precision, _add_months(dt.date(base.year, base.month, 1), sign * n), how)
        return (precision, dt.date(base.year + sign * n, 1, 1), how)

    def _age_turned(self, e, month, day, year):
        """"Otis turned 3 in March", "she turned 40 on Tuesday": the birthday is told in the past
        (as a day, a month or a weekday before publication), unless its clause tells it is to come
        ("will mark their 50th anniversary in June"); the birth is that many years before it."""
        n = _number(e.group("n"), self.numbers)
        if n is None:
            return None
        if e.group("unit"):
            # "turns 5 this summer", "turned 2 last month": the birthday's month or year counted
            # from publication (the value types have no group for a relative unit of their own, so
            # the one expression carries it here: groups rel and unit)
            told = self._birthday_of(e.group("rel"), e.group("unit"))
        elif e.group("would") and (day or not e.group("weekday")):
            # "would have celebrated their 40th anniversary in August", said of the dead: the
            # anniversary falls near their death, so near publication, on either side of it: of the
            # readings before and after publication, the nearer one
            told = self._nearest_to_publication(e, month, day, year)
        else:
            # mostly told in the past; "who will mark their 50th wedding anniversary in June" is to come
            tense = "future" if e.tense == "future" else "past"
            if e.group("weekday"):
                told = self._weekday(DateExpr(e.span, e.rule, "weekday", e.groups, tense), month, day, year)
            elif day:
                told = self._month_day(DateExpr(e.span, e.rule, "month-day", e.groups, tense), month, day, year)
            else:
                told = self._bare_month(DateExpr(e.span, e.rule, "month", e.groups, tense), month, day, year)
        if not told:
            return None
        precision, d, _ = told
        born = _safe_date(d.year - n, d.month, d.day)
        return born and (precision, born, "age-before-birthday")

    def _nearest_to_publication(self, e, month, day, year):
        """A day or a month without a year read both ways, before and after publication: the reading
        nearer to it (a tie goes to the past)."""
        pub = self.published
        if not pub:
            return None
        value, handler = ("month-day", self._month_day) if day else ("month", self._bare_month)
        readings = [handler(DateExpr(e.span, e.rule, value, e.groups, tense), month, day, year)
                    for tense in ("past", "future")]
        readings = [r for r in readings if r]
        return min(readings, key=lambda r: abs((r[1] - pub).days), default=None)

    def _birthday_of(self, rel: str | None, unit: str | None):
        """The month or year a birthday told relative to publication falls in: last/this/next month,
        last/this/next year, this or last summer (spring, autumn, fall; a winter spans two years and
        "next summer" is read two ways, so neither gives a date)."""
        pub = self.published
        rel, unit = (rel or "").lower(), (unit or "").lower()
        step = {"last": -1, "this": 0, "next": 1}.get(rel)
        if not pub or step is None:
            return None
        if unit == "month":
            return ("gYearMonth", _add_months(dt.date(pub.year, pub.month, 1), step), "")
        if unit == "year":
            return ("gYear", dt.date(pub.year + step, 1, 1), "")
        if unit in SEASON_LAST_MONTH and rel == "this":
            return ("gYear", dt.date(pub.year, 1, 1), "")
        if unit in SEASON_LAST_MONTH and rel == "last":  # the latest such season over, as _last_season
            last = SEASON_LAST_MONTH[unit]
            return ("gYear", dt.date(pub.year if pub.month > last else pub.year - 1, 1, 1), "")
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


def _add_months(d: dt.date, n: int) -> dt.date:
    """The first day of the month n months after d's month (n may be negative)."""
    index = d.year * 12 + d.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _one_month(first: dt.date, last: dt.date, how: str):
    """The month of a run of days when they all fall in one month; else no date (the text does not say which)."""
    if (first.year, first.month) != (last.year, last.month):
        return None
    return ("gYearMonth", dt.date(first.year, first.month, 1), how)


# (unit, direction) of an offset -> the precision it gives and the resolver named in the graph
_OFFSETS = {
    ("day", 1): ("date", "days-after-anchor"),
    ("day", -1): ("date", "days-before-anchor"),
    ("week", 1): ("date", "weeks-after-anchor"),
    ("week", -1): ("date", "weeks-before-anchor"),
    ("month", 1): ("gYearMonth", "months-after-anchor"),
    ("month", -1): ("gYearMonth", "months-before-anchor"),
    ("year", 1): ("gYear", "years-after-anchor"),
    ("year", -1): ("gYear", "years-before-anchor"),
}


# dates.yaml `value:` -> the method that resolves it; one entry for every member of the
# catalogue's DATE_VALUES (named-day is read as the month-day it names)
_HANDLERS = {
    "full-date": "_full_date",
    "month-year": "_month_year",
    "year": "_year",
    "month-day": "_month_day",
    "month": "_bare_month",
    "last-month": "_last_month",
    "latest-month": "_latest_month",
    "last-season": "_last_season",
    "years-ago": "_years_ago",
    "this-year": "_this_year",
    "recently": "_this_year",
    "weeks-after": "_weeks_after",
    "weekday": "_weekday",
    "last-week": "_last_week",
    "this-week": "_this_week",
    "this-month": "_this_month",
    "month-offset": "_month_offset",
    "year-offset": "_year_offset",
    "yesterday": "_yesterday",
    "offset": "_offset",
    "age-turned": "_age_turned",
}
