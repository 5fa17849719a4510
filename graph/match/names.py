"""Names step: find the mentions of people, organisations, works and places, and every later use of a name.

Sieves, most certain first (as in CoreNLP's deterministic coreference):

1. the gazetteer: names the rules know outright;
2. the name rules of `names.yaml`, each match a *candidate* whose rule says how much its
   words prove (`evidence`):
     context   the words around say what it is (his son, Tom; Gov. X; X, a law firm)
     shape     the name's own words say it (Corvane Systems, Dock Street, a dateline)
     capitals  only its capitals and a verb or preposition (X said, in X)
     surname   a full name whose last word is a person the article names otherwise
     given     a full name whose first word is a given name (names.yaml `given_names`)
     against   no candidate: what its `name` group covers begins no person's name
               (the Major League, a Grand Slam, her Instagram); with `everywhere: true`, the
               words it covers are no person's name anywhere in the article (a work's title)
3. the candidates that overlap are decided by type and evidence (an organisation's
   designator beats a person's context, which beats a place's shape...); weak candidates
   lose to a name of another type, and a lone capitalised word is a person only where
   the article writes it capitalised in mid-sentence (never "Dinner was cooked");
4. every later use of a found name: a person's full name, first or last word or
   nickname; an organisation's or place's name, and the first word of an organisation
   named with its designator (Corvane for Corvane Systems).

Title-case lines (headlines) give no capitals evidence: there every word is capitalised.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from dataclasses import dataclass

import regex

from graph.errors import ArticleTooSlow
from graph.match.context import Context
from graph.match.spans import SpanIndex
from graph.records import Mention, Ref
from graph.rules.ruleset import Rule, fold_accents

PERSON = "Person"
ORGANIZATION = "Organization"
MAIDEN_NAME = "maiden-name"  # the code rule of a surname after "née" (graph/rules/catalogue.py)
PLACE = "Place"


# Which candidate keeps a stretch of text that two of different types claim. An organisation's
# designator (Ellery College) is surer than a person's context ("host Ellery College"); a
# person's context ("A spokesperson, Lee Park,") surer than a place's designator (Park).
_RANK = {
    (ORGANIZATION, "shape"): 5, (ORGANIZATION, "context"): 5,
    (PERSON, "context"): 4,
    (PLACE, "shape"): 3, (PLACE, "context"): 3,
    (ORGANIZATION, "capitals"): 2, (PLACE, "capitals"): 2,
    (PERSON, "capitals"): 1, (PERSON, "surname"): 1,
    # a given name is surer than capitals alone, less sure than a thing's own designator
    (PERSON, "given"): 2.5,
}
# a first name only the world table holds (Sagar, Harlow, Malin) is surer than capitals alone, less sure
# than a place's or a firm's capitals: "in Sagar Vihar", "from Harlow Vale", "at Malin Head" are places
_WORLD_GIVEN_RANK = 1.5
_WEAK = ("capitals", "surname", "given")
_RANKED_TYPES = (PERSON, ORGANIZATION, PLACE)

_QUOTED_NICK = regex.compile(r"[\"“”‘’'][^\"“”‘’']+[\"“”‘’']")
_NICK = regex.compile(r"[\"“‘']([^\"“”‘’']+)[\"”’']")
_SPACES = regex.compile(r"\s+")
_WORD = regex.compile(r"[\p{L}’'-]+")
_DATE_MARKER = regex.compile(r"^\s?date\s+\d{4}-\d\d-\d\d\b")
# a full stop, question or exclamation mark ending a line, also inside a closing quote mark: a headline of
# two title-case sentences ends so (_title_lines)
_HEADLINE_END = regex.compile(r"[.!?][\"”’]?\s*$")
# a sentence's end, also inside a closing quote mark, or a credit line in parentheses; a headline
# may end in quoted words ("Vance Gets Candid: ‘The Kids Could See Straight Through It’")
_LINE_END = regex.compile(r"(?:[.!?:][\"”’)]?|\))\s*$")
_EXCLAIMED = regex.compile(r"[!?][\"”’)]?\s*$")
_CAPITAL_WORD = regex.compile(r"\p{Lu}[\p{Ll}’'-]*\p{Ll}")


def name_tokens(name: str) -> list[str]:
    """The words of a name, without a quoted nickname: Vilailuck "Pepper" Teigen -> [Vilailuck, Teigen]."""
    return list(_tokens(name))


@functools.lru_cache(maxsize=65536)  # asked of the same few hundred names a million times per thousand articles
def _tokens(name: str) -> tuple[str, ...]:
    plain = _QUOTED_NICK.sub(" ", name)
    return tuple(t for t in _SPACES.split(plain) if t)


def nickname(name: str) -> str | None:
    m = _NICK.search(name)
    return m.group(1) if m else None


# The capitalised particles of macros.yaml PARTICLE (Irish surnames: Ó Súilleabháin, Ní Bhriain; the Māori
# Te Rangi)
CAPITAL_PARTICLES = frozenset({"Ó", "Ní", "Nic", "Uí", "Ua", "Te"})


# a surname with its article joined by a hyphen (al-Ghamrawy, el-Shazly; macros.yaml ARTICLE) is a word of the
# name, not a particle, though it begins in lower case
_ARTICLE_JOINED = regex.compile(r"\p{Ll}{1,3}-\p{Lu}")


def is_particle(token: str) -> bool:
    return (not token[:1].isupper() and not _ARTICLE_JOINED.match(token)) or token in CAPITAL_PARTICLES


# The generational suffixes a person's name may end in (Ramon dela Cruz Jr., Walter Brennan III):
# part of who the person is (a father and his son may differ by it alone), never a word one calls
# them by, nor their surname. Each written form -> the one the name keeps.
SUFFIXES = {"Jr.": "Jr.", "Jr": "Jr.", "Sr.": "Sr.", "Sr": "Sr.", "II": "II", "III": "III", "IV": "IV"}
# a suffix right after a person's name; "Jr" without its full stop is the British house style. The
# older style's comma ("Martin Luther King, Jr.") is left out: it would make "King," the surname
_SUFFIX_AFTER = regex.compile(r"\s(?:Jr\.?|Sr\.?|III|II|IV)(?![\p{L}\p{N}’'-])")


def suffix_after(text: str, end: int) -> int:
    """Where a person's name ending at `end` ends with the generational suffix written after it
    (end itself when none is)."""
    m = _SUFFIX_AFTER.match(text, end)
    return m.end() if m else end


def suffix(name: str) -> str | None:
    """A name's generational suffix, one form for each ("Jr" and "Jr." are Jr.), or None."""
    tokens = name_tokens(name)
    return SUFFIXES.get(tokens[-1]) if len(tokens) > 1 else None


def _unsuffixed(name: str) -> list[str]:
    """The words of a name but its generational suffix."""
    tokens = name_tokens(name)
    return tokens[:-1] if len(tokens) > 1 and tokens[-1] in SUFFIXES else tokens


@functools.lru_cache(maxsize=65536)
def counted_words(name: str) -> tuple[str, ...]:
    """The words of a name that count it as one word or a full name, the last its surname: all but
    a capitalised particle ("Ó Súilleabháin" is one word, a surname; "Diarmuid Ó Súilleabháin"
    two) and a generational suffix (the surname of Ramon dela Cruz Jr. is Cruz)."""
    return tuple(t for t in _unsuffixed(name) if t not in CAPITAL_PARTICLES)


def family_name_first(name: str, given_names) -> bool:
    """Whether a full name is written family name first (Lim Hui Min, Goh Lay Hoon): three words, no particle,
    the first no given name; its first word is then its surname, its last two its given name."""
    tokens = name_tokens(name)
    return len(tokens) == 3 and tokens[0] not in given_names and not any(map(is_particle, tokens))


def surname(name: str) -> str:
    """The last word of a name that one may call the person by: Cruz of Ramon dela Cruz Jr."""
    words = counted_words(name)
    return words[-1] if words else name


def name_words(name: str) -> list[str]:
    """The words one may call a person by alone: the capitalised words of the name, and a
    surname with its particles (Amara de la Cruz -> Amara, Cruz, de la Cruz; Diarmuid Ó
    Súilleabháin -> Diarmuid, Súilleabháin, Ó Súilleabháin); never a particle nor a
    generational suffix (Jr.)."""
    tokens = _unsuffixed(name)
    words = [t for t in tokens if not is_particle(t)]
    for i, t in enumerate(tokens):
        if i and is_particle(t) and not is_particle(tokens[i - 1]):
            words.append(" ".join(tokens[i:]))  # de la Cruz
            break
    return words


@dataclass(frozen=True)
class Names:
    """What the names step found: the article's mentions, and how its people stand in it."""

    mentions: tuple[Mention, ...]
    counts: Counter  # person (the fullest form of the name) -> mentions, one in the headline counting three
    genders: dict[str, str]  # person -> f/m, where a name rule or the gazetteer said
    # the writers and editors the article's credit lines name (evidence `credit`): people of the graph, kept
    # apart from `mentions` so that no speaker, pronoun, tie or later use of a surname is read as one of them
    credits: tuple[Mention, ...] = ()

    @functools.cached_property
    def index(self) -> SpanIndex[int]:
        """The mentions' places (their numbers in `mentions`), to find those at a span without a scan."""
        return SpanIndex((m.span.start, m.span.end, i) for i, m in enumerate(self.mentions))


