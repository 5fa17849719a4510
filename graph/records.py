"""Frozen records that flow through the pipeline.

Extraction of one article yields an `Extraction` made only of these records:
plain, hashable, picklable values, so a process pool or a cluster can run
extraction and send the results back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """Evidence: `text[start:end] == exact` in the article `article`."""

    article: str
    start: int
    end: int
    exact: str


@dataclass(frozen=True, order=True)
class Ref:
    """A reference to a story node, resolved to an IRI by the merge.

    kind:
      "name"      a name as written ("Chrissy Teigen", "Teigen"); value is the name
      "entity"    a gazetteer entry; value is its id
      "spouse-of" the spouse of the person `inner` refers to
      "titled"    a person a title and a surname name ("Ms Hardesty"), decided among the bearers of
                  that surname where it was read; value is the full name, which the merge does not
                  decide again as it does a bare surname
    type is the schema.org class expected ("Person", "Organization", ...).
    """

    kind: str
    value: str
    type: str = "Person"
    inner: Ref | None = None


@dataclass(frozen=True, order=True)
class Mention:
    """A story node named in the text (a name, alias, or resolved role phrase)."""

    ref: Ref
    span: Span
    rule: str
    alias: str | None = None  # a surface form to record as schema:alternateName
    gender: str | None = None  # "f" / "m" when a rule's wording tells (daughter, husband)
    # Titles the text gives this person right at this mention, never part of the name:
    # (kind, words as printed, evidence) with kind "honorific" (Dr., Mrs., the Rev.: for
    # schema:honorificPrefix) or "job" (Gov., Sen., Judge, coach, chief executive: for
    # schema:jobTitle); the evidence span runs from the title to the name ("Gov. Daniel
    # Ashgrove", "Maren Kettering, the company’s chief executive"). Set by the name rules'
    # `title:` key and group; the rule is the mention's `rule`.
    titles: tuple[tuple[str, str, Span], ...] = ()


@dataclass(frozen=True, order=True)
class Relation:
    """A family tie: predicate is one of spouse, parent, sibling (child -> parent for parent).

    subject_at / object_at: the words each person was read from (a name, or the name a
    possessive pronoun stands for), so the merge reads a single name where it was written.
    speaker: "subject" or "object" when that person is "my" inside a quotation ("my
    husband, Daniel"): whoever says the quotation, which the merge knows (its ref is "my").
    """

    predicate: str
    subject: Ref
    object: Ref
    span: Span
    rule: str
    subject_at: Span | None = None
    object_at: Span | None = None
    speaker: str | None = None


@dataclass(frozen=True, order=True)
class DateValue:
    """A date at a precision: lexical is an xsd:date, xsd:gYearMonth or xsd:gYear literal."""

    lexical: str
    precision: str  # "date" | "gYearMonth" | "gYear"
    span: Span
    rule: str  # the date rule that matched the expression
    resolution: str  # how it was made absolute: "absolute" or a resolver id


@dataclass(frozen=True, order=True)
class Role:
    """A participant of an event: role is organizer, attendee, about, location, platform or work.

    `at`: for a pronoun ("he set up a company"), the mention of the name it stands for, where the
    merge decides whom that name is (a bare surname two people bear may be neither); `span` stays
    the words of the telling. No part of a role's identity."""

    role: str
    ref: Ref
    span: Span
    at: Span | None = field(default=None, compare=False)

    @property
    def read_at(self) -> Span:
        """Where the merge reads whom the role's words stand for: the mention a pronoun stands for, else its words."""
        return self.at or self.span


@dataclass(frozen=True, order=True)
class EventRecord:
    """One telling of an event by one article."""

    kind: str
    span: Span
    rule: str
    roles: tuple[Role, ...] = ()
    dates: tuple[DateValue, ...] = ()
    attributes: tuple[tuple[str, str, Span], ...] = ()  # (property, value, evidence)
    part_of: int | None = None  # index into Extraction.events of the event this one belongs to (a comment's post)


@dataclass(frozen=True, order=True)
class QuoteRecord:
    """A quotation: its pieces as printed (a split quote has several) and its speakers."""

    pieces: tuple[Span, ...]
    speakers: tuple[Role, ...]  # role "creator"; span is the attribution wording
    rule: str
    about: tuple[Mention, ...] = ()
    event: int | None = None  # index into Extraction.events of the event it was said in
    parent: int | None = None  # index into Extraction.quotes of the quote it is nested in

    @property
    def text(self) -> str:
        return " ".join(p.exact for p in self.pieces)


@dataclass(frozen=True)
class ArticleMeta:
    """What the loader knows about an article, with evidence spans."""

    id: str
    path: str
    sha256: str
    headline: Span | None = None
    date: str | None = None  # ISO date of the ` date YYYY-MM-DD` marker
    date_span: Span | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything one article yields; a pure function of its text and the rules."""

    article: ArticleMeta
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[EventRecord, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    hits: tuple[tuple[str, int], ...] = ()  # rule id -> times it fired
    unmatched: tuple[tuple[str, Span], ...] = field(default=())  # (why, sentence) for coverage
    sentences: tuple[tuple[int, int], ...] = ()  # sentence boundaries, for evidence in context
