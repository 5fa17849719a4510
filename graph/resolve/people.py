"""Which person node each name refers to: a multi-pass sieve in the manner of Stanford's
deterministic coreference (Lee et al. 2013), most precise pass first, each pass only
deciding what the earlier ones left open.

Within an article (`article_sieve`), over the person mentions in the order of the text:
  1. exact      a full name (two words or more) is the person of that name; two single
                names one space apart ("Jalen" "Okafor") are one full name the names
                step wrote in two; a full name that is the first words of one longer
                full name of the article is its short form (Nurul Ain of Nurul Ain
                Ismail, Kenneth Lam of Kenneth Lam Chi-keung)
  2. head       a single name joins a full name of the article whose head it is (last
                word or nickname; a word that is nobody's surname may be a first name,
                "Chrissy"; a middle name never): the one it follows when only one such
                full name comes before it. Once given a person it keeps that person for
                the rest of the article (news names a second person of the surname in
                full). Two such people before its first use: it joins none, unless one
                is the person the lede names (news keeps the bare surname for them). A
                headline's single name joins the first full name that has it; a first
                name may join the only full name that begins with it before that is
                written ("my husband, Daniel" in a quotation); a surname written before
                any full name of it is somebody of its own until one comes ("Okafor,
                whose older sister, Ada Okafor, ..." names two people).
Across articles (`People`):
  3. exact      the same full name is the same person; a shorter full name contained in
                a longer one of the same first and last word too (John Legend / John
                Roger Legend)
  4. head       a single name that its article leaves on its own joins the one full
                name that has it as surname or nickname, looked for first among the
                articles of its story (articles that share a full-name person), then
                in the whole corpus; never a full name that its own article names and
                its sieve did not join, and never when two full names qualify.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

import regex
from rdflib import URIRef

from graph.match.names import CAPITAL_PARTICLES, MAIDEN_NAME, counted_words, namesakes_of, nickname, suffix
from graph.records import Extraction, Mention, Ref, Span
from graph.rdf.vocab import iri, slug

PERSON = "Person"
# how far after the headline a credit line may start and still open the article ("By Martin Hale"), and the
# longest line of the credit block after it ("Post-Ledger Staff Writer"): a lede is longer
_CREDIT_REACH = 200
_CREDIT_LINE = 50


@dataclass(frozen=True)
class Sieved:
    """One article's person mentions after the sieve: where a single name was given
    another person than the names step gave it (or none: `None`)."""

    article: str
    changed: tuple[tuple[int, int, str, str | None], ...]  # (start, end, as matched, as sieved)
    written: tuple[tuple[int, int, str], ...] = ()  # (start, end, full name) of each half of a split name
    # (shorter, longer) full names of the article, the shorter the first words of the one longer (Nurul Ain of
    # Nurul Ain Ismail, Peter Kwan of Peter Kwan Wing-hong): one person, named by the longer
    renamed: tuple[tuple[str, str], ...] = ()

    def value_at(self, ref: Ref, span: Span | None) -> tuple[bool, str | None]:
        """(whether the sieve decided, the name) for `ref` read at `span` of the article."""
        if span is None or ref.kind != "name":
            return False, ref.value
        hits = {new for a, b, old, new in self.changed if old == ref.value and a < span.end and span.start < b}
        decided, value = (True, next(iter(hits))) if len(hits) == 1 else (False, ref.value)
        longer = self._longer.get(value) if value is not None else None
        return (True, longer) if longer is not None else (decided, value)

    @functools.cached_property  # asked for every mention and every ref of the article
    def _longer(self) -> dict[str, str]:
        return dict(self.renamed)


def _is_person_name(m: Mention) -> bool:
    return m.ref.kind == "name" and m.ref.type == PERSON


_words = counted_words


def article_sieve(x: Extraction, credits: frozenset[str] = frozenset(), given=frozenset()) -> Sieved:
    """Passes 1 and 2 over one article: full names, then each single name to the full name it follows. The
    mentions of the rules `credits` (a byline's writer) take no part: no bare name of the story is theirs.
    `given`: the given names of the rules, which no bare name is read as a second surname of (see
    _paternal_surname)."""
    people = sorted((m for m in x.mentions if _is_person_name(m) and m.rule not in credits),
                    key=lambda m: (m.span.start, m.span.end))
    fulls = [(m.span.start, m.span.end, m.ref.value) for m in people if len(_words(m.alias or m.span.exact)) >= 2]
    pairs = _split_names(people)
    fulls = sorted(fulls + [(a.span.start, b.span.end, name) for a, b, name in pairs])
    decided_at = {(m.span.start, m.span.end): name for a, b, name in pairs for m in (a, b)}
    headline = x.article.headline
    body = headline.end if headline is not None else 0
    # the lede is the first sentence after the headline and its credit block ("By Martin Hale" then the short
    # line of the writer's post, "Post-Ledger Staff Writer"), not the credit
    credit_ends = [m.span.end for m in x.mentions if m.rule in credits and m.span.start - body <= _CREDIT_REACH]
    if credit_ends:
        after = max(credit_ends)
        body = next((a for a, b in x.sentences if a >= after and b - a > _CREDIT_LINE), after)
    lede = next(((a, b) for a, b in x.sentences if a >= body), (body, body))
    # the lede's first full name, written from its first word (or nickname): not a part of it that another
    # name holds ("Ah Bee Kopitiam", a shop named for Goh Ah Bee)
    partial = {(m.span.start, m.span.end) for m in people if not _opens_its_name(m)}
    lead = next((v for a, b, v in fulls if lede[0] <= a < lede[1] and (a, b) not in partial), None)
    established: dict[str, str | None] = {}  # a single name -> the person it was first given
    changed = []
    for m in people:
        surface = m.alias or m.span.exact
        if len(_words(surface)) != 1 or m.rule == MAIDEN_NAME:
            continue  # a full name: pass 1; a maiden name after "née" is the one named before it
        decided = decided_at.get((m.span.start, m.span.end))
        if any(m.ref.value == f"{t[1].rstrip('.')} {surface}" for t in m.titles):
            # a name the names step told apart by its title only ("Lady Carrowmore" of a "Lord Carrowmore"):
            # someone the article never names, so no node
            changed.append((m.span.start, m.span.end, m.ref.value, None))
            continue
        if decided is None:
            if any(a <= m.span.start and m.span.end <= b for a, b, _ in fulls):
                continue  # the nickname written inside a full name (Vilailuck "Pepper" Teigen)
            if m.titles and any(v == m.ref.value != surface and b <= m.span.start for a, b, v in fulls):
                # the names step read the title of one named before ("Ms Lim" of Lim Hui Min): it stands, and is
                # whom the bare name goes on to mean, as a first reading by the sieve would be
                established.setdefault(surface, m.ref.value)
                continue
            if m.titles and m.ref.value == surface and any(b <= m.span.start and surface in _words(v)
                                                           for a, b, v in fulls):
                # left bare by the names step though someone named before bears it: the title's gender is
                # theirs ("Mr. Srinivasaraghavan" after Mrs. Kamala Srinivasaraghavan only), or several's
                changed.append((m.span.start, m.span.end, m.ref.value, None))
                continue
            namesakes = namesakes_of(v for a, b, v in fulls if b <= m.span.start).get(surface, ())
            if namesakes:
                # a father and his son of one name (Raymond Tolliver Sr. and Jr.): a bare name is either,
                # unless the words around it said which to the names step ("the younger Tolliver")
                decided = m.ref.value if m.ref.value in namesakes else None
            elif surface in established:
                decided = established[surface]
            else:
                in_headline = headline is not None and headline.start <= m.span.start < headline.end
                # a surname with its capitalised particle ("Te Whāiti", "Ó Súilleabháin") is matched by the word
                # the particle goes with, the last word of a full name; the name stays as written otherwise
                word = _words(surface)[0] if CAPITAL_PARTICLES & set(surface.split()) else surface
                decided = _head_match(word, m.span.start, fulls, in_headline, lead, bool(m.titles))
                if decided == word:
                    decided = surface
                if decided == surface and surface not in given:
                    decided = _paternal_surname(surface, m, fulls)
                if decided != surface and (decided is not None or _named_before(surface, m.span.start, fulls)):
                    # a name left on its own, or to no one before anyone bears it, is decided again once a full
                    # name of it comes
                    established[surface] = decided
        if decided != m.ref.value:
            changed.append((m.span.start, m.span.end, m.ref.value, decided))
    written = tuple((m.span.start, m.span.end, name) for a, b, name in pairs for m in (a, b))
    return Sieved(x.article.id, tuple(changed), written, _leading_forms({v for a, b, v in fulls}))


# a word after a name that tells a son from his father where the name's suffix is written out (Alberto Fonseca dos
# Santos Junior, the Portuguese Filho and Neto)
_GENERATION_WORD = regex.compile(r"Junior|Senior|Filho|Neto|Sobrinho")


def _leading_forms(fulls: set[str]) -> tuple[tuple[str, str], ...]:
    """(shorter, longer) of each full name of an article whose words are the first words of exactly one longer
    full name of it (Nurul Ain / Nurul Ain Ismail; Kenneth Lam / Kenneth Lam Chi-keung;
    Ximena Barragán / Ximena Barragán Olvera): the short form of that person's name, as the article goes on to
    call them. Not where two longer names begin so (José García of José García Pérez and José García López:
    either), nor a name with a generational suffix or a longer one ending in such a word, which tells a father
    from his son."""
    words = {n: _words(n) for n in fulls if suffix(n) is None}
    out = []
    for short, sw in sorted(words.items()):
        if len(sw) < 2:
            continue
        hosts = [n for n, w in words.items() if len(w) > len(sw) and w[:len(sw)] == sw]
        if len(hosts) == 1 and not _GENERATION_WORD.fullmatch(words[hosts[0]][-1]):
            out.append((short, hosts[0]))
    return tuple(out)


def _opens_its_name(m: Mention) -> bool:
    """Whether a mention is written from the first word of the name it was given, or its nickname."""
    words, full = _words(m.alias or m.span.exact), m.ref.value
    return bool(words) and (words[0] == _words(full)[0] or words[0] == nickname(full))


def _named_before(word: str, pos: int, fulls: list[tuple[int, int, str]]) -> bool:
    """Whether someone named in full before pos bears the word."""
    return any(b <= pos and word in _words(v) for a, b, v in fulls)


def _split_names(people: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """Two single names one space apart ("Jalen" "Okafor") are one full name the names step
    wrote as two mentions: (first, second, the full name)."""
    out = []
    for a, b in zip(people, people[1:]):
        sa, sb = a.alias or a.span.exact, b.alias or b.span.exact
        if len(_words(sa)) == 1 and len(_words(sb)) == 1 and b.span.start == a.span.end + 1 \
                and a.span.exact == sa and b.span.exact == sb:
            out.append((a, b, f"{sa} {sb}"))
    return out


def _is_head(full: str, word: str) -> bool:
    """Whether word is the head of a full name: its last word, or its nickname."""
    return _words(full)[-1] == word or nickname(full) == word


def _is_first(full: str, word: str) -> bool:
    return _words(full)[0] == word


def _head_match(word: str, pos: int, fulls: list[tuple[int, int, str]], in_headline: bool,
                lead: str | None, titled: bool = False) -> str | None:
    """The person a single name at pos first stands for; the name itself when it is somebody
    of its own, None when the text does not say which of two people it is.

    A word that is some full name's surname is read as a surname (Stanford's head match);
    only a word that is nobody's surname may be a first name ("Chrissy"). A middle name
    ("Ellis" of Margaret Ellis Pruitt) is not how news names a person.
    """
    fits = _is_head if any(_is_head(v, word) for _, _, v in fulls) else _is_first
    before = list(dict.fromkeys(v for a, b, v in fulls if b <= pos and fits(v, word)))
    if fits is _is_head and any(_is_first(v, word) and v not in before for a, b, v in fulls if b <= pos):
        # one person's surname and another's given name (Zoya Farhan, and her father Farhan Qureshi): either
        return None
    if len(before) == 1:
        return before[0]
    if len(before) > 1:
        # the person the lede names is whom the article is about, and news style keeps the bare
        # surname for them ("Walter Pruett ... his wife, Margaret Pruett ... Pruett, now 71");
        # any other two people of one name: the text does not say which
        return lead if lead in before else None
    after = list(dict.fromkeys(v for a, b, v in fulls if a >= pos and fits(v, word)))
    if not after:
        return word
    if in_headline:
        return after[0]
    if titled and len(after) > 1 and fits is _is_head:
        # a title and a surname in the body before the article names two or more people with it ("Mrs Cheetham"
        # before Helen and Martin Cheetham): the article's lead where it is one of them, else the text has not yet
        # said which, and a node of the words would stand for them all (a bare surname before any full name is
        # often the family's, "the Lindqvist farm", and stays a word of its own)
        return lead if lead in after else None
    if len(after) == 1 and fits is _is_first:
        return after[0]  # a first name used before the full name ("my husband, Daniel"): unique, so safe
    return word


def _paternal_surname(word: str, m: Mention, fulls: list[tuple[int, int, str]]) -> str:
    """For a single name that is no one's first or last word: the one person named in full before it with the word
    as the second of two surnames from the end, when the names step gave it to them too ("Hilario Bastidas
    Nájera … Bastidas said": Spanish and Portuguese names put the father's surname, the one used alone, before
    the mother's; "Mary Ellen Carter … her sister Ellen" is another case, which the caller's given names
    leave out); else the word, somebody of its own."""
    bearers = {v for a, b, v in fulls if b <= m.span.start and len(_words(v)) >= 3 and _words(v)[-2] == word}
    return m.ref.value if bearers == {m.ref.value} else word


def _in_order(short: tuple, long: tuple) -> bool:
    """Whether the words of one name are those of another in order, maybe with words between."""
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


class People:
    """Decides which person node each name, read at a place of an article, refers to."""

    def __init__(self, extractions: list[Extraction], credits: frozenset[str] = frozenset(), given=frozenset()):
        self.sieved = {x.article.id: article_sieve(x, credits, given) for x in extractions}
        # every person value each article ends with, after its own sieve
        values: dict[str, Counter] = {}
        for x in extractions:
            c = Counter()
            s = self.sieved[x.article.id]
            for m in x.mentions:
                if _is_person_name(m) and m.rule not in credits:
                    _, v = s.value_at(m.ref, m.span)
                    if v is not None:
                        c[v] += 1
            values[x.article.id] = c
        self.canonical = self._full_names(values)
        self._full_nodes = {iri("person", slug(c)) for c in self.canonical.values()}
        self._named_in_tellings(extractions, values)
        self.story = self._stories(values)
        self.local = self._single_names(values)

    def _full_names(self, values: dict[str, Counter]) -> dict[str, str]:
        """Pass 3: each full name to the fullest name of its person (longest, then most mentioned)."""
        counts = Counter()
        for c in values.values():
            counts.update(c)
        fulls = sorted((n for n in counts if len(_words(n)) >= 2), key=lambda n: (-len(_words(n)), -counts[n], n))
        canonical: dict[str, str] = {}
        by_tokens: dict[tuple, str] = {}
        # (first, last word, suffix) -> the full names with them so far, each with its words: a lookup, not a scan
        by_ends: dict[tuple, list[tuple[str, tuple]]] = {}
        for n in fulls:
            # a generational suffix tells a father from his son of one name (Ramon dela Cruz Jr. and Sr.)
            key = (*(t.casefold() for t in _words(n)), suffix(n))
            if key in by_tokens:
                canonical[n] = by_tokens[key]
                continue
            # a shorter full name contained in a longer one is the same person (John Legend / John Roger Legend);
            # one of other middle names is another (the quadruplets Yaa Ahotor Boateng and Yaa Ayeyi Boateng),
            # and one two longer names contain is either (Yaa Boateng): no one's for sure, so a node of its own
            ends = (key[0], key[-2], key[-1])
            hosts = [h for h, words in by_ends.get(ends, ()) if _in_order(key, words)]
            host = hosts[0] if len(hosts) == 1 else None
            canonical[n] = host or n
            by_tokens.setdefault(key, host or n)
            if host is None:
                by_ends.setdefault(ends, []).append((n, key))
        return canonical

    def _named_in_tellings(self, extractions: list[Extraction], values: dict[str, Counter]) -> None:
        """A full name known from the corpus, written in an event an article tells, ties the article
        to that person's story even where no name rule found the name there."""
        by_last: dict[str, list[str]] = defaultdict(list)
        for n in self.canonical:
            by_last[_words(n)[-1]].append(n)
        for x in extractions:
            for rec in x.events:
                text = rec.span.exact
                for word in set(text.split()) & by_last.keys():
                    for n in by_last[word]:
                        if n in text:
                            values[x.article.id][n] += 0  # linked, not counted as a mention

    def _stories(self, values: dict[str, Counter]) -> dict[str, str]:
        """Each article's story: the articles linked to it through a full-name person they share."""
        parent = {a: a for a in values}

        def find(a):
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        first_with: dict[str, str] = {}
        for a in sorted(values):
            for v in values[a]:
                if v in self.canonical:
                    c = self.canonical[v]
                    if c in first_with:
                        ra, rb = find(a), find(first_with[c])
                        if ra != rb:
                            parent[max(ra, rb)] = min(ra, rb)
                    else:
                        first_with[c] = a
        return {a: find(a) for a in values}

    def _single_names(self, values: dict[str, Counter]) -> dict[tuple[str, str], str]:
        """Pass 4: (article, single name) -> the full name it joins across articles."""
        hosts_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # word -> story -> hosts
        for a, c in values.items():
            for v in c:
                if v in self.canonical:
                    for word in (_words(v)[-1], nickname(v)):
                        if word:
                            hosts_of[word][self.story[a]].add(self.canonical[v])
        joined: dict[tuple[str, str], str] = {}
        for a in sorted(values):
            own = {self.canonical[v] for v, k in values[a].items() if k and v in self.canonical}
            for v in values[a]:
                if v in self.canonical or v not in hosts_of:
                    continue
                if any(_is_head(h, v) or _is_first(h, v) for h in own):
                    continue  # its own article names a full name of that word, and its sieve refused it
                by_story = hosts_of[v]
                near = by_story.get(self.story[a], set())
                # another story's person only for an article that names nobody in full: one that does is of
                # its own story, and a bare name of it ("Luna" of the Teigen story) is no one of another
                # story who bears the word as a surname (Eusebio Castañeda Luna)
                hosts = near or (set().union(*by_story.values()) if not own else set())
                if len(hosts) == 1:
                    joined[(a, v)] = next(iter(hosts))
        return joined

    def name_at(self, ref: Ref, at: Span | None) -> str | None:
        """The fullest name of the person `ref` refers to when read at `at`; None when nobody."""
        value = ref.value
        if at is not None and at.article in self.sieved:
            _, value = self.sieved[at.article].value_at(ref, at)
            if value is None:
                return None
            if value in self.canonical:
                return self.canonical[value]
            return self.local.get((at.article, value), value)
        return self.canonical.get(value, value)

    def alias_at(self, m: Mention) -> str | None:
        """How a mention names its person: the full name where it is half of a split name
        ("Ruth" "Mensah" are Ruth Mensah, not two aliases), else its alias."""
        for a, b, name in self.sieved[m.span.article].written if m.span.article in self.sieved else ():
            if (a, b) == (m.span.start, m.span.end):
                return name
        return m.alias

    def is_full(self, node: URIRef) -> bool:
        """Whether a node is a person named in full somewhere (so of one story only)."""
        return node in self._full_nodes

    def node(self, ref: Ref, at: Span | None) -> URIRef | None:
        name = self.name_at(ref, at)
        return iri("person", slug(name)) if name is not None else None