@dataclass(frozen=True)
class _Candidate:
    """One name a name rule proposes, before the candidates are weighed against each other."""

    rule: Rule
    order: int  # the rule's place in the files: the earlier wins a tie
    type: str
    evidence: str
    start: int
    end: int
    name: str  # the node's name
    alias: tuple[int, int] | None = None  # the whole way it is written (baby Jack), when the rule says
    titles: tuple[tuple[str, str, tuple[int, int]], ...] = ()  # (kind, words, evidence span)
    # a name written in two places (Gerald of "Gerald and Patrice Whitcomb"): the words from its
    # first to its last, which are the evidence of the whole name; start:end is the part it owns
    written: tuple[int, int] | None = None
    # evidence `given` from a first name of the world table only (given_genders.tsv), not names.yaml's list
    world: bool = False

    @property
    def rank(self) -> float:
        if self.world:
            return _WORLD_GIVEN_RANK
        return _RANK.get((self.type, self.evidence), 4 if self.evidence == "context" else 3)

    @property
    def single(self) -> bool:
        return len(name_tokens(self.name)) == 1

    def overlaps(self, a: int, b: int) -> bool:
        return self.start < b and a < self.end


class _Taken(SpanIndex):
    """The spans already given to a mention: a later match that overlaps one is no mention."""


def find_names(ctx: Context) -> Names:
    """Gazetteer entries, then the candidates of the name rules weighed, then every later use of the names."""
    title_lines = _title_lines(ctx.text) + _quoted_titles(ctx.text)
    candidates, vetoes, claimed = _candidates(ctx, title_lines)
    gazetteer = _gazetteer_matches(ctx, candidates)
    taken = _Taken()
    found = _gazetteer_mentions(ctx, gazetteer, taken)
    # the credits first and apart: no name, surname or given name of the story is weighed against a writer's
    credits = _credits(ctx, [c for c in candidates if c.evidence == "credit"], taken)
    kept, refused = _decide(ctx, [c for c in candidates if c.evidence != "credit"], vetoes, gazetteer, title_lines)
    named, discovered = _assign(ctx, kept, taken)
    # a name refused as a whole is no one's in part either: "Petrakis Stroud said" is not Julian Stroud speaking
    for c in refused:
        if taken.free(c.start, c.end):
            taken.add(c.start, c.end)
    for a, b in claimed:  # an `against` rule marked `claims`: no word of its span is anyone's either
        if taken.free(a, b):
            taken.add(a, b)
    # a title before a name is no one's name where it stands, though it may be a given name elsewhere: the Nana of
    # "Nana Ofosu Amankwa III" is not the girl Nana Yaa of the same article
    for c in kept:
        for kind, words, (ta, _tb) in c.titles:
            if kind == "honorific" and ta + len(words) <= c.start and ctx.text.startswith(words, ta) \
                    and taken.free(ta, ta + len(words)):
                taken.add(ta, ta + len(words))
    found += named
    people = {n: v for n, v in discovered.items() if v[0] == PERSON}
    heads = _heads(people, found, ctx.rules.given_names)
    # a thing's name of several words first (Farrow & Lune), then people's names, then a thing's one word
    found += _thing_recurrences(ctx, taken, kept, heads, several_words=True)
    # a word that is both a person's name and the short name of an organisation of the article
    # (Augustin Vantorre, founder of Vantorre Logistics): alone, it may be either, so it is neither
    shared = {a for c in kept if (a := _first_word_alias(c)) and a in heads and heads[a] != a}
    found += _recurrences(ctx, taken, people, heads, shared)
    found += _thing_recurrences(ctx, taken, kept, heads, several_words=False)
    return dataclasses.replace(_to_heads(ctx, found, heads), credits=credits)


def _credits(ctx: Context, credited: list[_Candidate], taken: _Taken) -> tuple[Mention, ...]:
    """The people the credit lines name, each span once; their spans are taken, so no other rule reads them."""
    out = []
    for c in sorted(credited, key=lambda c: (c.start, c.end)):
        if not taken.free(c.start, c.end):
            continue
        written = ctx.text[c.start:c.end]
        if written.isupper() and (name_tokens(c.name) or [""])[0] not in ctx.rules.given_names and any(
                w.lower() in _written_words(ctx) for w in name_tokens(c.name)):
            # capitals prove no name: BY ROYAL APPOINTMENT, BY MIDNIGHT TUESDAY, where the article writes the
            # words in lower case too; a first name the tables lack is one still (By LINDIWE MASEKO)
            continue
        ctx.hits[c.rule.id] += 1
        out.append(Mention(Ref("name", c.name, PERSON), ctx.span(c.start, c.end), c.rule.id,
                           alias=ctx.text[c.start:c.end]))
        taken.add(c.start, c.end)
    return tuple(out)


# ------------------------------------------------------------------ the gazetteer

def _gazetteer_matches(ctx: Context, candidates: list[_Candidate]) -> list[tuple[int, int, str]]:
    """Every gazetteer entry named in the text, but for those inside a longer name of a thing
    that says what it is (Oregon in the Oregon Water Quality Board)."""
    if ctx.rules.gazetteer_pattern is None:
        return []
    try:
        matches = list(ctx.rules.gazetteer_pattern.finditer(ctx.text, timeout=ctx.budget))
    except TimeoutError:
        raise ArticleTooSlow(f"{ctx.article.meta.path}: the names of the gazetteer took over {ctx.budget:g} s "
                             "to find", "raise settings.regex_timeout_seconds in quotes.yaml") from None
    longer = SpanIndex((c.start, c.end, None) for c in candidates
                       if c.type != PERSON and c.evidence in ("shape", "context"))
    out = []
    for m in matches:
        a, b = m.span()
        if any((x, y) != (a, b) for x, y, _ in longer.containing(a, b)):
            continue
        out.append((a, b, m.group()))
    return out


def _gazetteer_mentions(ctx: Context, matches, taken: _Taken) -> list[Mention]:
    found = []
    for a, b, surface in matches:
        ent_id, typ = ctx.rules.gazetteer_index[surface]
        rule = ctx.rules.find(ent_id)
        found.append(Mention(Ref("entity", ent_id, typ), ctx.span(a, b), ent_id,
                             alias=surface, gender=rule.get("gender") if rule else None))
        taken.add(a, b)
        ctx.hits[ent_id] += 1
    return found


# ------------------------------------------------------------------ candidates

def _candidates(ctx: Context, title_lines) -> tuple[list[_Candidate], list[tuple[int, int]]]:
    """Every name the name rules propose, the spans the `against` rules say begin no person's name, and those of
    them whose rule `claims` the whole span (no later use of a known name inside it is one either). Nothing
    within a span an `everywhere` rule refused is a candidate, nor its words a person's name anywhere.

    In a title-case line capitals prove nothing, so the rules that go by capitals alone skip it.
    """
    out: list[_Candidate] = []
    vetoes: list[tuple[int, int]] = []
    works: list[tuple[int, int]] = []
    claimed: list[tuple[int, int]] = []
    for order, rule in enumerate(ctx.rules["names"]):
        evidence = _evidence(rule)
        typ = rule.get("type")
        has_alias = "alias" in rule.pattern.groupindex
        has_surname = "surname" in rule.pattern.groupindex
        for m in ctx.finditer(rule):
            spans = m.spans("name") if "name" in m.re.groupindex else [m.span()]
            if evidence == "against":
                vetoes.extend(spans)
                if rule.get("claims"):
                    claimed.extend(spans)
                if rule.get("everywhere"):  # a work's title: its words name no one anywhere in the article
                    works.extend(spans)
                continue
            titles = _titles(rule, m)
            # a joint name needs every partner's given name to be one, its own alone does not
            if evidence == "given" and has_surname and not _given_names(ctx, [ctx.text[x:y] for x, y in spans]):
                continue
            for a, b in spans:
                if evidence == "given" and not has_surname and not _given_names(ctx, [ctx.text[a:b]]):
                    continue
                if evidence == "given" and not has_surname:
                    a = _first_name_before(ctx, a, b)
                if typ == PERSON and _NICK.search(ctx.text, a, b):
                    a = _given_name_before(ctx, a, b)
                if evidence in _WEAK and _inside(a, title_lines) or (typ in _RANKED_TYPES and _quoted_title(ctx.text, a, b)):
                    continue
                alias = m.spans("alias")[0] if has_alias and m.captures("alias") else None
                name, written = _node_name(ctx.text[a:b], typ), None
                if rule.get("byline_alone") and not _byline_alone(ctx, name, b):
                    continue
                if typ == PERSON and not has_surname:
                    # Ramon dela Cruz Jr.: a father and his son of one name differ by it alone
                    b = suffix_after(ctx.text, b)
                    name = _node_name(ctx.text[a:b], typ)
                if has_surname and m.captures("surname"):  # Gerald of "Gerald and Patrice Whitcomb"
                    # the last of the pair may carry her maiden name: "Hendrik and Geertje (Vos) Brink"
                    maiden = m.captures("maiden") if "maiden" in m.re.groupindex and (a, b) == spans[-1] else []
                    name = f"{name} {maiden[0]} {m.captures('surname')[0]}" if maiden else f"{name} {m.captures('surname')[0]}"
                    written = (spans[0][0], m.spans("surname")[0][1])
                world = evidence == "given" and not all(
                    name_tokens(ctx.text[x:y])[0] in ctx.rules.listed_names for x, y in (spans if has_surname else [(a, b)]))
                out.append(_Candidate(rule, order, typ, evidence, a, b, name, alias,
                                      titles if len(spans) == 1 else (), written, world))
    # what an `everywhere` rule refused is nothing of its words where it stands (not the place "Corazón" of "in
    # Corazón de Obsidiana, the … melodrama"), and no person's name wherever else it stands ("Barragán's Corazón de
    # Obsidiana co-star")
    out = _retitled(ctx, out)
    no_ones = {ctx.text[a:b] for a, b in works}
    # and the name a title-like first word of it leaves ("Mama Lee", a nickname: no person "Lee" where it comes again)
    no_ones |= {words[-1] for words in map(str.split, no_ones) if len(words) == 2}
    out = [c for c in out if not (any(a < c.end and c.start < b for a, b in works)
                                  or c.type == PERSON and c.name in no_ones)]
    return out, vetoes, claimed


