"""The closed sets the rule files draw from, each member with what it means.

One source for each set: the rule loader checks the files against these tables,
the matcher, the resolver and the emitter use them, the graph describes the rules
that live in code from them, and the docs test checks the README against them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One member of a closed set: its name as written in a rule file, and what it means."""

    name: str
    meaning: str


def _table(*terms: Term) -> dict[str, Term]:
    return {t.name: t for t in terms}


# relations.yaml `relation:` -> the group names its pattern captures
# A step-parent tie ("his stepfather, Randall Ochs") is read so that the inferences know that
# spouse of a parent is no parent of that child; schema.org has no property for it, so it is
# never written.
RELATIONS = {"spouse": ("person", "spouse"), "parent": ("parent", "child"), "sibling": ("sibling",),
             "step-parent": ("parent", "child")}

# relations.yaml `inferences:` `infer:`: what each inference computes (graph/resolve/family.py)
INFERENCES = _table(
    Term("sibling-from-shared-parent", "two children of one parent, as one article says, are siblings"),
    Term("parent-from-spouse", "a child's parent's only spouse is the child's other parent, as one article tells both "
                               "ties and names no second spouse or other parent"),
    Term("parent-from-sibling", "a parent of one of two siblings is the other's parent, as one article tells both ties "
                                "and calls them brother or sister without half- or step-; never a step-parent by the "
                                "article's ties, nor where the sibling has a stated parent who is not that parent's spouse"),
)

# relations.yaml `gender_words:`: for each gender, the titles and kinship words that tell it
GENDER_WORD_KINDS = ("titles", "kin")

# roles.yaml `refers:`
REFERS = _table(
    Term("protagonist", "the person the article is about (most mentioned, the headline weighing three times); "
                        "`gender` narrows it where the word tells"),
    Term("protagonist-and-spouse", "the protagonist and their spouse (\"the duo\")"),
    Term("spouse-of", "the spouse of the person group `of` refers to"),
    Term("recent-group", "the last list of people written before (\"Luna and Miles\")"),
    Term("paragraph-couple", "the last list of people written before in the same paragraph (\"Nadia Brook and Omar "
                             "Hale ... their son\"); else the protagonist and spouse when the protagonist, or no one, "
                             "is the last person named before in the paragraph; else no one"),
    Term("outer-speaker", "inside a quotation: whoever says the enclosing quotation"),
    Term("none", "no one: the words name nobody this article can resolve"),
)

# quotes.yaml `where:`
QUOTE_WHERE = _table(
    Term("after", "the words right after the closing mark (“…,” Teigen said)"),
    Term("before", "the words before the opening mark, back to the sentence start; the pattern must reach the mark"),
    Term("nested-before", "the same, inside the enclosing quotation (they always say, ‘…’)"),
    Term("sentence", "anywhere in the quotation's sentence"),
    Term("next-sentence", "the words right after a quotation that ends its sentence, where the next sentence of its "
                          "paragraph begins, saying whose words they were (“…” So said Blessing Ekanem)"),
    Term("continues", "where the quotation's paragraph starts; the speaker is the last one credited in the previous "
                      "paragraph (with `paragraph: previous`, the one its narration says spoke; with `paragraph: "
                      "next`, the one the next paragraph says the words were of)"),
    Term("transcript", "where a paragraph starts: the rest of the paragraph, without quote marks, is the words of the "
                       "`speaker` group, or with none (an answer, \"A: …\") of the one person the headline names"),
)

# quotes.yaml `paragraph:` of a `continues` rule (without it: the previous paragraph's last quotation's speaker)
QUOTE_PARAGRAPH = _table(
    Term("previous", "the pattern is searched in the previous paragraph, which holds no quotation; the one person "
                     "it names as speaking is the speaker"),
    Term("next", "the pattern must match where the next paragraph starts, naming whose words they were (\"Those "
                 "were the words of Mrs Firth\"); the one person it names is the speaker, else nobody"),
    Term("same", "the quotation opens a sentence inside its paragraph and only quotation follows it there; the "
                 "pattern is searched in the narration before it, which holds no quotation, and the one person "
                 "it names as speaking is the speaker"),
)

