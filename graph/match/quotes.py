"""Quotes step: the quotations of an article with their speakers, a quotation printed in parts joined into one.

Two stages, as in the deterministic quote attribution of Stanford CoreNLP (Muzny et al. 2017):
the quote rules find the words that name a quotation's speaker (a name, a pronoun, a role
phrase), then `references` resolves those words to a person. A quotation is one or more
parts: “A,” she said, “B.” is one quotation; so is one that runs over several paragraphs
(each left open but the last); and “A,” she said. “B.” too, when B has no speaker of its own.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

import regex

from graph.match.context import Context
from graph.match.names import PERSON, Names, surname
from graph.match.relations import POSSESSIVE_PRONOUNS, SUBJECT_PRONOUNS
from graph.match.references import (People, Speaking, article_people, group_refs, innermost_quote, known_by_noun,
                                    noun_genders, paragraph_at, protagonist, speaker_settings, speaker_words)
from graph.match.text import QuoteSpan, runs_on
from graph.records import EventRecord, QuoteRecord, Ref, Relation, Role, Span
from graph.rules.ruleset import Rule

_WORDS = regex.compile(r"\w+")
_DETERMINER_BEFORE = regex.compile(r"(?<![\p{L}’'])(?:the|a|an|his|her|their|its|our|my|your|this|that)\s+$", regex.I)
# a determiner, maybe a word that qualifies a term (set, stock, a language: the Afrikaans word), then a noun
_TERM_NOUN_BEFORE = regex.compile(r"(?<![\p{L}’'-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]his|[Tt]hat)\s+"
                                  r"(?:(?:set|stock|familiar|popular|famous|old|\p{Lu}\p{Ll}+)\s+)?(\p{Ll}+),?\s+$")
# what an attribution before a quotation may end in right after its speaker: the comma alone
_ABUTS = regex.compile(r",\s*")
_ENDS_SENTENCE = regex.compile(r"[.!?]$")
_ENDS_ATTRIBUTION = regex.compile(r"[.:]\s*$")
_ENDS_CLAUSE = regex.compile(r"[,:]\s*$")
_WORD_CHAR = regex.compile(r"\w")
_QUESTION = regex.compile(r"\s*Q[:.][^\S\n]")  # an interviewer's question printed as a transcript
_STOP_INSIDE = regex.compile(r"[.!?;:]")
# a determiner and a word before a name: "the elder Lee", "the younger Lee" (a description, not a name alone)
# "the elder Lee", "the younger Mr Lim": a description, maybe a title, then the surname
_DESCRIBED_SURNAME = regex.compile(r"(?<![\p{L}’'])(?:[Tt]he|[Aa]n?)\s+\p{Ll}[\p{L}-]*\s+(?:\p{Lu}\p{Ll}{1,3}\.?\s+)?"
                                   r"(?:(?:von|van|de|der|den|del|da|di|du|la|le|ter|ten)\s+){0,2}$")
# an age right after a name: "Nick Papadakis, 34,", "aged 61", "Seán Dolan (61)"
_AGE_AFTER = regex.compile(r"(?:,\s+(?:aged\s+)?|\s+\()(\d{1,3})(?=[,.;)]|\s)")
# a paragraph that opens with a name (a title, an age, a clause set off by commas after it) and a verb of saying
_NAMED_SAYER_OPENS = regex.compile(r"(?:(?:[Tt]he\s+)?\p{Lu}[\p{L}.’'-]*[^\S\n]+){0,3}\p{Lu}[\p{L}’'-]+"
                                   r"(?:[^\S\n]+(?:[“\"‘][^”\"’\n]{1,20}[”\"’]|\p{Lu}[\p{L}’'-]+)){0,4}"
                                   r"(?:[^\S\n]+\(\d{1,3}\)|,[^\S\n]+\d{1,3})?(?:,[^\S\n]+[^,.;“”\"\n]{1,140},)?[^\S\n]+"
                                   r"(?:said|says|told|tells|recalled|recalls|added|explained)\b")
# the description's word of generation: the parent of the two ("the elder Rotich") or the child ("the younger Lim")
_GENERATION = regex.compile(r"\b(?:(?P<up>elder|older)|(?P<down>younger))\s", regex.IGNORECASE)
# what may follow an attribution before the next part of the same quotation: “A,” she said [in a toast], “B.”
_REST_OF_ATTRIBUTION = regex.compile(r"[^“”\"‘’\n.!?;]{0,80}?,\s*")
# a verb of speech in the words after a quotation: an attribution, whether or not a rule could read it
_SPEECH_VERB = regex.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|explained|recalled|according|asked|"
                             r"answered|replied|joked|insisted|noted|continued|shared|posted|commented|tweeted)\b")
# what the speaker says before a role phrase that says what someone is rather than who: the speaker
# ("I'm just the plumber"), or anyone the words suppose ("When you are the captain, you are thinking …";
# "as the coach", "to be the mayor"): a predicate, which stands for no person the quotation speaks of
_PREDICATE = regex.compile(r"(?:\bI(?:’m|'m|\s+am|\s+was)|\b[Yy]ou(?:’re|'re|\s+are|\s+were)|\b[Ww]e(?:’re|'re|\s+are|\s+were)|"
                           r"\b(?:being|become|becomes|became|to\s+be|as))\s+(?:just\s+|only\s+|simply\s+|still\s+)?$")
# speaker words that are a name (not a pronoun or a description)
_NAMED = regex.compile(r"(?!(?:She|He|They|We|The|Her|His|Their|Its|My)\b)\p{Lu}")

# who says one quotation: (speakers, id of the rule that named them, written/spoken/None)
_Found = tuple[tuple[Role, ...], str, "str | None"]


def find_quotes(ctx: Context, names: Names, events: list[EventRecord],
                relations: Sequence[Relation] = ()) -> list[QuoteRecord]:
    """Every quotation with a speaker, in the order of the text; the article's family ties (relations.py) tell
    which of a parent and child of one surname "the elder" or "the younger" is."""
    transcript = [r for r in ctx.rules["quotes"] if r.get("where") == "transcript"]
    if not ctx.quotes and not transcript:
        return []
    # speaker labels ("Ann Lee: …") are read only in an interview: an article with a question ("Q: …")
    labelled = [r for r in transcript if "speaker" in r.pattern.groupindex]
    interview = bool(labelled) and any(_QUESTION.match(ctx.text, a, b) for a, b in ctx.paragraphs)
    people = article_people(ctx, names, events) if ctx.quotes or interview else None
    labels = _labels(ctx, names, people, labelled) if interview else {}
    records: list[QuoteRecord] = []
    if people is not None and ctx.quotes:
        state = _Attribution(ctx, names, people, labels, relations)
        state.run()
        records, index_of = _records(ctx, names, events, state)
        records = _nest(ctx, records, index_of)
    if transcript:
        records.extend(_transcript(ctx, names, events, people, transcript, records, labels))
    return records


# a paragraph's speaker label ("Ann Lee: …"): paragraph -> (the rule, where the words start, the speakers)
_Labels = dict[int, tuple[Rule, int, tuple[Role, ...]]]


def _labels(ctx: Context, names: Names, people: People, rules: list[Rule]) -> _Labels:
    """The paragraphs a `transcript` rule with a `speaker` group matches at their start ("Ann Lee: …" in an
    interview) right after a question ("Q: …") or another labelled answer, each with the one person its
    label names: a full name, or a surname only one person of the article bears (two Lees answering, "Lee:"
    is either); a label naming no person, or several, gives none. One pass over the paragraphs."""
    out: _Labels = {}
    bearers = _surname_bearers(ctx, people)
    for p, (a, b) in enumerate(ctx.paragraphs):
        # a label continues an interview: the paragraph before is a question or an answer labelled so
        if p == 0 or not (p - 1 in out or _QUESTION.match(ctx.text, *ctx.paragraphs[p - 1])):
            continue
        for rule in rules:
            m = ctx.run(rule, "match", ctx.text, a, b)
            if not m or m.start("speaker") < 0:
                continue
            word = m.group("speaker")
            refs = group_refs(ctx, names, m, "speaker", (), Speaking(people))
            persons = {ref.value for ref, _ in refs if ref.type == PERSON}
            if len(persons) != 1 or (" " not in word and len(bearers.get(word, ())) > 1):
                refs = []
            roles = tuple(sorted({Role("creator", ref, sp) for ref, sp in refs}))
            out[p] = (rule, m.end(), roles)
            break
    return out


def _surname_bearers(ctx: Context, people: People) -> dict[str, set[str]]:
    """Surname -> the people the article names in full with it, worked out once per article."""
    bearers = ctx.memo.get("surname_bearers")
    if bearers is None:
        bearers = ctx.memo["surname_bearers"] = {}
        for c in people.candidates:
            if " " in c.person:
                bearers.setdefault(surname(c.person), set()).add(c.person)
    return bearers


def _first_word_bearers(ctx: Context, people: People) -> dict[str, set[str]]:
    """First word -> the people the article names in full with it (a surname, where it is written first, as
    Chinese and Korean names are), worked out once per article."""
    bearers = ctx.memo.get("first_word_bearers")
    if bearers is None:
        bearers = ctx.memo["first_word_bearers"] = {}
        for c in people.candidates:
            if " " in c.person:
                bearers.setdefault(c.person.split()[0], set()).add(c.person)
    return bearers


def _shared_words(ctx: Context, people: People) -> set[str]:
    """Words two people the article names in full bear: a surname, or the first word of their names, as Chinese
    and Korean names are written surname first ("the elder Wang" of Wang Guoqiang, Wang Jianjun and Wang Xiaoyu)."""
    return {w for bearers in (_surname_bearers(ctx, people), _first_word_bearers(ctx, people))
            for w, ps in bearers.items() if len(ps) > 1}


def _kin_ties(relations: Sequence[Relation]) -> dict[str, dict[str, set[str]]]:
    """Tie -> person -> who the article's stated ties between named people make that kin of them: their
    parents, children, spouses, siblings (stated, or children of one parent) and grandparents (their
    parents' parents). Ties told inside a quotation ("my husband, Daniel") wait for the merge: not here."""
    kin: dict[str, dict[str, set[str]]] = {t: defaultdict(set) for t in ("parent", "child", "spouse", "sibling")}
    for r in relations:
        a, b = r.subject.value, r.object.value
        if r.speaker is not None or r.subject.kind != "name" or r.object.kind != "name" or a == b:
            continue
        if r.predicate == "parent":
            kin["parent"][a].add(b)
            kin["child"][b].add(a)
        elif r.predicate in ("spouse", "sibling"):
            kin[r.predicate][a].add(b)
            kin[r.predicate][b].add(a)
    for children in list(kin["child"].values()):
        for c in children:
            kin["sibling"][c] |= children - {c}
    kin["grandparent"] = defaultdict(set)
    for person, parents in kin["parent"].items():
        for p in parents:
            kin["grandparent"][person] |= kin["parent"].get(p, set())
    return kin


def _mention_index(names: Names) -> tuple[list, list[int]]:
    """The article's mentions in text order, and their starts (for bisect)."""
    mentions = sorted(names.mentions, key=lambda m: m.span.start)
    return mentions, [m.span.start for m in mentions]


def _about(index: tuple[list, list[int]], pieces) -> tuple:
    """The mentions inside the pieces of a quotation, sorted: whom its words are about."""
    mentions, starts = index
    return tuple(sorted({m for p in pieces
                         for m in mentions[bisect.bisect_left(starts, p.start):bisect.bisect_right(starts, p.end)]
                         if m.span.end <= p.end}))


# a kinship phrase inside a quotation: "my father", "our late mother", "my big brother", or "Dad" alone
_KIN_WORDS = regex.compile(r"(?:(?P<own>[Mm]y|[Oo]ur)\s+(?:(?:late|dear|old|older|elder|eldest|younger|youngest|big|"
                           r"little|baby|twin)\s+)?)?(?P<noun>\p{L}+)")
# someone spoken of by a noun: "my father", "our late mother", "her daughter", "the coach", or "Dad" alone
_SPOKEN_OF = regex.compile(r"(?<![\p{L}’'])(?:(?P<det>[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Tt]he|[Aa]n?)\s+"
                           r"(?:(?:late|dear|old|older|elder|eldest|younger|youngest|big|little|baby|twin|own)\s+)?"
                           r"(?P<noun>\p{Ll}[\p{L}-]*)|(?P<familiar>\p{Lu}\p{Ll}+))(?![\p{L}’'-])")
# how many later subjects of one verb of saying an attribution inside a quotation tries (see _nearer_subject)
_LATER_SUBJECTS = 3
_FIRST_PERSON = frozenset({"I"})
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}’'-])\p{Lu}\p{Ll}+(?![\p{L}’'-])")
_WORD_BEFORE = regex.compile(r"\b(\p{L}+)[^\S\n]+$")
# a pronoun after a preposition is still a subject ("as he puts it, “…”")
_PRONOUN_SPEAKERS = frozenset({"he", "He", "she", "She", "they", "They", "we", "We"})
_ACCORDING_TO_BEFORE = regex.compile(r"\b[Aa]ccording\s+to\s+$")