def _byline_alone(ctx: Context, name: str, end: int) -> bool:
    """Whether a name alone on a line (names.yaml `byline_alone`) may be its writer's: its last word one the
    article never writes again, and its first a given name, or else no word of it one the article writes in
    lower case (Lindiwe Sithole, Sipho Mthembu, beyond the given-name tables). A caption naming the story's
    subject ("Lewis Hamilton" over "Hamilton won"), a dateline or a place the story names again (Cape Town), a
    section's label (Breaking News, Live Updates) is no byline."""
    words = name_tokens(name)
    if len(words) < 2:
        return False
    again = regex.compile(r"(?<![\p{L}’'-])" + regex.escape(words[-1]) + r"(?![\p{L}’'-])")
    if again.search(ctx.text, end) is not None:
        return False
    written = _written_words(ctx)
    return words[0] in ctx.rules.given_names or not any(w.lower() in written for w in words)


def _given_names(ctx: Context, names: list[str]) -> bool:
    """Whether each name's first word is a given name (names.yaml `given_names`): a joint name
    ("Gerald and Patrice Whitcomb") needs both partners' to be, or "Tom and Jerry Cartoons" is one.
    In a joint name a month that is also a given name is one ("Harold and June Pettibone"): the
    list leaves them out, as alone before a capitalised word they more often begin a date."""
    joint = len(names) > 1
    return all(name_tokens(n)[0] in ctx.rules.given_names or (joint and name_tokens(n)[0] in _MONTH_NAMES)
               for n in names if name_tokens(n))


_MONTH_NAMES = frozenset({"April", "May", "June", "August"})  # macros.yaml GIVENMONTH

_WORD_BEFORE = regex.compile(r"(?<![\p{L}’'.-])(\p{Lu}\p{Ll}+)[^\S\n]$")


def _retitled(ctx: Context, out: list[_Candidate]) -> list[_Candidate]:
    """The candidates, where one of two words opens with a title that is also a given name (Nana, Mama) and ends on
    the surname of someone the article introduced with that title before, read as the title and that surname:
    "Nana Amankwa" after "Nana Ofosu Amankwa III" is the chief's title and surname, not the given name of a
    person Nana Amankwa (while "Nana Yaa", a girl's name, stays one)."""
    introduced: dict[tuple[str, str], int] = {}  # (title, surname) -> where first introduced so
    for c in out:
        for kind, words, _span in c.titles:
            if kind == "honorific" and " " in c.name and words in ctx.rules.given_names:
                key = (words, surname(c.name))
                introduced[key] = min(introduced.get(key, c.start), c.start)
    if not introduced:
        return out
    fixed = []
    for c in out:
        words = ctx.text[c.start:c.end].split()
        at = introduced.get((words[0], words[-1])) if c.type == PERSON and len(words) == 2 and not c.titles else None
        if at is not None and at < c.start:
            last = c.end - len(words[-1])
            c = dataclasses.replace(c, start=last, name=words[-1], alias=None, written=None,
                                    titles=(("honorific", words[0], (c.start, c.end)),))
        fixed.append(c)
    return fixed


def _first_name_before(ctx: Context, a: int, b: int) -> int:
    """Where a name whose first word is a given name begins: before it, at a capitalised word the article also
    writes right before the name's surname, and which is no title ("Gervase Anthony Tolland-Hythe was born …"
    of a Colonel Gervase Tolland-Hythe: Anthony is his middle name, not another man's first)."""
    last = ctx.text[a:b].split()[-1]
    return _start_with_word_before(ctx, a, b, lambda word: f"{word} {last}" in ctx.text)


def _given_name_before(ctx: Context, a: int, b: int) -> int:
    """Where a name written with a nickname begins: at a given name right before it too ("Raymond" of
    Raymond Earl "Ray" Kowalczyk, a middle name before the nickname, as American and Philippine papers
    write names), never at a title or any other capitalised word (Mayor, Comedian, When)."""
    return _start_with_word_before(ctx, a, b, lambda word: word in ctx.rules.given_names)


def _start_with_word_before(ctx: Context, a: int, b: int, belongs) -> int:
    """Where the name at a:b begins when the capitalised word right before it is part of it: at that
    word where `belongs(word)` and it is no title (the title words, then the title rules, costliest last),
    else at a."""
    m = _WORD_BEFORE.search(ctx.text, max(0, a - 40), a)
    if m is None or m.group(1).lower() in _title_words(ctx) or not belongs(m.group(1)) \
            or _titles_at(ctx, m.start(1), b):
        return a
    return m.start(1)


def _titles_at(ctx: Context, a: int, b: int) -> bool:
    """Whether a name rule that reads a title before a name (office-named: Sheriff Tom Hale) reads one at a."""
    for rule in ctx.rules["names"]:
        if "title" in rule.pattern.groupindex:
            m = ctx.run(rule, "match", ctx.text, a, b)
            if m and m.captures("title") and m.start("title") == a:
                return True
    return False


def _speakers(ctx: Context) -> dict:
    """quotes.yaml `settings.speakers`: the words of titles and forms of address the names step reads."""
    return ctx.rules.settings["quotes"].get("settings", {}).get("speakers", {}) or {}


def _title_words(ctx: Context) -> frozenset[str]:
    """Words that stand before a surname as a title, not a given name (quotes.yaml `speakers`: honorifics,
    titles written short and the role nouns they stand for, nouns for a person), lower-cased; read once."""
    words = ctx.memo.get("title_words")
    if words is None:
        settings = _speakers(ctx)
        abbreviations = settings.get("title_abbreviations", {})
        words = ctx.memo["title_words"] = frozenset(
            w.lower() for w in [*settings.get("honorifics", {}), *abbreviations, *abbreviations.values(),
                                *settings.get("person_nouns", ())])
    return words


_OPEN_QUOTE = regex.compile(r"[“\"‘](?:(?:The|A|An)\s)?$")
_CLOSE_QUOTE = regex.compile(r"[,.!?]?[”\"’]")


def _quoted_title(text: str, a: int, b: int) -> bool:
    """Whether a:b is the whole of a quoted title (“The Salt Ledger,” “Glass Harbour”): a work, not its words' namesakes."""
    return bool(_OPEN_QUOTE.search(text, max(0, a - 6), a)) and bool(_CLOSE_QUOTE.match(text, b))


def _evidence(rule: Rule) -> str:
    return rule.get("evidence", "context")  # one of the catalogue's NAME_EVIDENCE: the loader checked it


def _titles(rule: Rule, m) -> tuple[tuple[str, str, tuple[int, int]], ...]:
    """The title a match gives its name ("Gov.", "chief executive"), with the words that show it:
    from the title to the name, whichever comes first."""
    kind = rule.get("title")
    if kind is None or "title" not in m.re.groupindex or not m.captures("title"):
        return ()
    ta, tb = m.spans("title")[0]
    na, nb = m.spans("name")[0]
    return ((kind, m.captures("title")[0], (min(ta, na), max(tb, nb))),)


def _node_name(written: str, typ: str) -> str:
    """The name of the node: as written, but a dateline's capitals (SILVER CREEK) and a byline's (HANNAH MORLEY,
    O'BRIEN, MCALLISTER) in title case; a person's name of two letters or fewer a word is left alone (JJ Watt)."""
    if not any(c.islower() for c in written) and (
            len(written) > 3 if typ != PERSON else len(words := written.split()) >= 2 and all(
                len(w.strip(".")) > 2 or w.endswith(".") for w in words)):
        titled = regex.sub(r"\p{Lu}+", lambda w: w.group()[0] + w.group()[1:].lower(), written)
        return regex.sub(r"\bMc(\p{Ll})", lambda m: "Mc" + m.group(1).upper(), titled) if typ == PERSON else titled
    return written


# ------------------------------------------------------------------ weighing the candidates

# an organisation's name that opens with a possessive ("Dubai’s Bait Al Khaldi Museum")
_POSSESSIVE_OPENING = regex.compile(r"(?P<owner>\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)?)[’']s\s+(?=\p{Lu})")


def _without_place_owner(text: str, c: _Candidate, places: set[str]) -> _Candidate:
    """An organisation whose name opens with the possessive of a place the article names is the rest of the
    name: "Dubai’s Bait Al Khaldi Museum" is the museum of Dubai, Bait Al Khaldi Museum (a person's or a
    founder's possessive stays: St Mary’s Hospital, Helgi’s Bookshop)."""
    if c.type != ORGANIZATION or text[c.start:c.end] != c.name:
        return c
    m = _POSSESSIVE_OPENING.match(c.name)
    if m is None or len(c.name) - m.end() < 4:
        return c
    if m.group("owner") not in places:
        return c
    return dataclasses.replace(c, start=c.start + m.end(), name=c.name[m.end():])