# events.yaml `date:` of an event rule
EVENT_DATE = _table(
    Term("sentence", "the date written in the event's sentence"),
    Term("match", "the date inside the rule's own match"),
    Term("after", "the nearest date of the sentence after the rule's match (its verb ends the match: who emigrated in 1979 and died in 2016)"),
    Term("none", "no date from this telling"),
)

# events.yaml groups and `key:`: a participant's role -> the property that links it to the event
EVENT_ROLES = {
    "organizer": "schema:organizer",
    "attendee": "schema:attendee",
    "about": "schema:about",
    "location": "schema:location",
    "platform": "kg:platform",
    "work": "schema:workFeatured",
}

# names.yaml `evidence:`: how much a name rule's match proves (graph/match/names.py weighs them)
NAME_EVIDENCE = _table(
    Term("context", "the words around it say what it is (his son, Tom; Gov. X; the law firm X)"),
    Term("shape", "the name's own last word says it (College, Records, Street, County), or a dateline"),
    Term("capitals", "only capital letters and a verb or preposition (X said, in X)"),
    Term("surname", "a full name whose last word is already a person of the article"),
    Term("given", "a full name whose first word is one of names.yaml's given_names (in a joint name "
                  "with a `surname` group, every `name` capture's first word)"),
    Term("against", "a veto: a word after the, a, her or & begins no person's name"),
    Term("credit", "a line of the article's credits (By X; Reporting by X): its writer or editor, a person "
                   "of the article but none its story's words stand for (no speaker's, pronoun's or tie's)"),
)

# names.yaml `title:`: what the rule's `title` group is, emitted as schema:honorificPrefix or schema:jobTitle
TITLE_KINDS = {"honorific": "schema:honorificPrefix", "job": "schema:jobTitle"}

# names.yaml and roles.yaml `gender:`
GENDERS = _table(Term("f", "female"), Term("m", "male"))

# dates.yaml `value:`: what a match carries (its groups) and how it is made absolute
DATE_VALUES = _table(
    Term("full-date", "day, month and year (groups day, month, year): absolute"),
    Term("month-year", "month and year (groups month, year): absolute"),
    Term("year", "a year (group year): absolute"),
    Term("month-day", "a day without a year (groups month, day)"),
    Term("month", "a bare month (group month)"),
    Term("last-month", "\"in June of last year\": that month of the year before (group month)"),
    Term("latest-month", "\"last September\": the latest such month before publication (group month)"),
    Term("last-season", "\"last summer\" (group season: spring, summer, autumn or fall)"),
    Term("years-ago", "\"a year ago\" (group n, a number or a number word)"),
    Term("this-year", "\"earlier this year\""),
    Term("recently", "\"recently\": the year of publication"),
    Term("weeks-after", "\"two weeks after\" (group n)"),
    Term("named-day", "an observance listed in named_days (group name, else the whole match)"),
    Term("weekday", "\"on Tuesday\" (group weekday; group mod: last, next, this, this past, this coming), "
                    "by the tense of its clause"),
    Term("last-week", "\"last week\", \"last weekend\", \"over the weekend\" (group unit: week or weekend)"),
    Term("this-week", "\"earlier this week\", \"later this week\" (group when)"),
    Term("this-month", "\"earlier this month\", \"later this month\""),
    Term("month-offset", "\"last month\", \"next month\" (group which: last or next)"),
    Term("year-offset", "\"last year\", \"next year\" (group which: last or next)"),
    Term("yesterday", "\"yesterday\": the day before publication"),
    Term("offset", "\"two days earlier\", \"a year later\", \"two years after meeting\" (groups n; unit: day, "
                   "week, month or year; dir: later, earlier, after or before)"),
    Term("age-turned", "\"turned 3 in March\", \"turned 40 on Tuesday\": the date of birth (groups n; month and "
                       "day, or weekday)"),
)

# dates.yaml `tense:`: the markers, each a regex, that tell a clause's tense (graph/match/dates.py)
TENSE_MARKERS = ("clause_break", "future", "past", "scheduled")