class _Attribution:
    """The quotations of one article, joined into parts and credited to speakers, top level first."""

    def __init__(self, ctx: Context, names: Names, people: People, labels: "_Labels | None" = None,
                 relations: Sequence[Relation] = ()) -> None:
        self.ctx, self.names, self.people = ctx, names, people
        # (child, parent) of the article's parent ties between people named in full
        self.parent_ties = frozenset((r.subject.value, r.object.value) for r in relations
                                     if r.predicate == "parent" and r.speaker is None)
        self.kin = _kin_ties(relations)
        # paragraph -> the one its speaker label names ("Ann Lee: …"): the words there are theirs, so a he or
        # she of an attribution in them is someone else
        self.labelled = {p: {r.ref.value for r in roles} for p, (_, _, roles) in (labels or {}).items() if roles}
        self.rules: dict[str, list[Rule]] = {}
        for rule in ctx.rules["quotes"]:
            self.rules.setdefault(rule.get("where"), []).append(rule)
        self.link: dict[int, int] = {}  # quote -> the earlier part of the same quotation
        self.speakers: dict[int, _Found] = {}  # first part -> its speakers
        self.continued: dict[int, int] = {}  # first part -> the quotation of the paragraph before it continues
        self.groups: dict[int, list] = {}  # first part -> the group "they" stood for in a quotation nested in it
        self.named_nobody: set[int] = set()  # parts an attribution names, as someone no person of the article is
        self.runs = _run_ons(ctx)
        self.run_next = {prev: nxt for nxt, prev in self.runs.items()}
        self.paragraph = [paragraph_at(ctx, q.open) for q in ctx.quotes]
        self.by_open = sorted(range(len(ctx.quotes)), key=lambda k: ctx.quotes[k].open)
        self.titles: list[tuple[int, int]] | None = None  # (close, open) of the quoted titles, sorted (_after_title)
        self.in_paragraph: dict[int, list[int]] = {}  # paragraph -> its quotations, in order
        for j in self.by_open:
            self.in_paragraph.setdefault(self.paragraph[j], []).append(j)
        # Every lookup below is a bisection in an index made once, never a scan of the paragraph's or the
        # article's quotations: the work grows with the number of quotations, not with its square.
        # (paragraph, depth, parent) -> [opens], [quotes by open], [closes], [quotes by close]
        self.siblings: dict[tuple, tuple[list[int], list[int], list[int], list[int]]] = {}
        for key, js in _grouped(self.by_open, lambda j: (self.paragraph[j], ctx.quotes[j].depth, ctx.quotes[j].parent)):
            by_close = sorted(js, key=lambda k: ctx.quotes[k].close)
            self.siblings[key] = ([ctx.quotes[j].open for j in js], js, [ctx.quotes[j].close for j in by_close], by_close)
        self.bounds: dict[tuple[int, int], tuple[list[int], list[int]]] = {}  # (paragraph, depth) -> opens, closes
        spans = sorted((m.span.start, m.span.end) for m in names.mentions)
        self.mention_starts = [a for a, _ in spans]
        reach = []  # the furthest end of the mentions up to each one, in order of start
        for _, b in spans:
            reach.append(max(b, reach[-1]) if reach else b)
        # a nickname inside a name (Jonas “Jojo” Bell): a mention starting before the quote and ending after it
        self.in_names = set()
        for i, q in enumerate(ctx.quotes):
            k = bisect.bisect_left(self.mention_starts, q.open)
            if k and reach[k - 1] > q.close:
                self.in_names.add(i)
        cands = sorted(range(len(people.candidates)), key=lambda k: people.candidates[k].start)
        self.candidate_starts = [people.candidates[k].start for k in cands]
        self.candidates_by_start = [people.candidates[k] for k in cands]
        self.verbs: tuple[list[int], list[int]] | None = None  # the article's verbs of speech: starts, ends
        self.shared = _shared_words(ctx, people)

    def root(self, i: int) -> int:
        while i in self.link:
            i = self.link[i]
        return i

    def run(self) -> None:
        """Depth by depth (a nested quotation needs its outer speaker): first what an attribution next to a part
        says, for every part; then, for a quotation still without a speaker, what the text around it carries."""
        ctx = self.ctx
        # a nickname inside a name (Jonas “Jojo” Bell) is no quotation, nor a term the text uses as a noun
        # (its marketing calls the “ambient home”; his “government-mandated rest”)
        at_depth = dict(_grouped([i for i in self.by_open if ctx.text[ctx.quotes[i].start:ctx.quotes[i].end].strip()
                                  and i not in self.in_names and not self._term(ctx.quotes[i])],
                                 lambda i: ctx.quotes[i].depth))
        for depth in sorted({q.depth for q in ctx.quotes}):
            order = at_depth.get(depth, [])
            for i in order:
                if i in self.runs:
                    self.link.setdefault(i, self.runs[i])
                if self.root(i) not in self.speakers:
                    found = self._attribute(i)
                    if found:
                        self.speakers[self.root(i)] = found
            for i in order:
                if i in self.link or i in self.speakers or i in self.named_nobody or self._attributed_after(i):
                    continue  # “…,” a source close to the couple said: someone's words, not the last speaker's
                prev = self._split_predecessor(i)
                if prev is not None and self.root(prev) in self.speakers:
                    self.link[i] = prev
                elif depth == 0:
                    carried = self._continues(i)
                    if carried:
                        self.speakers[i] = carried

    # ---------------------------------------------------------------- one part

    def _attribute(self, i: int) -> _Found | None:
        """The first quote rule that names a speaker for part i."""
        ctx = self.ctx
        q = ctx.quotes[i]
        windows = self._windows(q)
        wheres = ("after", "before", "sentence", "next-sentence") if q.depth == 0 else ("nested-before",)
        title = self._title_like(q, fewest=2)  # one word (‘Hello’) is as often said as a title
        if self._title_like(q) and (self._after_work_noun(q) or self._after_preposition(q)):
            # the podcast “Off Script,” Whitaker said …; Kang's co-star in “Moonlit Pharmacy,” actor Seo Ji-an,
            # posted …: the title of a work, not her words
            return None
        for where in wheres:
            a, b = windows[where]
            if where == "after" and self._ends_sentence(q):
                continue  # “… them.” He added …: a new sentence, not an attribution
            if where == "next-sentence" and (a >= b or not self._ends_sentence(q) or not self._opens_sentence(q)):
                # only a quotation that is a sentence of its own is followed by one saying whose it was: words
                # quoted inside a sentence of narration (Hale put it simply: “…”) are that sentence's to credit
                continue
            # a quoted title in the words before (Asked about “Wrench,” a six-minute song, he puts it bluntly:)
            # is no quotation of its own: an attribution no pattern reads across it may begin after it
            title_end = self._after_title(a, b) if where == "before" else None
            for rule in self.rules.get(where, []):
                # only a match at the window's start counts after the quote, and a pattern opening with \G
                # matches only there: tried there alone (the same match), not at every place of a long window
                at_start = where in ("after", "next-sentence") or rule.pattern.pattern.startswith("\\G")
                m = ctx.run(rule, "match" if at_start else "search", ctx.text, a, b)
                if not m and title_end is not None:
                    m = ctx.run(rule, "match" if at_start else "search", ctx.text, title_end, b)
                if not m or "speaker" not in m.re.groupindex:
                    continue
                if where in ("after", "next-sentence") and m.start() != a:
                    continue
                if where in ("before", "nested-before") and m.end() != b:
                    continue
                if title and not (where == "after" or _ENDS_CLAUSE.search(m.group())):
                    continue  # a title in quote marks is nobody's words unless an attribution introduces it
                if where == "before" and m.end("speaker") < b and _ABUTS.fullmatch(ctx.text, m.end("speaker"), b) \
                        and self._attributed_after(i):
                    # According to Tom Hale, “the vote was rigged,” a council spokesman said: words of saying after
                    # the quotation own it, though they name no one a rule can find
                    continue
                roles = self._roles(m, i)
                if where == "nested-before":
                    m, roles = self._nearer_subject(rule, m, roles, i, b)
                elif where == "before" and roles and m.group("speaker") not in _PRONOUN_SPEAKERS \
                        and self._after_preposition_at(m.start("speaker")):
                    # "A spokesperson for Jade said in a statement:": the one named is no subject of
                    # the saying; a subject after it may be ("Speaking to Tom, Jade said:"), else the
                    # words are those of someone the text does not name
                    nearer = self._nearer_subject(rule, m, roles, i, b)
                    if nearer[0] is m or self._after_preposition_at(nearer[0].start("speaker")):
                        self.named_nobody.add(i)
                        return None
                    m, roles = nearer
                if roles and self._names_another(m, "reported", roles):
                    self.named_nobody.add(i)  # She said Lee had called it “a disgrace”: Lee's words, or hers
                    return None
                if roles:
                    if q.depth == 0:  # a turn of the conversation, for a reply the text leaves to the turns
                        self.people.turns.setdefault(self.paragraph[i], set()).update(
                            r.ref.value for r in roles if r.ref.type == PERSON)
                    if where == "after":
                        self._join_next_part(i, m.end())
                    return tuple(sorted(set(roles))), rule.id, _mode(ctx, m.group())
                if _NAMED.match(m.group("speaker") or ""):
                    self.named_nobody.add(i)
        return None

    def _nearer_subject(self, rule, m, roles: list[Role], i: int, b: int):
        """The match of an attribution inside a quotation, before quotation i nested in it, whose speaker is the
        subject nearest the verb of saying: the leftmost match may have taken words that stand for nobody ("At the
        fifth-end break, Arne looked at me and said,") or the one quoting ("When I took this job, my father said
        to me:" is the father's words, and nobody's when the text does not say who he is). Of the subjects, the
        nearest that names someone; but never the one quoting, "I", past a nearer one that names nobody."""
        found = nearest = (m, roles)
        for _ in range(_LATER_SUBJECTS):
            later = self.ctx.run(rule, "search", self.ctx.text, nearest[0].start("speaker") + 1, b)
            if not later or later.end() != b or later.start("speaker") < 0:
                break
            nearest = (later, nearest[1])
            if self._object_at(later.start("speaker")):
                continue  # an object ("Mark Jones hugged Tom Brown and said,"; "I looked at my brother and said,")
            nearest = (later, self._roles(later, i))
            if nearest[1] or not found[1]:
                found = nearest
        if found is not nearest and not nearest[1] and found[0].group("speaker") in _FIRST_PERSON:
            return nearest
        return found

    def _object_at(self, pos: int) -> bool:
        """Whether the words at pos are no subject of a verb of saying after them: they follow a preposition
        (quotes.yaml `prepositions`) or a verb in -ed (an object), or a capitalised word (the rest of a name)."""
        word = self._word_before(pos)
        return word is not None and (word[:1].isupper() or word.endswith("ed") or self._preposition(word))

    def _word_before(self, pos: int) -> str | None:
        w = _WORD_BEFORE.search(self.ctx.text, max(0, pos - 30), pos)
        return w.group(1) if w is not None else None

    def _preposition(self, word: str) -> bool:
        return word.lower() in speaker_words(self.ctx, "prepositions")

    def _after_preposition_at(self, pos: int) -> bool:
        """Whether a preposition (quotes.yaml `prepositions`) is the word right before pos ("for Jade"); not the
        "to" of "according to", whose name is the source of the words, nor "as" ("as Baig put it, “…”")."""
        word = self._word_before(pos)
        return (word is not None and self._preposition(word) and word.lower() != "as"
                and not _ACCORDING_TO_BEFORE.search(self.ctx.text, max(0, pos - 30), pos))

    def _roles(self, m, i: int) -> list[Role]:
        """The speakers a match names for quotation i; nobody for a surname two people bear written as a description
        tells one of them ("the elder Lee", "the younger Lee"): which one it is, the text leaves to the reader."""
        q = self.ctx.quotes[i]
        a = m.start("speaker")
        if (a >= 0 and m.group("speaker") in self.shared
                and (described := _DESCRIBED_SURNAME.search(self.ctx.text, max(0, a - 30), a))):
            person = self._of_generation(m.group("speaker"), described.group(0), a)
            return [Role("creator", Ref("name", person), self.ctx.span(a, m.end("speaker")))] if person else []
        outer = self.speakers.get(self.root(q.parent), ((), "", None))[0] if q.parent is not None else ()
        if outer and a >= 0 and (kin := self._kin_of(m.group("speaker"), outer)) is not None:
            return [Role("creator", Ref("name", kin), self.ctx.span(a, m.end("speaker")))]
        speaking = self._speaking(i, outer)
        refs = group_refs(self.ctx, self.names, m, "speaker", outer, speaking)
        if speaking.found_groups:
            self.groups[self.root(q.parent) if q.parent is not None else self.root(i)] = list(speaking.found_groups)
        if not refs and outer and a >= 0 and (kin := self._kin_spoken_of(i, m.group("speaker"), outer)) is not None:
            return [Role("creator", Ref("name", kin), self.ctx.span(a, m.end("speaker")))]
        return [Role("creator", ref, sp) for ref, sp in refs]

    def _kin_spoken_of(self, i: int, words: str, outer: tuple[Role, ...]) -> str | None:
        """Whom a he or she that says quotation i, a quote within a quote, stands for where no name does: the one
        relative of the one quoting that the words just before speak of by a kinship noun of the pronoun's gender,
        inside the quotation ("My father ran the mill. He used to say, ‘…’") or in the narration of its paragraph
        and the one before, by the possessive of the one quoting ("Solveig Lund said her daughter had sent a
        message. / “She wrote, ‘…’”): the one person the article's stated ties make that kin of them (quotes.yaml
        `kin_ties`). None where those words also speak of someone else the pronoun may be (a name, another noun
        for a person: "the coach", "his brother" of another), or of no such relative."""
        gender = SUBJECT_PRONOUNS.get((words or "").lower())
        owners = {r.ref.value for r in outer if r.ref.type == PERSON and r.ref.kind == "name"}
        if gender is None or len(outer) != 1 or len(owners) != 1:
            return None
        ctx, people = self.ctx, self.people
        owner = next(iter(owners))
        owner_gender = people.genders.get(owner) or people.pronoun_genders.get(owner)
        q = ctx.quotes[i]
        parts = set(self._parts(q.parent))
        first = min(ctx.quotes[j].start for j in parts)
        p = paragraph_at(ctx, first)
        start = ctx.paragraphs[max(p - 1, 0)][0]
        settings = speaker_settings(ctx)
        familiar, ties = settings.get("familiar_kin", {}), settings.get("kin_ties", {})
        genders, person_nouns = noun_genders(ctx), speaker_words(ctx, "person_nouns")
        found: set[str] = set()
        for m in _SPOKEN_OF.finditer(ctx.text, start, q.open):
            where = innermost_quote(ctx, m.start())
            inside = where in parts
            if not inside and where is not None:
                continue  # someone else's words
            if m.group("familiar"):
                noun = familiar.get(m.group("familiar").lower())
                if noun is None or not inside:
                    continue
                own = True
            else:
                noun = familiar.get(m.group("noun"), m.group("noun"))
                det = m.group("det").lower()
                if noun not in genders and noun not in person_nouns:
                    continue
                # inside the quotation "my father" is the one quoting's; in the narration, "her daughter" when the her
                # may be the one quoting
                own = det in ("my", "our") if inside else (
                    owner_gender is not None and POSSESSIVE_PRONOUNS.get(det) == owner_gender)
            if genders.get(noun) not in (None, gender):
                continue  # someone of the other gender: no he or she of this one
            tie = ties.get(noun) if own else None
            fits = {k for k in self.kin.get(tie, {}).get(owner, ())
                    if (people.genders.get(k) or people.pronoun_genders.get(k)) == gender} if tie else set()
            if len(fits) != 1:
                return None  # a noun for someone the ties do not tell, or for several
            found |= fits
        if len(found) != 1:
            return None
        kin = next(iter(found))
        # nobody else the pronoun may be is named in those words; nor the one quoting, inside the quotation (“Oom
        # Koos phoned me and all he said was, ‘…’” credited to Koos: the attribution around it is in doubt)
        for c in self._candidates_in(start, q.open):
            where = innermost_quote(ctx, c.start)
            if where in parts and c.person == owner:
                return None
            if (where is None or where in parts) and c.person not in (owner, kin) \
                    and people.pronoun_gender(c.person) in (None, gender):
                return None
        return kin

    def _kin_of(self, words: str, outer: tuple[Role, ...]) -> str | None:
        """Whom "my father", "our mother", "Dad" or "my brother" stands for inside a quotation one person says:
        the one person the article's stated ties make that kin of them, of the noun's gender as the text (else
        the given name) tells it; None where the words are no such phrase, or no tie or several fit, so the
        speaker is read as before (the one the article introduced with the noun). A tie says whose father he
        is, where an introduction ("her father, Tom Lee") may be of another family of the article."""
        owners = {r.ref.value for r in outer if r.ref.type == PERSON and r.ref.kind == "name"}
        k = _KIN_WORDS.fullmatch(words or "")
        if len(outer) != 1 or len(owners) != 1 or k is None:
            return None
        settings = speaker_settings(self.ctx)
        noun, familiar = k.group("noun").lower(), settings.get("familiar_kin", {})
        if k.group("own") is None and not (noun in familiar and k.group("noun")[:1].isupper()):
            return None  # a bare kinship noun is a title ("Father Brennan said") or no one
        noun = familiar.get(noun, noun)
        tie = settings.get("kin_ties", {}).get(noun)
        gender = noun_genders(self.ctx).get(noun)
        if tie is None or gender is None:
            return None
        people = self.people
        fits = {p for p in self.kin.get(tie, {}).get(next(iter(owners)), ())
                if (people.genders.get(p) or people.pronoun_genders.get(p)) == gender}
        return next(iter(fits)) if len(fits) == 1 else None

    def _of_generation(self, word: str, described: str, pos: int) -> str | None:
        """Which of two bearers of a word of their names "the elder Rotich" or "the younger Rotich" at pos is: where the
        article ties them as parent and child, the parent or the child; nobody where more than two bear it of those
        named before pos (a reader knows no other: "the younger Havstad" after Arne and his son Eirik is Eirik, though
        their grandfather Olav is named later), where no parent tie joins the two (brothers, a wife of the name), or
        where the description says no generation ("the former Lee")."""
        g = _GENERATION.search(described)
        bearers = {b for b in (_surname_bearers(self.ctx, self.people).get(word, set())
                               | _first_word_bearers(self.ctx, self.people).get(word, set()))
                   if self._named_before(b, pos)}
        if g is None or len(bearers) != 2:
            return None
        tie = [(child, parent) for child, parent in self.parent_ties if {child, parent} == bearers]
        if len(tie) > 1:
            return None
        order = tie[0] if tie else self._generation_order(bearers)
        if order is None:
            return None
        child, parent = order
        return parent if g.group("up") else child

    def _named_before(self, person: str, pos: int) -> bool:
        """Whether the text names the person (not by a role phrase) before pos."""
        k = bisect.bisect_left(self.candidate_starts, pos)
        return any(c.person == person and not c.role for c in self.candidates_by_start[:k])

    def _generation_order(self, bearers: set[str]) -> tuple[str, str] | None:
        """(younger, elder) of two bearers of one word of their names that no parent tie joins: the one the
        article introduced as someone's father or mother (quotes.yaml `kin_ties`: parent) is the elder ("The
        groom's father, Mzee Joseph Rotich"), the one it introduced as a son or daughter (child) the younger,
        where the other was introduced as no other kin; else the older by the ages the text gives both ("Nick
        Papadakis, 34"); None where nothing tells."""
        ties = speaker_settings(self.ctx).get("kin_ties", {})
        gendered = noun_genders(self.ctx)
        nouns = {p: {noun for noun, who in self.people.roles.items() if p in who} for p in bearers}
        for tie, other_tie in (("parent", "child"), ("child", "parent")):
            found = {p for p in bearers if any(ties.get(noun) == tie for noun in nouns[p])}
            if len(found) != 1:
                continue
            (one,), (other,) = found, bearers - found
            # the other introduced as some other kin ("his granddaughter, Wang Xiaoyu" beside "His son, Wang
            # Jianjun"): a third generation may stand between, so the two are not told apart
            if any(noun in gendered and ties.get(noun) != other_tie for noun in nouns[other]):
                return None
            return (other, one) if tie == "parent" else (one, other)
        ages = {p: self._age(p) for p in bearers}
        if None in ages.values() or len(set(ages.values())) != 2:
            return None
        young, old = sorted(bearers, key=ages.__getitem__)
        return young, old

    def _age(self, person: str) -> int | None:
        """The age the text gives a person right after their name ("Nick Papadakis, 34,"; "Seán Dolan (61)"), the
        first place it does; None where it gives none."""
        for c in self.people.candidates:
            if c.person == person and not c.role:
                m = _AGE_AFTER.match(self.ctx.text, c.end)
                if m:
                    return int(m.group(1))
        return None

    def _speaking(self, i: int, outer: tuple[Role, ...]) -> Speaking:
        """Who may be meant by the speaker words of quotation i, and who may not: a quotation's speaker is
        not a person it names (CoreNLP's rule), nor, for a quote within a quote, the one who quotes it."""
        ctx = self.ctx
        q = ctx.quotes[i]
        if q.parent is not None:
            named = {c.person for c in self._candidates_in(q.start, q.end)}
            named |= {r.ref.value for r in outer}
            root = self.root(q.parent)
            groups = tuple(self.groups.get(self.continued.get(root, -1), ()))
            return Speaking(self.people, outer=q.parent, outer_known=bool(outer), exclude=frozenset(named), groups=groups,
                            outer_start=min(ctx.quotes[j].start for j in self._parts(q.parent)))
        # the people its own words name: not those inside a quotation it quotes (‘He said, “the land is Bríd’s”,’
        # she said: the father names Bríd, and the she is Bríd)
        named = {c.person for j in self._parts(i) for c in self._candidates_in(ctx.quotes[j].start, ctx.quotes[j].end)
                 if innermost_quote(ctx, c.start) == j}
        named |= self.labelled.get(self.paragraph[i], set())
        named |= self._called_familiar(i)
        return Speaking(self.people, exclude=frozenset(named))

    def _called_familiar(self, i: int) -> set[str]:
        """The one person the article introduced as a father, mother, grandparent whom quotation i calls by the
        familiar word ("Dad was 64," he says, after "his father, Dai Hopkins, died"): the one the speaker speaks
        of, so not the speaker. Only the capitalised word, a child's name for that parent: "my father" may be
        anyone's, a father's own father among them."""
        ctx = self.ctx
        familiar = speaker_settings(ctx).get("familiar_kin", {})
        out: set[str] = set()
        for j in self._parts(i):
            q = ctx.quotes[j]
            for w in _CAPITALISED_WORD.finditer(ctx.text, q.start, q.end):
                noun = familiar.get(w.group().lower()) if innermost_quote(ctx, w.start()) == j else None
                if noun is None:
                    continue
                people = known_by_noun(ctx, self.people.roles, self.people.introduced, noun, q.start)
                if len(people) == 1:
                    out.add(people[0])
        return out

    def _candidates_in(self, a: int, b: int):
        """The people named within [a, b), but for a role phrase the words predicate ("I'm just the plumber,"
        he said; "When you are the captain, …"): what someone is, not someone the speaker speaks of."""
        starts = self.candidate_starts
        return [c for c in self.candidates_by_start[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
                if not (c.role and _PREDICATE.search(self.ctx.text, max(a, c.start - 24), c.start))]

    def _parts(self, i: int) -> list[int]:
        """Quote i, the parts before it it was joined to, and the paragraphs' quotations a run-on part continues into."""
        parts = [i]
        while parts[-1] in self.link:
            parts.append(self.link[parts[-1]])
        nxt = parts[0]
        while nxt in self.run_next:
            nxt = self.run_next[nxt]
            parts.append(nxt)
        return parts

    def _join_next_part(self, i: int, attribution_end: int) -> None:
        """“A,” she said, “B.”: B, after an attribution that goes on with a comma, is the next part of A."""
        ctx = self.ctx
        q = ctx.quotes[i]
        opens, by_open, _, _ = self.siblings[(self.paragraph[i], q.depth, q.parent)]
        k = bisect.bisect_left(opens, attribution_end)  # the first sibling opening at or after the attribution's end
        if k == len(opens):
            return
        j = by_open[k]
        if _REST_OF_ATTRIBUTION.fullmatch(ctx.text, attribution_end, ctx.quotes[j].open):
            self.link.setdefault(j, i)

    def _windows(self, q: QuoteSpan) -> dict[str, tuple[int, int]]:
        """Where an attribution of quotation q may stand, by the `where` of the quote rules."""
        ctx = self.ctx
        sa, sb = ctx.sentence_of(q.open)
        if q.parent is not None:
            pq = ctx.quotes[q.parent]
            sa, sb = pq.start, pq.end
        # the words before the quote back to the sentence start or the previous quote's end (not a quoted title)
        opens, closes = self._bounds(paragraph_at(ctx, q.open), q.depth)
        before_start = sa
        k = bisect.bisect_left(closes, q.open) - 1  # the last such quote to close before this one opens
        if k >= 0 and closes[k] >= sa:
            before_start = max(before_start, closes[k] + 1)
        end_sentence = ctx.sentence_of(q.close)[1] if q.parent is None else sb
        # the words after, up to the next quote (not a quoted title) or the sentence end
        after_end = end_sentence
        k = bisect.bisect_right(opens, q.close)  # the first such quote to open after this one closes
        if k < len(opens):
            after_end = min(after_end, opens[k])
        # the sentence right after the one the quotation ends, in its paragraph, up to the next quote: the words
        # that may say whose the quotation was (“…” So said Blessing Ekanem)
        next_end = q.close + 1
        if q.parent is None and q.close + 2 < len(ctx.text) and paragraph_at(ctx, q.close + 2) == paragraph_at(ctx, q.close):
            next_end = ctx.sentence_of(q.close + 2)[1]
            if k < len(opens):
                next_end = min(next_end, opens[k])
        return {
            "after": (q.close + 1, max(q.close + 1, after_end)),
            "next-sentence": (q.close + 1, max(q.close + 1, next_end)),
            "before": (before_start, q.open),
            "nested-before": (before_start, q.open),
            "sentence": (sa, sb),
        }

    def _after_title(self, a: int, b: int) -> int | None:
        """Where the words after the last quoted title (“Wrench,”) within a:b begin; None when there is none.
        A bisection among the article's quoted titles, found once: never a walk of the window's quotations."""
        if self.titles is None:
            self.titles = sorted((q.close, q.open) for q in self.ctx.quotes if self._title_like(q))
        k = bisect.bisect_left(self.titles, (b, -1)) - 1
        if k >= 0 and self.titles[k][1] >= a:
            return self.titles[k][0] + 1
        return None

    def _bounds(self, p: int, depth: int) -> tuple[list[int], list[int]]:
        """The opening and the closing offsets, each sorted, of paragraph p's quotations at `depth` that are not
        quoted titles: where an attribution’s window ends. Worked out once per paragraph, for all its depths."""
        if (p, -1) not in self.bounds:  # every depth of the paragraph at once, in one pass over its quotations
            ctx = self.ctx
            self.bounds[(p, -1)] = ([], [])
            kept = [j for j in self.in_paragraph.get(p, ()) if not self._title_like(ctx.quotes[j])]
            for d, js in _grouped(kept, lambda j: ctx.quotes[j].depth):
                self.bounds[(p, d)] = (sorted(ctx.quotes[j].open for j in js), sorted(ctx.quotes[j].close for j in js))
        return self.bounds.get((p, depth), ([], []))

    def _ends_sentence(self, q: QuoteSpan) -> bool:
        """A quotation whose last word ends a sentence with a period (“… them.”) takes no attribution after it."""
        inner = self.ctx.text[q.start:q.end].rstrip()
        return runs_on(self.ctx.text, q) or (inner.endswith(".") and not inner.endswith(".."))

    def _opens_sentence(self, q: QuoteSpan) -> bool:
        """Whether quotation q opens its sentence: no word of narration stands before its opening mark there."""
        sa = self.ctx.sentence_of(q.open)[0]
        return not _WORD_CHAR.search(self.ctx.text, sa, q.open)

    def _term(self, q: QuoteSpan) -> bool:
        """A term in quotation marks: at most three words in lower case (or one in capitals), with no sentence punctuation,
        right after a determiner or a possessive ("the “ambient home”", "his “government-mandated
        rest”"), or after a noun for words (the phrase “fudo shin”). Words a person says follow a verb ("called
        it “a giveaway”") or stand alone."""
        inner = self.ctx.text[q.start:q.end].strip().rstrip(",")
        words = inner.split()
        # letters in capitals are a term too ("a “RW” decal"): initials, no words said
        if not 1 <= len(words) <= 3 or _ENDS_SENTENCE.search(inner):
            return False
        determined = _DETERMINER_BEFORE.search(self.ctx.text, max(0, q.open - 12), q.open)
        # a place's or a person's name before a noun is a term too, after a determiner ("for the “Talegaon
        # pattern” this year")
        named = determined and len(words) >= 2 and words[0][:1].isupper() and all(w[:1].islower() for w in words[1:])
        if not (inner[:1].islower() or (len(words) == 1 and inner.isupper()) or named):
            return False
        if determined:
            return True
        # "using the set phrase “fudo shin”": a noun for words as words (quotes.yaml `term_nouns`) after a
        # determiner names them ("a short-term “band-aid,”" and "her first term “mistakes were made”" do not)
        m = _TERM_NOUN_BEFORE.search(self.ctx.text, max(0, q.open - 40), q.open)
        return m is not None and m.group(1).casefold() in self._setting_words("term_nouns")

    def _title_like(self, q: QuoteSpan, fewest: int = 1) -> bool:
        """A quoted title such as “Night Ferry,” or “Tidewater”: a few capitalised words (at least `fewest`),
        no sentence punctuation."""
        limit = int(self.ctx.rules.settings["quotes"].get("settings", {}).get("title_max_words", 0))
        inner = self.ctx.text[q.start:q.end].rstrip(",")
        words = inner.split()
        return fewest <= len(words) <= limit and all(w[:1].isupper() or len(w) <= 3 for w in words) \
            and not _ENDS_SENTENCE.search(inner)

    def _names_another(self, m, group: str, roles: list[Role]) -> bool:
        """Whether the match's `group` (a reported clause) names a person other than the speakers found, with a
        word of speech after them (quotes.yaml `reported_speech_words`): the quoted words may be that person's."""
        if group not in m.re.groupindex or m.start(group) < 0:
            return False
        a, b = m.span(group)
        speakers = {r.ref.value for r in roles}
        words = self.ctx.memo.get("reported_speech")
        if words is None:
            listed = self.ctx.rules.settings["quotes"].get("settings", {}).get("reported_speech_words", ()) or ()
            words = self.ctx.memo["reported_speech"] = regex.compile(
                r"(?<![\p{L}’'-])(?:" + "|".join(sorted(map(regex.escape, map(str, listed)))) + r")(?![\p{L}’'-])") \
                if listed else None
        if words is None:
            return False
        if any(a <= x.span.start and x.span.end <= b and x.ref.type == PERSON and x.ref.kind == "name"
               and x.ref.value not in speakers and words.search(self.ctx.text, x.span.end, b)
               for x in self.names.mentions):
            return True
        # "She recalled that her husband … liked to tell party activists: “…”": a relative the clause speaks of
        kin = self.ctx.memo.get("kin_phrase")
        if kin is None:
            nouns = {w for ws in speaker_settings(self.ctx).get("gendered_nouns", {}).values() for w in ws}
            kin = self.ctx.memo["kin_phrase"] = regex.compile(
                r"(?<![\p{L}’'-])(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:late\s+)?(?:"
                + "|".join(sorted(map(regex.escape, nouns))) + r")(?![\p{L}’'-])") if nouns else False
        return bool(kin) and any(words.search(self.ctx.text, k.end(), b) for k in kin.finditer(self.ctx.text, a, b))

    def _after_preposition(self, q: QuoteSpan) -> bool:
        """Whether a preposition (quotes.yaml `speakers.prepositions`) stands right before the opening mark, and the
        quotation opens with a capital ("in “Moonlit Pharmacy,”", not "is in “a bad way,”")."""
        if not self.ctx.text[q.start:q.start + 1].isupper():
            return False
        m = _WORD_BEFORE_OPEN.search(self.ctx.text, max(0, q.open - 30), q.open)
        return m is not None and m.group(1).lower() in speaker_words(self.ctx, "prepositions")

    def _after_work_noun(self, q: QuoteSpan) -> bool:
        """Whether a noun of a work (quotes.yaml `work_nouns`) stands right before the quotation's opening mark."""
        m = _WORD_BEFORE_MARK.search(self.ctx.text, max(0, q.open - 30), q.open)
        return m is not None and m.group(1).casefold() in self._setting_words("work_nouns")

    def _setting_words(self, key: str) -> frozenset[str]:
        """A word list of quotes.yaml `settings` (work_nouns, term_nouns), case-folded, read once per article."""
        words = self.ctx.memo.get(("setting_words", key))
        if words is None:
            listed = self.ctx.rules.settings["quotes"].get("settings", {}).get(key, ()) or ()
            words = self.ctx.memo[("setting_words", key)] = frozenset(str(w).casefold() for w in listed)
        return words

    # ---------------------------------------------------------------- parts without an attribution

    def _attributed_after(self, i: int) -> bool:
        """Whether words after quotation i attribute it to someone, though to no one a rule could name."""
        q = self.ctx.quotes[i]
        if self._ends_sentence(q):
            return False
        a, b = self._windows(q)["after"]
        return self._speech_verb_in(a, b)

    def _speech_verb_in(self, a: int, b: int) -> bool:
        """Whether a verb of speech stands in text[a:b]: by bisection among the article's, found in one pass.
        Where a window's edge cuts a word (its end would make "said" of "saidst"), searched in the window itself."""
        text = self.ctx.text
        if any(0 < x < len(text) and _WORD_CHAR.match(text, x - 1) and _WORD_CHAR.match(text, x) for x in (a, b)):
            return _SPEECH_VERB.search(text, a, b) is not None
        if self.verbs is None:
            found = [(m.start(), m.end()) for m in _SPEECH_VERB.finditer(text)]
            self.verbs = ([x for x, _ in found], [y for _, y in found])
        starts, ends = self.verbs
        k = bisect.bisect_left(starts, a)  # the first verb at or after a: the window holds one if it ends in time
        return k < len(starts) and ends[k] <= b

    def _split_predecessor(self, i: int) -> int | None:
        """For “A,” X said. “B”: the index of A's quote when quote i is B."""
        ctx = self.ctx
        q = ctx.quotes[i]
        _, _, closes, by_close = self.siblings[(self.paragraph[i], q.depth, q.parent)]
        k = bisect.bisect_left(closes, q.open) - 1  # the sibling closing last before this one opens
        if k < 0:
            return None
        j = by_close[k]
        between = ctx.text[ctx.quotes[j].close + 1 : q.open]
        if "\n" in between or len(between) > 240:
            return None
        # a long attribution (“A,” Ann Lee, 67, said after the vote, to applause from …. “B.”) only when it is one
        # sentence with no stop inside: past 120 characters two sentences of narration would fit
        if len(between) > 120 and _STOP_INSIDE.search(between.rstrip()[:-1]):
            return None
        # the words between end a sentence: they were the attribution of the first part
        return j if _ENDS_ATTRIBUTION.search(between) else None

    def _continues(self, i: int) -> _Found | None:
        """A paragraph that opens with a quotation takes the speaker of the paragraph before: of its last quotation
        (rules without `paragraph`), or of its narration (`paragraph: previous`); unless the paragraph after
        opens by naming whose words they were (`paragraph: next`: "Those were the words of Mrs Firth"), which
        then says who, or that it is no one the rules can tell."""
        ctx = self.ctx
        q = ctx.quotes[i]
        p = paragraph_at(ctx, q.open)
        if p >= 0 and ctx.paragraphs[p][0] != q.open:
            return self._after_narration_sentence(i, p)
        if p <= 0 or not self._only_quotation(p):
            return None
        pa, pb = ctx.paragraphs[p - 1]
        earlier = [j for j in self.in_paragraph.get(p - 1, ()) if ctx.quotes[j].depth == 0]
        if self._pull_quote(p, q):
            return None
        rules = self.rules.get("continues", [])  # `paragraph` checked by the loader (catalogue QUOTE_PARAGRAPH)
        for rule in (r for r in rules if r.get("paragraph") == "next" and p + 1 < len(ctx.paragraphs)):
            m = ctx.run(rule, "match", ctx.text, *ctx.paragraphs[p + 1])
            if m:
                roles = {r.ref: r for r in self._roles(m, i)}
                if len(roles) != 1 or next(iter(roles)).type != PERSON:
                    return None
                role = next(iter(roles.values()))
                return (role,), rule.id, _mode(ctx, role.span.exact)
        # the paragraph after opens with someone named who said something ("Stavros Papadakis (61), who led the
        # brigade, said he …"): the words may be theirs as well as the narration's before, so neither's for sure
        named_next = p + 1 < len(ctx.paragraphs) and _NAMED_SAYER_OPENS.match(ctx.text, *ctx.paragraphs[p + 1])
        for rule in (r for r in rules if r.get("paragraph") != "next"):
            if rule.get("paragraph") == "previous":
                if named_next:
                    continue
                found = self._from_narration(rule, i, pa, pb, earlier)
                if found:
                    return found
                continue
            if not ctx.run(rule, "match", ctx.text, q.open, ctx.paragraphs[p][1]):
                continue
            credited = [j for j in earlier if self.root(j) in self.speakers]
            if not credited:
                continue
            last = self.root(max(credited, key=lambda j: ctx.quotes[j].open))
            roles, _, mode = self.speakers[last]
            self.continued[i] = last
            return roles, rule.id, mode
        return None

    def _after_narration_sentence(self, i: int, p: int) -> _Found | None:
        """“Ann Lee, reached on Wednesday, said she was ready. “I grew up here.”: a quotation that opens a sentence
        of its paragraph after narration that holds no quotation, and runs (with any other quotation) to the
        paragraph's end, is the words of the one person that narration says spoke (`paragraph: same` rules)."""
        ctx = self.ctx
        q = ctx.quotes[i]
        pa = ctx.paragraphs[p][0]
        if not self._opens_sentence(q) or not self._only_quotation(p, q.open):
            return None
        earlier = [j for j in self.in_paragraph.get(p, ()) if ctx.quotes[j].depth == 0 and ctx.quotes[j].open < q.open]
        for rule in (r for r in self.rules.get("continues", []) if r.get("paragraph") == "same"):
            found = self._from_narration(rule, i, pa, q.open, earlier)
            if found:
                return found
        return None

    def _pull_quote(self, p: int, q) -> bool:
        """Whether paragraph p, a quotation only, repeats words the article quotes elsewhere (a pull quote set
        as a subhead: "“Two of our five”" over the paragraph whose quotation says "They're two of our five"):
        a display line, whose speaker is the one who says them where they stand, not the paragraph's before."""
        ctx = self.ctx
        words = ctx.text[q.start:q.end].strip(" \t.,;:!?…—–-").casefold()
        if len(words) < _PULL_QUOTE_MIN:
            return False
        a, b = ctx.paragraphs[p]
        # each side folded on its own: casefold() may change a text's length (ß), so offsets of the whole would drift
        return words in ctx.text[:a].casefold() or words in ctx.text[b:].casefold()

    def _only_quotation(self, p: int, start: int | None = None) -> bool:
        """Whether paragraph p, or its stretch from `start` on, is quotation and nothing else (an attribution we
        could not read is something)."""
        ctx = self.ctx
        a, b = ctx.paragraphs[p]
        pos = a if start is None else start  # the outermost quotations, in order: nothing with a word between
        for q in sorted((ctx.quotes[j] for j in self.in_paragraph.get(p, ())
                         if ctx.quotes[j].depth == 0 and ctx.quotes[j].open >= pos), key=lambda q: q.open):
            if _WORD_CHAR.search(ctx.text, pos, max(pos, q.open)):
                return False
            pos = max(pos, min(q.close + 1, b))
        return not _WORD_CHAR.search(ctx.text, pos, b)

    def _from_narration(self, rule: Rule, i: int, pa: int, pb: int, earlier: list[int]) -> _Found | None:
        """“What changed, Reyes said, was …” then a paragraph of quotation: the one person the narration says spoke."""
        if earlier:
            return None
        ctx = self.ctx
        found: dict = {}
        try:
            matches = list(rule.pattern.finditer(ctx.text, pa, pb, timeout=ctx.timeout))
        except TimeoutError:
            raise ctx.too_slow(rule) from None
        for m in matches:
            for role in self._roles(m, i):
                found.setdefault(role.ref, role)
        if len(found) != 1:
            return None
        role = next(iter(found.values()))
        # "Ann Lee said the vote would be close. Tom Hale disagreed.": the last one the narration is about speaks
        if any(c.subject and c.person != role.ref.value and c.quote is None and role.span.end <= c.start < pb
               for c in self.people.candidates):
            return None
        return (role,), rule.id, _mode(ctx, role.span.exact)


# the fewest characters a repeated quotation must have to be a pull quote: "Yes." said twice is no display line
_PULL_QUOTE_MIN = 8


def _transcript(ctx: Context, names: Names, events: list[EventRecord], people: People | None, rules: list[Rule],
                records: list[QuoteRecord], labels: _Labels | None = None) -> list[QuoteRecord]:
    """The answers of an interview printed as a transcript, without quote marks: a paragraph a `transcript`
    rule matches at its start is the words of its `speaker` group; a rule without one reads an answer
    ("A: …" after "Q: …"), the words of the one person the headline names (nobody when it names none or
    several, or names them as someone's, or is not most about them). An unlabelled paragraph holding a
    quotation already credited is left to it. One pass over the paragraphs (the labels, `_labels`, found
    before the quotations were attributed)."""
    credited = {paragraph_at(ctx, r.pieces[0].start) for r in records}
    index = mentions, starts = _mention_index(names)
    headline = ctx.article.meta.headline
    lead = None
    if headline is not None:
        in_headline = [m for m in mentions[bisect.bisect_left(starts, headline.start):bisect.bisect_left(starts, headline.end)]
                       if m.ref.type == PERSON and m.span.end <= headline.end]
        named = {m.ref.value for m in in_headline}
        # "Ann Lee's coach on the comeback": the one interviewed is someone the headline does not name; and the
        # one it names is the one the article is most about
        owned = any(ctx.text.startswith(("’s", "'s"), m.span.end) for m in in_headline)
        if len(named) == 1 and not owned and all(m.ref.kind == "name" for m in in_headline):
            lead = next(iter(named))
            lead = lead if lead == protagonist(names, None) else None
    labels = labels or {}
    unlabelled = [r for r in rules if "speaker" not in r.pattern.groupindex]
    out = []
    for p, (a, b) in enumerate(ctx.paragraphs):
        # a labelled answer ("Ann Lee: …") is hers though it quotes someone ("… and he said, “…”"); an answer
        # without a label holding a quotation already credited is left to it
        if p in credited and p not in labels:
            continue
        for rule in ([labels[p][0]] if p in labels else unlabelled):
            if p in labels:
                _, words_start, roles = labels[p]
            else:
                m = ctx.run(rule, "match", ctx.text, a, b)
                if not m:
                    continue
                words_start = m.end()
                roles = (Role("creator", Ref("name", lead, PERSON), ctx.span(m.start(), m.end())),) if lead else ()
            end = len(ctx.text[a:b].rstrip()) + a
            if end <= words_start or not _WORD_CHAR.search(ctx.text, words_start, end):
                break
            if roles:
                piece = ctx.span(words_start, end)
                said_in = _event_of(ctx, piece, roles, events, "spoken")
                out.append(QuoteRecord((piece,), roles, rule.id, _about(index, (piece,)), said_in, None))
                ctx.hits[rule.id] += 1
            break
    return out


def _run_ons(ctx: Context) -> dict[int, int]:
    """Quote -> the quotation it continues by the print convention: the last quotation of the paragraph
    before ran on to its end, open, and this one opens the next paragraph."""
    out = {}
    top: dict[int, int] = {}  # opening offset -> the first top-level quotation opening there
    for k, o in enumerate(ctx.quotes):
        if o.depth == 0:
            top.setdefault(o.open, k)
    for j, q in enumerate(ctx.quotes):
        if q.depth != 0 or not runs_on(ctx.text, q):
            continue
        p = paragraph_at(ctx, q.open)
        if p < 0 or p + 1 >= len(ctx.paragraphs):
            continue
        start = ctx.paragraphs[p + 1][0]
        nxt = top.get(start)
        if nxt is not None and ctx.text[start] == ctx.text[q.open]:
            out[nxt] = j
    return out


def _records(ctx: Context, names: Names, events: list[EventRecord],
             state: _Attribution) -> tuple[list[QuoteRecord], dict[int, int]]:
    """One record per quotation with a speaker, its further parts as further pieces.

    Returns the records (not yet pointing at the quotation they sit in), and quote index -> record index.
    """
    out: list[QuoteRecord] = []
    index_of: dict[int, int] = {}
    chains: dict[int, list[int]] = {}
    for j in range(len(ctx.quotes)):
        chains.setdefault(state.root(j), []).append(j)
    index = _mention_index(names)
    for first in sorted(state.speakers, key=lambda j: ctx.quotes[j].open):
        chain = sorted(chains.get(first, [first]), key=lambda j: ctx.quotes[j].open)
        roles, rule_id, mode = state.speakers[first]
        pieces = tuple(ctx.span(ctx.quotes[j].start, ctx.quotes[j].end) for j in chain)
        for j in chain:
            index_of[j] = len(out)
        said_in = _event_of(ctx, pieces[0], roles, events, mode) if ctx.quotes[first].depth == 0 else None
        out.append(QuoteRecord(pieces, roles, rule_id, _about(index, pieces), said_in, None))
        ctx.hits[rule_id] += 1
    return out, index_of


def _nest(ctx: Context, records: list[QuoteRecord], index_of: dict[int, int]) -> list[QuoteRecord]:
    """The records, a nested quotation's pointing at the quotation it sits in."""
    firsts: dict[int, int] = {}  # record index -> its first part (the first such quote in index_of's order)
    for j, k in index_of.items():
        if ctx.quotes[j].start == records[k].pieces[0].start:
            firsts.setdefault(k, j)
    final = []
    for rec_index, rec in enumerate(records):
        first = firsts[rec_index]
        parent = ctx.quotes[first].parent
        final.append(QuoteRecord(rec.pieces, rec.speakers, rec.rule, rec.about, rec.event,
                                 index_of.get(parent) if parent is not None else None))
    return final


def _grouped(items: list[int], key) -> list[tuple[object, list[int]]]:
    """The items grouped by key, each group in the items' order, the groups in order of first appearance."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())


# the word just before a quotation's opening mark ("the podcast “…”", "her album, “…”")
_WORD_BEFORE_MARK = regex.compile(r"(\p{L}+),?\s+$")
_WORD_BEFORE_OPEN = regex.compile(r"(?<![\p{L}’'-])(\p{L}+)[^\S\n]+$")


def _mode(ctx: Context, attribution: str) -> str | None:
    """written, spoken or None: what the words of an attribution tell about the quotation."""
    settings = ctx.rules.settings["quotes"].get("settings", {})
    words = set(_WORDS.findall(attribution.lower()))
    if words & set(settings.get("written_words", ())):
        return "written"
    if words & set(settings.get("spoken_words", ())):
        return "spoken"
    return None


def _event_of(ctx: Context, first: Span, roles: tuple[Role, ...], events: list[EventRecord], mode: str | None) -> int | None:
    """The event a quotation was said in: the nearest earlier event of a quotable kind its speaker took part in,
    of the same mode (written, spoken) when there is one."""
    settings = ctx.rules.settings["quotes"].get("settings", {})
    window = int(settings.get("event_window_paragraphs", 1))
    kinds = ctx.rules.settings["events"].get("kinds", {})
    speakers = {r.ref for r in roles}
    p = paragraph_at(ctx, first.start)
    best = same_mode = None
    for idx, e in enumerate(events):
        if e.span.start > first.start or not kinds.get(e.kind, {}).get("quotable"):
            continue
        ep = paragraph_at(ctx, e.span.start)
        if not 0 <= p - ep <= window:
            continue
        people = {r.ref for r in e.roles if r.role in ("organizer", "attendee")}
        if speakers & people:
            best = idx
            if mode is None or kinds[e.kind].get("quotable") == mode:
                same_mode = idx
    return same_mode if same_mode is not None else best