def _decide(ctx: Context, cands: list[_Candidate], vetoes, gazetteer, title_lines
            ) -> tuple[list[_Candidate], list[_Candidate]]:
    """The candidates that stand, each judged against the others and the text; and the people's names refused
    as a whole for their first word, whose words then stand for no one."""
    veto_starts = {a for a, _ in vetoes}
    cands = [c for c in cands if not (c.type == PERSON and c.start in veto_starts)]
    places = {c.name for c in cands if c.type == PLACE} | {surface for _, _, surface in gazetteer}
    cands = [_without_place_owner(ctx.text, c, places) for c in cands]
    # a first name of the world table only is no surer than a person's longer name that ends where it does and
    # begins with a word the table knows as a first name: "Yaa Ama Owusu" is one person, not a Yaa before an Ama
    # Owusu; "Burgemeester Pieter van der Linden" is a title before Pieter van der Linden
    longer: dict[int, int] = {}  # where a person's name ends -> where the longest of them begins
    for c in cands:
        if c.type == PERSON and fold_accents(name_tokens(c.name)[0]).lower() in ctx.rules.world_names:
            longer[c.end] = min(c.start, longer.get(c.end, c.start))
    cands = [c for c in cands if not (c.world and longer.get(c.end, c.start) < c.start)]
    gaz_spans = SpanIndex((a, b, None) for a, b, _ in gazetteer)
    # a stretch two types claim goes to the surer one
    claims = SpanIndex((c.start, c.end, c) for c in cands)
    cands = [c for c in cands if not any(o.type != c.type and o.rank > c.rank for o in claims.overlapping(c.start, c.end))]
    # of two names of one thing, one inside the other, the whole one ("Valcárcel Roofing & Gutters" found by its
    # ampersand, "Valcárcel Roofing" by its designator): what the thing is is agreed, the longer says where it ends
    cands = [c for c in cands if c.type == PERSON or not any(
        o.type == c.type and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
        for o in claims.overlapping(c.start, c.end))]
    cands = [c for c in cands if c.type != PERSON or gaz_spans.free(c.start, c.end)]
    proper: dict[str, bool] = {}

    # a word capitalised only inside the name of a thing (Police in the Kessing Police Department)
    # shows nothing about the word alone
    inside_things = [(c.start, c.end) for c in cands if c.type != PERSON and c.evidence in ("shape", "context")]

    def is_proper(word: str) -> bool:
        if word not in proper:
            proper[word] = _mid_sentence_capital(ctx, word, title_lines + inside_things)
        return proper[word]

    # in a title-case line a title is capitalised like the words after it ("Choir Leader Dies at 90"):
    # a name after a title there must be one the article writes elsewhere
    cands = [c for c in cands if not (c.type == PERSON and c.rule.get("title") and _inside(c.start, title_lines)
                                      and not _named_outside(ctx.text, c.name, title_lines))]
    # a lone capitalised word found by its capitals alone needs them to mean a name
    cands = [c for c in cands if not (c.type == PERSON and c.evidence == "capitals" and c.single
                                      and (not is_proper(c.name) or _common_word_opening(ctx, c.start, c.name)))]
    things = _thing_names(c for c in cands if c.type != PERSON)
    things |= {surface for _, _, surface in gazetteer}
    thing_spans = SpanIndex((a, b, None) for a, b in name_uses(ctx.text, [t for t in things if " " in t]))
    cands = [c for c in cands if not (c.type == PERSON and c.evidence in _WEAK
                                      and not thing_spans.free(c.start, c.end))]
    aliases = {_first_word_alias(c): c.name for c in cands if _first_word_alias(c)}
    aliases.update(_short_org_names(cands))
    cands = [dataclasses.replace(c, name=aliases[c.name]) if c.type == ORGANIZATION and c.name in aliases else c
             for c in cands]
    org_words = {c.name for c in cands if c.type == ORGANIZATION} | {a for a in aliases if a}
    # weak people lose to things the article names otherwise (Northwind said; Apex Biotech said) ...
    cands = [c for c in cands if not (c.type == PERSON and c.evidence in _WEAK
                                      and (c.name in things or name_tokens(c.name)[0] in org_words))]
    # ... and a name of capitals alone to a place that begins with its first word ("Today, Lagos Coastal has come
    # home" in an article naming Lagos State: a district named after the place, not a person)
    place_words = {name_tokens(c.name)[0] for c in cands if c.type == PLACE and name_tokens(c.name)}
    cands = [c for c in cands if not (c.type == PERSON and c.evidence == "capitals"
                                      and name_tokens(c.name)[0] in place_words)]
    # ... and to an organisation whose name it begins ("Teo Harrow had held two sessions" of Teo Harrow
    # Developments) or whose designator it is ("Police said" of Irwell Valley Police)
    org_names = [c.name for c in cands if c.type == ORGANIZATION]
    cands = [c for c in cands if not (c.type == PERSON and (c.evidence == "capitals" or c.world) and any(
        o.startswith(c.name + " ") or (" " not in c.name and o.endswith(" " + c.name)) for o in org_names))]
    # ... and to an organisation whose name its words after the first begin: "Joining Fenwick Carter gives our
    # team the resources", of Fenwick Carter Foods, is a word before the firm's short name, not a person
    cands = [c for c in cands if not (c.type == PERSON and c.evidence in _WEAK and len(name_tokens(c.name)) > 2
                                      and _begins_org(" ".join(name_tokens(c.name)[1:]), org_names))]
    people = {c.name for c in cands if c.type == PERSON and c.evidence != "surname"}
    person_words = {w for n in people for w in name_words(n)}
    # ... and weak things to people (in Maren)
    kept = [c for c in cands if c.evidence != "surname"
            and not (c.evidence in _WEAK and c.type != PERSON and (c.name in people or c.name in person_words))]
    # a one-word person whose word begins another's name is a given name (Renee of Renee Alvarado): "Finding
    # Renee" is no one whose surname is Renee
    given = {name_words(n)[0] for n in people if len(name_words(n)) > 1}
    surnames = {name_words(n)[-1] for n in people if name_words(n)
                and not (len(name_words(n)) == 1 and name_words(n)[0] in given)}
    kept_things = SpanIndex((o.start, o.end, None) for o in kept if o.type != PERSON)
    every_person = {c.name for c in cands if c.type == PERSON}
    # a name of capitals alone that ends in another person's surname is that kind of name only when its first
    # word is a given name's ("Petrakis Stroud said" of the firm of Anika Petrakis and Julian Stroud)
    others = Counter(name_words(n)[-1] for n in people if name_words(n))
    family_names = {name_words(n)[-1] for n in people if len(name_words(n)) > 1}  # written after a given name
    refused = [c for c in kept if c.type == PERSON and c.evidence == "capitals" and len(words := name_words(c.name)) > 1
               and others[words[-1]] - (c.name in people) > 0 and _no_given_name(ctx, words[0], family_names)]
    kept = [c for c in kept if c not in refused]
    for c in cands:
        words = name_words(c.name)
        if c.evidence != "surname" or not words or words[-1] not in surnames or c.name in things:
            continue
        no_given = _no_given_name(ctx, words[0], family_names) or _styled_title(ctx, c.start, words[0])
        # a capitalised word opening a sentence before a person the article names is no first name of theirs:
        # "Bringing Sibusiso Khumalo home is our only priority"
        opener = len(words) > 2 and words[0] not in ctx.rules.given_names and not _after_a_word(ctx.text, c.start) \
            and (" ".join(words[1:]) in every_person or words[1] in every_person)
        if kept_things.free(c.start, c.end) and not _common_word_opening(ctx, c.start, words[0]) \
                and not no_given and not opener:
            kept.append(c)
        elif no_given or len(words) > 2:
            refused.append(c)
    return kept, refused


# a name, then "née" and the maiden name after it ("Pietersen, née Mabandla"; "his wife Nora (née Hickey)")
_NEE_BEFORE = regex.compile(r"(?P<before>\p{Lu}[\p{L}’'-]+)(?:,\s+|\s+\(|\s+)n[ée]e\s+$")
_OWNER_BEFORE = regex.compile(r"(?<![\p{L}’'])(?:[Mm]y|[Oo]ur|[Yy]our|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+$")
_FAMILY_AFTER = regex.compile(r"\s+(?:family|families|household|clan|dynasty|estate)(?![\p{L}-])")
_THE_BEFORE = regex.compile(r"(?<![\p{L}])[Tt]he\s+(?:\d{1,2}(?:st|nd|rd|th)\s+)?$")


def _begins_org(words: str, org_names: list[str]) -> bool:
    return any(o == words or o.startswith(words + " ") for o in org_names)


def _styled_title(ctx: Context, start: int, word: str) -> bool:
    """Whether the first word of a name found by its known surname is a title (quotes.yaml) that is no given name
    (Baroness Thatcher, Goalkeeper Pickford), or one after "the": "the 7th Baron Carrowmore" is a peer's title, not
    a Baron of the Carrowmores (Baron Davis, without it, is a name)."""
    return word.lower() in _title_words(ctx) and (
        word not in ctx.rules.given_names or bool(_THE_BEFORE.search(ctx.text, max(0, start - 12), start)))