# How a relative or partial date was made absolute: the resolvers of graph/match/dates.py.
# Each is named in the graph as the rule behind a resolved date (kg:dateResolution).
DATE_RESOLVERS = _table(
    Term("yearless-before-publication",
         "A day without a year, in a dated article: the latest such day on or before publication."),
    Term("yearless-after-anchor",
         "A day without a year, in an undated article: the first such day after the latest full date written before it."),
    Term("month-before-publication", "A bare month in a dated article: the latest such month on or before publication."),
    Term("month-after-anchor",
         "A bare month in an undated article: the first such month after the latest date written before it."),
    Term("last-month-previous-year", "'in June of last year' in a dated article: that month of the year before publication."),
    Term("latest-month-before-publication",
         "'last September' in a dated article: the latest such month before the month of publication."),
    Term("last-month-in-anchor-year",
         "'last September' in an undated article: that month in the year of the latest date written before it."),
    Term("season-before-publication",
         "'last summer' in a dated article: the year of the latest such season over before publication."),
    Term("years-before-publication", "'a year ago': the year of publication minus the years."),
    Term("publication-year", "'earlier this year', 'recently': the year of publication."),
    Term("anchor-year", "'earlier this year' in an undated article: the year of the latest date written before it."),
    Term("weeks-before-anchor", "'two weeks after', 'two weeks earlier': the latest day written before it, minus the weeks."),
    Term("yearless-after-publication",
         "A day without a year in a clause telling the future ('takes effect on July 1'): the first such day on or "
         "after publication."),
    Term("month-after-publication",
         "A bare month in a clause telling the future ('will take office in January'): the first such month on or "
         "after the month of publication."),
    Term("weekday-before-publication",
         "'on Tuesday' in the past: the latest such weekday on or before publication ('last Tuesday': before it)."),
    Term("weekday-after-publication",
         "'on Saturday' in a clause telling the future ('will be held on Saturday'): the first such weekday on or "
         "after publication ('this coming Saturday': after it)."),
    Term("week-before-publication",
         "'last week': from the Monday of the week before publication to the day before publication (both readings); "
         "'last weekend': the Saturday and Sunday before it. The month when those days fall in one month, else no date."),
    Term("week-of-publication",
         "'earlier this week' (Monday to publication) or 'later this week' (publication to Sunday): the month when "
         "those days fall in one month, else no date."),
    Term("publication-month", "'earlier this month': the month of publication."),
    Term("month-before-publication-month", "'last month': the month before the month of publication."),
    Term("month-after-publication-month", "'next month': the month after the month of publication."),
    Term("year-before-publication", "'last year': the year before the year of publication."),
    Term("year-after-publication", "'next year': the year after the year of publication."),
    Term("day-before-publication", "'yesterday': the day before publication."),
    Term("days-before-anchor", "'two days earlier': the latest date written before it (a day), minus the days."),
    Term("days-after-anchor", "'two days later': the latest date written before it (a day), plus the days."),
    Term("weeks-after-anchor", "'two weeks later': the latest date written before it (a day), plus the weeks."),
    Term("months-before-anchor",
         "'three months earlier': the month of the latest date written before it (a day or a month), minus the months."),
    Term("months-after-anchor",
         "'three months later': the month of the latest date written before it (a day or a month), plus the months."),
    Term("years-before-anchor",
         "'a year earlier', 'two years after meeting': the year of the latest date written before it, minus the years."),
    Term("years-after-anchor", "'a year later': the year of the latest date written before it, plus the years."),
    Term("age-before-birthday",
         "'turned 3 in March': the birthday (a day, month or weekday before publication) less the years: a birth date."),
)


@dataclass(frozen=True)
class CodeRule:
    """A rule applied by code rather than written in schema/rules; the graph names it like any rule."""

    id: str
    kind: str  # the rule file it stands beside
    module: str  # the module whose code applies it
    meaning: str

    @property
    def defined_in(self) -> str:
        return self.module.replace(".", "/") + ".py"


CODE_RULES = {r.id: r for r in (
    CodeRule("article-headline", "loader", "graph.load",
             "A first line with no sentence punctuation, followed by a blank line, is the headline."),
    CodeRule("article-date-marker", "loader", "graph.load",
             "A leading ' date YYYY-MM-DD' marker is the date of publication."),
    CodeRule("name-recurrence", "names", "graph.match.names",
             "A later use of a name (or its first or last word) found earlier in the article."),
    CodeRule("maiden-name", "names", "graph.match.names",
             "A surname after 'née' is the maiden name of the person named right before it."),
    *(CodeRule(t.name, "dates", "graph.match.dates", t.meaning) for t in DATE_RESOLVERS.values()),
)}