def _no_given_name(ctx: Context, word: str, surnames: set[str]) -> bool:
    """Whether the first word of a name found by its known surname is none a person goes by: the surname another
    person is named in full with (Petrakis Stroud, the firm its two founders named), or a word the article writes
    in lower case too and no given name of `given_names` (Pho Ba Tam, a restaurant in an article about pho)."""
    if word in surnames:
        return True
    if word in ctx.rules.given_names:
        return False
    return word.lower() in _written_words(ctx)


def _common_word_opening(ctx: Context, start: int, word: str) -> bool:
    """Whether a word that opens a sentence or a line ("Stolen Vaelsmit masterpiece found"; “People said
    …”), where capitals mean nothing, is one the article also writes in lower case: a common word, not a name."""
    if _after_a_word(ctx.text, start):
        return False
    return word.lower() in _written_words(ctx)


def _written_words(ctx: Context) -> frozenset[str]:
    """Every word of the article as written, read once."""
    words = ctx.memo.get("written_words")
    if words is None:
        words = ctx.memo["written_words"] = frozenset(_RUN_OF_LETTERS.findall(ctx.text))
    return words


_RUN_OF_LETTERS = regex.compile(r"[\p{L}’'-]+")


def _thing_names(cands) -> set[str]:
    """The names of organisations and places, and the first word of a two-word organisation the
    article names with what it is (Corvane of Corvane Systems): it may call it by that word alone; a
    place whose rule says so (`drops_first_word`) may go without its division word (Punta Linao of
    Barangay Punta Linao)."""
    out = set()
    for c in cands:
        out.add(c.name)
        if c.rule.get("drops_first_word") and " " in c.name:
            out.add(c.name.split(" ", 1)[1])
        alias = _first_word_alias(c)
        if alias:
            out.add(alias)
    return out


# A company's legal form after its name (Vantorre Logistics Inc.), and the family firm's
# "Brothers" or "& Sons" before what it trades in (Lamb Brothers Trucking): the article may drop
# either (the headline's "Vantorre Logistics", "at Hale & Sons") and still mean the same company.
# Patterns cannot say that two names found apart are one node, hence this code.
_LEGAL_FORM = regex.compile(r"^(?P<short>.+?),?\s(?:Inc\.?|Corp\.?|Co\.|LLC|Ltd\.?|PLC|plc|LLP|GmbH)$")
_FAMILY_FIRM = regex.compile(r"^(?P<short>.+\s(?:Brothers|Bros\.|&\sSons))\s\p{Lu}\p{Ll}+$")
# and a firm of two names and its trade (Fenwick Carter Foods), which business copy calls by the two
# names alone ("will join Fenwick Carter's leadership team")
_TRADE_FORM = regex.compile(r"^(?P<short>\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+)\s(?:Foods|Group|Holdings|Industries|Enterprises|"
                            r"Brands|Media|Capital|Partners|Motors|Logistics|Technologies|Systems|Pharmaceuticals)$")


def _short_org_names(cands) -> dict[str, str]:
    """The short form of each organisation named in full with its legal form or its trade
    (Vantorre Logistics for Vantorre Logistics Inc.; Lamb Brothers for Lamb Brothers Trucking; Fenwick
    Carter for Fenwick Carter Foods),
    mapped to the full name, where the article names one such full name only."""
    full: dict[str, set[str]] = {}
    for c in cands:
        if c.type != ORGANIZATION or c.evidence not in ("shape", "context"):
            continue
        m = _LEGAL_FORM.match(c.name) or _FAMILY_FIRM.match(c.name) or _TRADE_FORM.match(c.name)
        if m:
            full.setdefault(m.group("short"), set()).add(c.name)
    return {short: next(iter(names)) for short, names in full.items() if len(names) == 1}


# A family business is named after the family (Dorsey Orchards, Pruett Bakery): the surname
# alone is the family's, not the firm's ("Dorsey died in June"), unlike Corvane of Corvane Systems.
_FAMILY_TRADE = regex.compile(r"\s(?:Brothers|Bros\.|Sons|Orchards?|Farms?|Vineyards?|Bakery|Hardware|Diner|Creamery)$")


def _first_word_alias(c: _Candidate) -> str | None:
    # a business named with its owner's possessive (Archie Dunbar's) is never called by the owner's given name
    if (c.type != ORGANIZATION or c.evidence not in ("shape", "context") or _FAMILY_TRADE.search(c.name)
            or c.name.endswith(("'s", "’s"))):
        return None
    legal = _LEGAL_FORM.match(c.name)
    words = (legal.group("short") if legal else c.name).split()
    if len(words) != 2 or not _CAPITAL_WORD.fullmatch(words[0]) or len(words[0]) < 4:
        return None
    return words[0]


def _assign(ctx: Context, kept: list[_Candidate], taken: _Taken) -> tuple[list[Mention], dict]:
    """Mentions of the candidates that stand, surest first; a span goes to one candidate, and the
    titles every candidate of that very span gives are all kept.

    Returns the mentions, and each name with the (type, gender, rule id) of the first rule that found it.
    """
    titles: dict[tuple[int, int], list] = {}
    genders: dict[tuple[int, int], set] = {}  # what every rule reading this very span says of the gender
    for c in kept:
        if c.titles and c.type == PERSON:
            titles.setdefault((c.start, c.end), []).extend(c.titles)
        if c.type == PERSON and c.rule.get("gender"):
            genders.setdefault((c.start, c.end), set()).add(c.rule.get("gender"))
    found: list[Mention] = []
    discovered: dict[str, tuple[str, str | None, str]] = {}
    for c in sorted(kept, key=lambda c: (-c.rank, c.order, c.start)):
        a, b = c.start, c.end
        if not taken.free(a, b):
            continue
        rule = c.rule
        ctx.hits[rule.id] += 1
        discovered.setdefault(c.name, (c.type, rule.get("gender"), rule.id))
        own_titles = tuple(sorted({(k, w, ctx.span(x, y)) for k, w, (x, y) in titles.get((a, b), ())}))
        # "her husband, the architect Idris Benali": the job's rule takes the span, the kinship's tells he is a man
        said = genders.get((a, b), set())
        gender = next(iter(said)) if len(said) == 1 and c.type == PERSON else None
        if c.written:  # the whole joint name is the evidence; no alias: its words are two people's
            found.append(Mention(Ref("name", c.name, c.type), ctx.span(*c.written), rule.id,
                                 gender=gender, titles=own_titles))
        elif c.alias:
            aa, ab = c.alias
            found.append(Mention(Ref("name", c.name, c.type), ctx.span(aa, ab), rule.id, alias=ctx.text[aa:ab],
                                 gender=gender, titles=own_titles))
            taken.add(aa, ab)
        else:
            found.append(Mention(Ref("name", c.name, c.type), ctx.span(a, b), rule.id, alias=ctx.text[a:b],
                                 gender=gender, titles=own_titles))
            nick = _NICK.search(c.name) if c.type == PERSON else None
            if nick:  # Vilailuck "Pepper" Teigen is also called Pepper
                found.append(Mention(Ref("name", c.name, c.type), ctx.span(a + nick.start(1), a + nick.end(1)),
                                     rule.id, alias=nick.group(1)))
        taken.add(a, b)
    # the rest of a joint name is no one else's: "Wieczorek" of "Gregory (Linda) Wieczorek" is theirs;
    # only now, when both partners of each joint name have their mention
    for c in kept:
        if c.written:
            taken.add(*c.written)
    return found, discovered


# ------------------------------------------------------------------ the layout of the text

def _capitalised(words: list[str]) -> int:
    return sum(1 for w in words if w[0].isupper())


def _title_lines(text: str) -> list[tuple[int, int]]:
    """The lines written in title case (a headline, a subhead): most of their longer words
    capitalised and no sentence's end; or, as some house styles print a headline of two sentences
    with their full stops ("Sisters Found Each Other Through A Test. Their Father Never Said A Word."),
    a line of at least six longer words ending with a sentence's end, nearly every word capitalised, short
    ones too, which no sentence of prose is (a list of names has its colon or its commas, a credit line
    its "by" and its brackets). A date marker at the start is no part of a line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        marker = _DATE_MARKER.match(line)
        body = line[marker.end():] if marker else line
        if not body.strip():
            continue
        every = _WORD.findall(body)
        words = [w for w in every if len(w.strip("’'-")) >= 4]
        if _EXCLAIMED.search(body):
            # "Stars Brooke Lanier and Jace Whitfield Welcome Baby Girl — See the First Photos!": a line that exclaims
            # or asks is a headline where most of its longer words are capitalised, as no sentence of prose has them
            titled = len(words) >= 4 and body.count(",") <= 1 and _capitalised(words) >= 0.8 * len(words)
        elif _LINE_END.search(body):
            titled = (len(words) >= 6 and bool(_HEADLINE_END.search(body)) and ":" not in body
                      and body.count(",") <= 1 and _capitalised(every) >= 0.9 * len(every))
        elif body.rstrip().endswith((";", ",")):
            titled = False  # an item of a list printed a line each ("… and her husband, Engr. Tunde Cole;"): no headline
        else:
            titled = len(words) >= 2 and _capitalised(words) >= 0.8 * len(words)
        if titled:
            out.append((start + (marker.end() if marker else 0), start + len(line)))
    return out


_QUOTED = regex.compile(r"[“\"]([^”\"\n]{4,200}?)[”\"]")
_SENTENCE_END = regex.compile(r"[.!?](?:\s|$)")


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """The quoted titles of works written in title case inside a sentence (the paper “Brief
    Daytime Sleep and Episodic Memory in Later Life”): like a headline, their capitals prove
    nothing (no place "Later Life"). Quoted speech ends a sentence or is mostly lower case."""
    out = []
    for m in _QUOTED.finditer(text):
        body = m.group(1)
        if _SENTENCE_END.search(body):
            continue
        words = [w for w in _WORD.findall(body) if len(w.strip("’'-")) >= 4]
        if len(words) >= 3 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words):
            out.append(m.span(1))
    return out


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


_ATTRIBUTION_BEFORE = regex.compile(r"[,?!—–-][”\"’]$")


def _named_outside(text: str, name: str, title_lines) -> bool:
    """Whether the name is written somewhere outside the title-case lines."""
    return any(not _inside(a, title_lines) for a, _ in name_uses(text, [name]))


def _mid_sentence_capital(ctx: Context, word: str, skipped) -> bool:
    """Whether the article writes `word` capitalised where capitals mean a name: after a word
    or a comma in a sentence, not at a sentence's or quotation's start nor in the `skipped`
    spans (title-case lines, names of things)."""
    text = ctx.text
    for a, b in name_uses(text, [word]):
        if _inside(a, skipped):
            continue
        if _after_a_word(text, a):
            return True
        if _ATTRIBUTION_BEFORE.search(text[max(0, a - 40):a].rstrip(" \t\"“‘'(")):
            return True  # “It still hurts,” Stone said: the sentence goes on
    return False


def _after_a_word(text: str, pos: int) -> bool:
    """Whether the word at pos follows a word or a comma of its sentence (quote marks and brackets aside),
    where a capital means a name; not at a sentence's, a line's or a quotation's start."""
    before = text[max(0, pos - 40):pos].rstrip(" \t\"“‘'(")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;&")


# ------------------------------------------------------------------ later uses of the names

def _heads(people, found: list[Mention], given_names=frozenset()) -> dict[str, str]:
    """The fullest form of each person name in this article; its words and nickname point at it.

    A word several full names share (a family's surname) goes to the one the article names
    first: news names the person it is about first, and calls them by the surname after.
    A name of three words whose first is no given name is written family name first (Lim Hui
    Min): its last two words are its given name, which the article may call her by (Hui Min).
    """
    heads: dict[str, str] = {}
    first_at: dict[str, int] = {}
    for mention in found:
        if mention.ref.kind == "name" and mention.ref.type == PERSON:
            v = mention.ref.value
            first_at[v] = min(first_at.get(v, mention.span.start), mention.span.start)
    # a full name has two capitalised words: "de la Cruz" alone is a surname, and so is "Dela Cruz"
    # where a sentence begins with it: the surname of whoever is named with it (Ramon dela Cruz Jr.)
    capitalised: dict[str, str] = {}  # "Dela Cruz" -> whose surname it is
    for n in sorted(people, key=lambda n: (first_at.get(n, 0), n)):
        for word in name_words(n):
            if is_particle(word.split()[0]) and (cap := word[:1].upper() + word[1:]) in people and cap != n:
                capitalised.setdefault(cap, n)
    capitalised_of: dict[str, str] = {}  # whose surname -> its first capitalised form
    for cap, owner in capitalised.items():
        capitalised_of.setdefault(owner, cap)
    full = sorted((n for n in people if len([w for w in name_tokens(n) if not is_particle(w)]) >= 2
                   and n not in capitalised), key=lambda n: (-len(name_tokens(n)), n))
    for n in full:
        plain = " ".join(name_tokens(n))
        if plain != n and plain in people:
            heads[plain] = n  # Everett Fontenot is Everett “Deacon” Fontenot
        nick = nickname(n)
        called = f"{nick} {surname(n)}" if nick else None
        if called and called != n and called in people and called not in heads:
            heads[called] = n  # Dusty Halloran (a headline's) is Kevin John “Dusty” Halloran
    for n in full:
        heads.setdefault(n, n)
    for n in sorted(full, key=lambda n: (first_at.get(n, 0), n)):
        owner = heads[n]  # a form of a longer name gives its words to that name (Dusty Halloran's to Kevin's)
        for word in name_words(n):
            if word not in heads:
                heads[word] = owner
        if (cap := capitalised_of.get(n)) and cap not in heads:
            heads[cap] = n
        nick = nickname(n)
        if nick and nick not in heads:
            heads[nick] = n
        if nick and " " in nick and (last := nick.split()[-1]) not in heads:
            heads[last] = n  # "Mommy Cora", then "Cora" alone: the name the nickname calls her by
        tokens = name_tokens(n)
        if family_name_first(n, given_names) and heads.get(" ".join(tokens[1:]), n) in (n, " ".join(tokens[1:])):
            heads[" ".join(tokens[1:])] = n
    return heads


# what only a person is followed by: a relative clause of "who" ("Baek, who signed Kang in 2017")
_PERSON_ONLY_AFTER = regex.compile(r",\s+(?:\d{1,3},\s+)?(?:who|whose|whom)\b")


def _recurrences(ctx: Context, taken: _Taken, people, heads: dict[str, str], shared=frozenset()) -> list[Mention]:
    """Every later use of a known person name or its parts: a mention too; not a word in `shared`, a person's
    name and an organisation's short name (Baek of Baek Seung-ho and Baek Entertainment), unless what follows
    it is said only of a person."""
    found = []
    for a, b in name_uses(ctx.text, {*people, *heads, *shared}):
        if ctx.text[a:b] in shared and not _PERSON_ONLY_AFTER.match(ctx.text, b):
            continue
        if not taken.free(a, b) or _part_of_longer_name(ctx.text, a, b) or _reads_as_date(ctx, a, b):
            continue
        if _FAMILY_AFTER.match(ctx.text, b) and _THE_BEFORE.search(ctx.text, max(0, a - 12), a):
            continue  # "the Mulcahy family": the family, none of its people
        nee = _NEE_BEFORE.search(ctx.text, max(0, a - 60), a) if " " not in ctx.text[a:b] else None
        if nee is not None:
            # "Mrs Dzamesi, née Agbemadi": her maiden name, a name of hers where the name before it is someone's,
            # never her brother Godwin Agbemadi named later
            owner = heads.get(nee.group("before")) or (nee.group("before") if nee.group("before") in people else None)
            if owner is not None:
                name = ctx.text[a:b]
                found.append(Mention(Ref("name", owner, PERSON), ctx.span(a, b), MAIDEN_NAME, alias=name))
                taken.add(a, b)
            continue
        name = ctx.text[a:b]
        if name.lower() in _speakers(ctx).get("familiar_kin", {}) and _OWNER_BEFORE.search(ctx.text, max(0, a - 8), a):
            continue  # "our Nana", "my Mama": a grandmother or a chief called so, not Nana Yaa of the article
        head = heads.get(name, name)
        source = people.get(head) or people.get(name)
        found.append(Mention(Ref("name", head, PERSON), ctx.span(a, b), source[2] if source else "name-recurrence",
                             alias=name))
        taken.add(a, b)
    return found


_TITLE_BEFORE = regex.compile(r"(\p{L}+)\.?[^\S\n]+$")
# a title and "and" before another: the two titles of a couple ("Chief and Mrs", "Mr. and Mrs.")
_JOINT_TITLE = regex.compile(r"(?<![\p{L}])\p{Lu}\p{L}*\.?\s+(?:and|&)\s+$")


def _titled_surname(ctx: Context, fulls: list[tuple[int, str, str | None]], word: str, a: int,
                    default: str | None = None) -> str | None:
    """The one person named in full before `a` whom `word` names, when a title that goes before a surname alone
    (quotes.yaml `surname_titles`) stands right before it: "Cllr Rhys" is Aled Rhys, though the article named a
    Rev Rhys Llewelyn first; None otherwise (Father Thomas is no Dylan Thomas).

    The surname is the last word of a full name, or its first where no full name ends in it: Singapore, Korean
    and Chinese copy writes the family name first (Mr Lim Jun Hao ... Mr Lim). A title of a gender (Mr, Ms)
    names only a bearer of that gender or of none the article told: "Ms Lim" of Lim Hui Min, not of her
    brother Lim Jun Hao named first; of several of that gender, the one the surname alone would go to (`default`,
    the first named), or the one introduced with that very title. Returns "" where the title leaves it open
    which: the caller must not fall back to the first-named bearer then."""
    before = _TITLE_BEFORE.search(ctx.text, max(0, a - 16), a)
    if " " in word or before is None:
        return None
    title = before.group(1)
    named = [(p, g) for at, p, g in fulls if at < a]
    bearers = {(p, g) for p, g in named if surname(p) == word} or {
        (p, g) for p, g in named if counted_words(p)[0] == word}
    if title.lower() not in _surname_titles(ctx):
        # a title that also goes before given names ("Chief Adeyemi" after Chief Adewale Adeyemi and his daughter
        # Funmi Adeyemi): the one bearer the article introduced with that very title, where it names one
        if not title[:1].isupper():
            return None
        if title in _honorifics(ctx):
            want = _honorifics(ctx)[title]
            if want is None:
                return None
            # "Madam Teo" of Teo Siew Lan, among her brothers Teo Boon Keng and Teo Boon Hwa named first: the one
            # bearer of the title's gender, the surname last or (Chinese order) first; of several, the one the
            # surname alone would go to (`default`), as with any surname of several people
            fits = {p for p, g in bearers if g in (None, want)}
            if len(fits) == 1 and len({p for p, _ in bearers}) > 1:
                return next(iter(fits))
            return "" if len(fits) > 1 and default is not None and default not in fits else None
        # the family name last, or first as Chinese and Malaysian copy writes it ("Datuk Tan" of Datuk Tan Chee Meng)
        same = {p for at, p, _ in fulls if at < a and word in (surname(p), counted_words(p)[0])
                and title.lower() in title_words_before(ctx, at)}
        return next(iter(same)) if len(same) == 1 else None
    if len(bearers) > 1 and _JOINT_TITLE.search(ctx.text, max(0, before.start() - 24), before.start()):
        return ""  # "Chief and Mrs Adeyemi", "Mr. and Mrs. Pardue": a couple of that name, not one of its bearers
    # the one the article introduced with that very title of office, or its long form ("Cllr Gallagher" of
    # "councillor Anthony Gallagher", among a skipper and his sons of that surname); not a form of address or a
    # degree, which the article may give another bearer later ("Dr. Raghunathan" of the bride, not her mother)
    owners = {p for p, _ in bearers}
    forms = title_forms(ctx, title)
    same = {p for at, p, _ in fulls if at < a and p in owners and forms & title_words_before(ctx, at)}
    if len(same) == 1 and title.rstrip(".") not in _honorifics(ctx) and not forms & speaker_set(ctx, "degree_titles"):
        return next(iter(same))
    want = _honorifics(ctx).get(title)
    if want is not None:
        fits = {p for p, g in bearers if g in (None, want)}
        if len(fits) == 1:
            return next(iter(fits))
        if fits and (default is None or default in fits):
            return None  # several of the title's gender: as any surname of several people (see _heads)
        # "Mrs Ashworth" after Neil Ashworth, his daughter Ellie and his wife Joanne: the one the article calls
        # someone's wife, where it is a title of a married woman and the others are daughters; else the text
        # does not say which
        wives = {p for at, p, _ in fulls if p in fits and _kin_before(ctx, at, _WIVES)}
        daughters = {p for at, p, _ in fulls if p in fits and _kin_before(ctx, at, _DAUGHTERS)}
        if title.rstrip(".").lower() in speaker_set(ctx, "married_titles") and len(wives) == 1 and fits - wives <= daughters:
            return next(iter(wives))
        return ""
    people = {p for p, _ in bearers}
    if len(people) > 1 and len(same) == 1 and forms & speaker_set(ctx, "degree_titles"):
        # "Dr Nwosu" after the groom Emeka Nwosu and his father, Dr Ikechukwu Nwosu: the title points to one, the
        # order of naming to another (and a vows column may call the bride "Dr." only later): which stays open
        first = default if default in people else next((p for at, p, _ in fulls if at < a and p in people), None)
        if same != {first}:
            return ""
    return next(iter(people)) if len(people) == 1 else None


# the nouns that call a woman someone's wife, or someone's daughter, right before her name
_WIVES = regex.compile(r"(?<![\p{L}])(?:wife|widow)(?:\s+of\s+\d+\s+years)?,?\s+(?:\p{Lu}\p{Ll}{1,3}\.?\s+)?$")
_DAUGHTERS = regex.compile(r"(?<![\p{L}])(?:daughter|granddaughter|stepdaughter|niece)s?,?\s+(?:\p{Lu}\p{Ll}{1,3}\.?\s+)?$")


def _kin_before(ctx: Context, at: int, noun) -> bool:
    return bool(noun.search(ctx.text, max(0, at - 24), at))


def title_words_before(ctx: Context, at: int) -> frozenset[str]:
    """The words right before a name at `at`, lower-cased: the titles it was introduced with. The word right
    before, and a capitalised one before that where it is a title too: "Rev. Dr Kwabena Asante-Mensah" was
    introduced as a Rev. and as a Dr."""
    m = _TITLE_BEFORE.search(ctx.text, max(0, at - 24), at)
    if m is None:
        return frozenset()
    words = {m.group(1).lower()}
    more = _TITLE_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    if m.group(1).lower() in _title_words(ctx) and more is not None and more.group(1)[:1].isupper():
        words.add(more.group(1).lower())
    return frozenset(words)


def title_abbreviations(ctx: Context) -> dict[str, str]:
    """quotes.yaml `title_abbreviations`, lower-cased: a title written short -> its long form; read once."""
    abbreviations = ctx.memo.get("title_abbreviations")
    if abbreviations is None:
        abbreviations = ctx.memo["title_abbreviations"] = {
            str(k).lower(): str(v).lower() for k, v in (_speakers(ctx).get("title_abbreviations", {}) or {}).items()}
    return abbreviations


def title_forms(ctx: Context, title: str) -> frozenset[str]:
    """A title and its long or short form (quotes.yaml `title_abbreviations`), lower-cased: cllr, councillor."""
    abbreviations = title_abbreviations(ctx)
    t = title.rstrip(".").lower()
    return frozenset({t, abbreviations.get(t, t)} | {k for k, v in abbreviations.items() if v == t})


def speaker_set(ctx: Context, key: str) -> frozenset[str]:
    """A list of quotes.yaml `speakers` (degree_titles, married_titles …) as a lower-cased set; read once."""
    found = ctx.memo.get(("names_speaker_set", key))
    if found is None:
        found = ctx.memo[("names_speaker_set", key)] = frozenset(str(w).lower() for w in _speakers(ctx).get(key, ()))
    return found


def _honorifics(ctx: Context) -> dict[str, str]:
    """quotes.yaml `speakers.honorifics`: a form of address -> the gender of whom it names; read once."""
    found = ctx.memo.get("honorifics")
    if found is None:
        found = ctx.memo["honorifics"] = dict(_speakers(ctx).get("honorifics", {}) or {})
    return found


def _told_gender(ctx: Context, mention: Mention) -> str | None:
    """The gender a person mention's own words tell: its rule's (daughter, husband), else its honorific (Ms)."""
    if mention.gender:
        return mention.gender
    honorifics = _honorifics(ctx)
    for _kind, title, _span in mention.titles:
        if (g := honorifics.get(title.rstrip("."))) is not None:
            return g
    return None


def _surname_titles(ctx: Context) -> frozenset[str]:
    """quotes.yaml `speakers.surname_titles`, lower-cased; read once."""
    return speaker_set(ctx, "surname_titles")


def _thing_recurrences(ctx: Context, taken: _Taken, kept: list[_Candidate], heads: dict[str, str],
                       several_words: bool) -> list[Mention]:
    """Every later use of an organisation's or place's name, and of the first word of an
    organisation named with its designator (Corvane Systems ... Shares of Corvane rose)."""
    names: dict[str, tuple[str, str, str]] = {}  # surface -> (node name, type, rule id)
    for c in sorted(kept, key=lambda c: (-c.rank, c.order, c.start)):
        if c.type == PERSON:
            continue
        names.setdefault(c.name, (c.name, c.type, c.rule.id))
        if c.alias is None and ctx.text[c.start:c.end] != c.name:
            names.setdefault(ctx.text[c.start:c.end], (c.name, c.type, c.rule.id))
    for c in kept:
        alias = _first_word_alias(c)
        if alias and alias not in heads:
            names.setdefault(alias, (c.name, c.type, c.rule.id))
    # the name without its legal form or trade (Ostrander Pruitt of Ostrander Pruitt Inc.): the company's
    # again, never the Pruitt the article names in full elsewhere
    for short, full in _short_org_names(kept).items():
        if short not in heads and full in names:
            names.setdefault(short, names[full])
    found = []
    wanted = [n for n in names if n not in heads and (" " in n) == several_words]
    for a, b in name_uses(ctx.text, wanted):
        if not taken.free(a, b) or _part_of_longer_name(ctx.text, a, b):
            continue
        node, typ, rule_id = names[ctx.text[a:b]]
        found.append(Mention(Ref("name", node, typ), ctx.span(a, b), rule_id, alias=ctx.text[a:b]))
        taken.add(a, b)
    return found


# a capitalised word a hyphen joins to the word (Brandt-Hollis, Ostrander-Pruitt)
_HYPHEN_JOINED_AFTER = regex.compile(r"-\p{Lu}")
_HYPHEN_JOINED_BEFORE = regex.compile(r"\p{L}-$")


def _part_of_longer_name(text: str, a: int, b: int) -> bool:
    """Whether the capitalised word(s) at a:b go on into a longer name (Halloway in the Halloway Prize)."""
    before = text[max(0, a - 5):a].split()
    if before and before[-1] in CAPITAL_PARTICLES and text[a - 1:a].isspace():
        return True  # Bhriain of Páirc Uí Bhriain: an Irish particle makes the surname another name
    if _HYPHEN_JOINED_AFTER.match(text, b) or _HYPHEN_JOINED_BEFORE.search(text, max(0, a - 3), a):
        return True  # Brandt of the firm Brandt-Hollis, Pruitt of Calvin Ostrander-Pruitt: one name of both words
    nxt = regex.match(r"[ \t]+(\p{Lu}\p{Ll})", text[b:b + 4])
    return (nxt is not None and " " not in text[a:b] and not _is_line_start_title(text, a)
            and suffix_after(text, b) == b)  # "Tolliver Sr." is the name and its suffix, no longer name


_DATE_AFTER = regex.compile(r"\s+\d")
_DATE_BEFORE = regex.compile(r"\b(?:in|on|since|until|by|last|next|this|early|late|mid|of)\s+$", regex.IGNORECASE)


def _reads_as_date(ctx: Context, a: int, b: int) -> bool:
    """Whether a child's name that is also a month (June) stands here as the month (June 30, in June)."""
    text = ctx.text
    if text[a:b] not in ctx.rules.settings.get("dates", {}).get("months", {}):
        return False
    return bool(_DATE_AFTER.match(text, b)) or bool(_DATE_BEFORE.search(text[max(0, a - 8):a]))


def _is_line_start_title(text: str, a: int) -> bool:
    """A word in a title-case line is followed by capitals anyway."""
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", a)
    return bool(_title_lines(text[line_start:line_end if line_end != -1 else len(text)]))


def name_uses(text: str, names) -> list[tuple[int, int]]:
    """Where the names occur as whole words, leftmost first and the longest name at a place:
    what an alternation of the names, longest first, between word boundaries would find.

    Plain `str.find` per name: a pattern made of an article's own names would be compiled
    anew for every article, which cost more than the search itself.
    """
    found = []
    for n in names:
        pos = text.find(n) if n else -1
        while pos != -1:
            end = pos + len(n)
            before = text[pos - 1] if pos else ""
            after = text[end] if end < len(text) else ""
            if not (before and (before.isalnum() or before in "_’'")) and not (after and (after.isalnum() or after == "_")):
                found.append((pos, -len(n)))
            pos = text.find(n, pos + 1)
    found.sort()
    out, last_end = [], 0
    for pos, neg in found:
        if pos >= last_end:
            out.append((pos, pos - neg))
            last_end = pos - neg
    return out


def _to_heads(ctx: Context, found: list[Mention], heads: dict[str, str]) -> Names:
    """Each person mention made to refer to its head, and the people counted and gendered."""
    mentions = []
    counts = Counter()
    genders: dict[str, str] = {}
    shared = _shared_words(heads)
    namesakes = namesakes_of(heads.values())
    fulls = []  # (where, whom) of each person mention written in full
    told: dict[str, set] = {}  # full name -> the genders its mentions in full tell
    for m in found:
        if m.ref.type == PERSON and len(counted_words(m.alias or m.span.exact)) >= 2:
            head = heads.get(m.ref.value, m.ref.value)
            fulls.append((m.span.start, head))
            if g := _told_gender(ctx, m):
                told.setdefault(head, set()).add(g)
    # the text's word, else the given name's usual gender: a title of the other gender is no one of theirs (Mrs
    # Clarke is not David Clarke), at the cost of a man of a name mostly women's (Mr Orcel of Andrea Orcel)
    gendered = [(at, p, (next(iter(told[p])) if len(told[p]) == 1 else None) if p in told
                 else ctx.rules.given_gender(p)) for at, p in fulls]
    for mention in found:
        ref = mention.ref
        if ref.kind == "name" and ref.type == PERSON:
            written = mention.alias or mention.span.exact
            word = counted_words(written)
            titled = None
            if len(word) == 1 and word[0] in namesakes:
                # Raymond Tolliver Sr. and Jr.: a bare Tolliver is the one the words around it say, else
                # left bare for the person sieve, which then gives it to neither
                ref = Ref("name", _generation(ctx.text, mention, written, namesakes[word[0]]) or word[0], PERSON)
            else:
                titled = _titled_surname(ctx, gendered, word[0], mention.span.start,
                                         heads.get(word[0])) if len(word) == 1 else None
                # "" where the title's gender leaves it open which bearer: left bare, for the person sieve
                ref = Ref("name", word[0] if titled == "" else titled or heads.get(ref.value, ref.value), PERSON)
            mention = dataclasses.replace(mention, ref=ref)
            if mention.titles and mention.alias in shared and titled is None:
                # "Ms. Halloran" in an article of two Hallorans: whose title it is, the word cannot tell
                mention = dataclasses.replace(mention, titles=())
            counts[ref.value] += 3 if _in_headline(ctx, mention.span.start) else 1
            if mention.gender:
                genders.setdefault(ref.value, mention.gender)
        mentions.append(mention)
    # a bare name titled as a man and as a woman ("Lady Carrowmore", "Lord Carrowmore") where no one is named in
    # full with it: two people the article never names, not one. Each is told apart by its title while the
    # article is read (a "he" after Lord Carrowmore is him, not a she's), and the person sieve gives it to nobody
    bare: dict[str, set] = {}
    for m in mentions:
        if m.ref.kind == "name" and m.ref.type == PERSON and " " not in m.ref.value and (g := _told_gender(ctx, m)):
            bare.setdefault(m.ref.value, set()).add(g)
    both = {w for w, gs in bare.items() if len(gs) > 1}
    if both:
        for w in both:
            genders.pop(w, None)
            counts.pop(w, None)
        mentions = [_titled_apart(ctx, m) if m.ref.type == PERSON and m.ref.value in both else m for m in mentions]
        for m in mentions:
            if m.ref.type == PERSON and m.ref.value.split()[-1] in both and m.gender:
                counts[m.ref.value] += 1
                genders.setdefault(m.ref.value, m.gender)
    return Names(tuple(mentions), counts, genders)


def _titled_apart(ctx: Context, m: Mention) -> Mention:
    """A bare name said of a man and of a woman, as its title writes it ("Lady Carrowmore"), with that title's
    gender; one without a gendered title stays bare (which of the two, the text does not say)."""
    g = _told_gender(ctx, m)
    title = next((t[1].rstrip(".") for t in m.titles if _honorifics(ctx).get(t[1].rstrip("."))), None)
    if g is None or title is None:
        return m
    return dataclasses.replace(m, ref=Ref("name", f"{title} {m.ref.value}", PERSON), gender=g)


def namesakes_of(names) -> dict[str, list[str]]:
    """Of some person names, the first and last word of the full names two or more people bear, told
    apart only by a generational suffix (Raymond Tolliver Sr. and Raymond Tolliver Jr.) -> those names."""
    by_words: dict[tuple, set[str]] = {}
    for h in set(names):
        words = counted_words(h)
        if len(words) >= 2:
            by_words.setdefault(words, set()).add(h)
    out: dict[str, list[str]] = {}
    for words, names in by_words.items():
        if len(names) > 1 and len({suffix(n) for n in names}) == len(names):
            for w in (words[0], words[-1]):
                out[w] = sorted(names)
    return out


# "the elder Tolliver"; "Tolliver the younger", "Tolliver Sr." where a rule took "Tolliver" alone
_GENERATION_BEFORE = regex.compile(r"(?<![\p{L}’'-])(?P<g>[Ee]lder|[Yy]ounger)\s+$")
_GENERATION_AFTER = regex.compile(r"\s+the\s+(?P<g>elder|younger)(?![\p{L}’'-])|\s(?P<s>Jr\.?|Sr\.?)(?![\p{L}’'-])")
_GENERATIONS = {"elder": "Sr.", "younger": "Jr."}
# "Pōhatu senior": a word of generation after a bare name, which the choice between a Sr. and a Jr. below leaves out
_SENIORITY_AFTER = regex.compile(r"\s+(?:senior|junior)(?![\p{L}’'-])")


def generation_described(text: str, start: int, end: int) -> bool:
    """Whether the words around the bare name text[start:end] say which generation of a family it is ("the
    elder Lee", "Lee the younger", "Lee senior"); a suffix written with it (Lee Sr.) is part of the name."""
    after = _GENERATION_AFTER.match(text, end)
    return bool(_GENERATION_BEFORE.search(text, max(0, start - 12), start) or (after and after.group("g"))
                or _SENIORITY_AFTER.match(text, end))


def _generation(text: str, mention: Mention, written: str, bearers: list[str]) -> str | None:
    """Which of a father and son of one name a bare name is, by its own suffix or the words around
    it ("the younger Tolliver", "Tolliver Sr."); None when nothing says."""
    start, end = mention.span.start, mention.span.end
    before = _GENERATION_BEFORE.search(text, max(0, start - 10), start)
    after = _GENERATION_AFTER.match(text, end)
    if suffix(written):
        want = suffix(written)
    elif before:
        want = _GENERATIONS[before.group("g").lower()]
    elif after:
        want = _GENERATIONS[after.group("g")] if after.group("g") else SUFFIXES[after.group("s")]
    else:
        return None
    chosen = [n for n in bearers if suffix(n) == want]
    return chosen[0] if len(chosen) == 1 else None


def _shared_words(heads: dict[str, str]) -> set[str]:
    """The words that several full names of the article have (a family's surname)."""
    fulls = {h for h in heads.values() if len(name_tokens(h)) >= 2}
    count = Counter(w for f in fulls for w in set(name_words(f)))
    return {w for w, n in count.items() if n > 1}


def _in_headline(ctx: Context, pos: int) -> bool:
    h = ctx.article.meta.headline
    return h is not None and h.start <= pos < h.end
