"""Quotes step: the quotations of an article with their speakers, a quotation printed in parts joined into one.

Two stages, as in the deterministic quote attribution of Stanford CoreNLP (Muzny et al. 2017):
the quote rules find the words that name a quotation's speaker (a name, a pronoun, a role
phrase), then `references` resolves those words to a person. A quotation is one or more
parts: “A,” she said, “B.” is one quotation; so is one that runs over several paragraphs
(each left open but the last); and “A,” she said. “B.” too, when B has no speaker of its own.
"""

from __future__ import annotations

import regex

from graph.errors import RuleError
from graph.match.context import Context
from graph.match.names import Names
from graph.match.references import People, Speaking, article_people, group_refs, paragraph_at
from graph.match.text import QuoteSpan, runs_on
from graph.records import EventRecord, QuoteRecord, Role, Span
from graph.rules.ruleset import Rule

_WORDS = regex.compile(r"\w+")
_ENDS_SENTENCE = regex.compile(r"[.!?]$")
_ENDS_ATTRIBUTION = regex.compile(r"[.:]\s*$")
_ENDS_CLAUSE = regex.compile(r"[,:]\s*$")
_WORD_CHAR = regex.compile(r"\w")
# what may follow an attribution before the next part of the same quotation: “A,” she said [in a toast], “B.”
_REST_OF_ATTRIBUTION = regex.compile(r"[^“”\"‘’\n.!?;]{0,80}?,\s*")
# a verb of speech in the words after a quotation: an attribution, whether or not a rule could read it
_SPEECH_VERB = regex.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|explained|recalled|according|asked|"
                             r"answered|replied|joked|insisted|noted|continued|shared|posted|commented|tweeted)\b")
# speaker words that are a name (not a pronoun or a description)
_NAMED = regex.compile(r"(?!(?:She|He|They|We|The|Her|His|Their|Its|My)\b)\p{Lu}")

# who says one quotation: (speakers, id of the rule that named them, written/spoken/None)
_Found = tuple[tuple[Role, ...], str, "str | None"]


def find_quotes(ctx: Context, names: Names, events: list[EventRecord]) -> list[QuoteRecord]:
    """Every quotation with a speaker, in the order of the text."""
    if not ctx.quotes:
        return []
    state = _Attribution(ctx, names, article_people(ctx, names))
    state.run()
    records, index_of = _records(ctx, names, events, state)
    return _nest(ctx, records, index_of)


class _Attribution:
    """The quotations of one article, joined into parts and credited to speakers, top level first."""

    def __init__(self, ctx: Context, names: Names, people: People) -> None:
        self.ctx, self.names, self.people = ctx, names, people
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
        self.in_paragraph: dict[int, list[int]] = {}  # paragraph -> its quotations, in order
        for j in sorted(range(len(ctx.quotes)), key=lambda k: ctx.quotes[k].open):
            self.in_paragraph.setdefault(self.paragraph[j], []).append(j)
        self.in_names = {i for i, q in enumerate(ctx.quotes)
                         if any(m.span.start < q.open and q.close < m.span.end for m in names.mentions)}

    def root(self, i: int) -> int:
        while i in self.link:
            i = self.link[i]
        return i

    def run(self) -> None:
        """Depth by depth (a nested quotation needs its outer speaker): first what an attribution next to a part
        says, for every part; then, for a quotation still without a speaker, what the text around it carries."""
        ctx = self.ctx
        for depth in sorted({q.depth for q in ctx.quotes}):
            # a nickname inside a name (Jonas “Jojo” Bell) is no quotation
            order = [i for i in sorted(range(len(ctx.quotes)), key=lambda k: ctx.quotes[k].open)
                     if ctx.quotes[i].depth == depth and ctx.text[ctx.quotes[i].start:ctx.quotes[i].end].strip()
                     and i not in self.in_names]
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
        wheres = ("after", "before", "sentence") if q.depth == 0 else ("nested-before",)
        title = self._title_like(q, fewest=2)  # one word (‘Hello’) is as often said as a title
        for where in wheres:
            a, b = windows[where]
            if where == "after" and self._ends_sentence(q):
                continue  # “… them.” He added …: a new sentence, not an attribution
            for rule in self.rules.get(where, []):
                m = ctx.run(rule, "search", ctx.text, a, b)
                if not m or "speaker" not in m.re.groupindex:
                    continue
                if where == "after" and m.start() != a:
                    continue
                if where in ("before", "nested-before") and m.end() != b:
                    continue
                if title and not (where == "after" or _ENDS_CLAUSE.search(m.group())):
                    continue  # a title in quote marks is nobody's words unless an attribution introduces it
                roles = self._roles(m, i)
                if roles:
                    if where == "after":
                        self._join_next_part(i, m.end())
                    return tuple(sorted(set(roles))), rule.id, _mode(ctx, m.group())
                if _NAMED.match(m.group("speaker") or ""):
                    self.named_nobody.add(i)
        return None

    def _roles(self, m, i: int) -> list[Role]:
        """The speakers a match names for quotation i."""
        q = self.ctx.quotes[i]
        outer = self.speakers.get(self.root(q.parent), ((), "", None))[0] if q.parent is not None else ()
        speaking = self._speaking(i, outer)
        refs = group_refs(self.ctx, self.names, m, "speaker", outer, speaking)
        if speaking.found_groups:
            self.groups[self.root(q.parent) if q.parent is not None else self.root(i)] = list(speaking.found_groups)
        return [Role("creator", ref, sp) for ref, sp in refs]

    def _speaking(self, i: int, outer: tuple[Role, ...]) -> Speaking:
        """Who may be meant by the speaker words of quotation i, and who may not: a quotation's speaker is
        not a person it names (CoreNLP's rule), nor, for a quote within a quote, the one who quotes it."""
        ctx = self.ctx
        q = ctx.quotes[i]
        if q.parent is not None:
            named = {c.person for c in self.people.candidates if q.start <= c.start < q.end}
            named |= {r.ref.value for r in outer}
            root = self.root(q.parent)
            groups = tuple(self.groups.get(self.continued.get(root, -1), ()))
            return Speaking(self.people, outer=q.parent, exclude=frozenset(named), groups=groups)
        spans = [(ctx.quotes[j].start, ctx.quotes[j].end) for j in self._parts(i)]
        named = {c.person for c in self.people.candidates if any(a <= c.start < b for a, b in spans)}
        return Speaking(self.people, exclude=frozenset(named))

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
        nxt = [j for j in self.in_paragraph.get(self.paragraph[i], ())
               if ctx.quotes[j].depth == q.depth and ctx.quotes[j].parent == q.parent and ctx.quotes[j].open >= attribution_end]
        if not nxt:
            return
        j = min(nxt, key=lambda k: ctx.quotes[k].open)
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
        near = [ctx.quotes[j] for j in self.in_paragraph.get(paragraph_at(ctx, q.open), ())]
        before_start = sa
        for other in near:
            if other.depth == q.depth and sa <= other.close < q.open and not self._title_like(other):
                before_start = max(before_start, other.close + 1)
        end_sentence = ctx.sentence_of(q.close)[1] if q.parent is None else sb
        # the words after, up to the next quote (not a quoted title) or the sentence end
        after_end = end_sentence
        for other in near:
            if other.depth == q.depth and other.open > q.close and not self._title_like(other):
                after_end = min(after_end, other.open)
                break
        return {
            "after": (q.close + 1, max(q.close + 1, after_end)),
            "before": (before_start, q.open),
            "nested-before": (before_start, q.open),
            "sentence": (sa, sb),
        }

    def _ends_sentence(self, q: QuoteSpan) -> bool:
        """A quotation whose last word ends a sentence with a period (“… them.”) takes no attribution after it."""
        inner = self.ctx.text[q.start:q.end].rstrip()
        return runs_on(self.ctx.text, q) or (inner.endswith(".") and not inner.endswith(".."))

    def _title_like(self, q: QuoteSpan, fewest: int = 1) -> bool:
        """A quoted title such as “Night Ferry,” or “Tidewater”: a few capitalised words (at least `fewest`),
        no sentence punctuation."""
        limit = int(self.ctx.rules.settings["quotes"].get("settings", {}).get("title_max_words", 0))
        inner = self.ctx.text[q.start:q.end].rstrip(",")
        words = inner.split()
        return fewest <= len(words) <= limit and all(w[:1].isupper() or len(w) <= 3 for w in words) \
            and not _ENDS_SENTENCE.search(inner)

    # ---------------------------------------------------------------- parts without an attribution

    def _attributed_after(self, i: int) -> bool:
        """Whether words after quotation i attribute it to someone, though to no one a rule could name."""
        q = self.ctx.quotes[i]
        if self._ends_sentence(q):
            return False
        a, b = self._windows(q)["after"]
        return _SPEECH_VERB.search(self.ctx.text, a, b) is not None

    def _split_predecessor(self, i: int) -> int | None:
        """For “A,” X said. “B”: the index of A's quote when quote i is B."""
        ctx = self.ctx
        q = ctx.quotes[i]
        prev = [j for j in self.in_paragraph.get(self.paragraph[i], ())
                if ctx.quotes[j].depth == q.depth and ctx.quotes[j].parent == q.parent and ctx.quotes[j].close < q.open]
        if not prev:
            return None
        j = max(prev, key=lambda k: ctx.quotes[k].close)
        between = ctx.text[ctx.quotes[j].close + 1 : q.open]
        if "\n" in between or len(between) > 120:
            return None
        # the words between end a sentence: they were the attribution of the first part
        return j if _ENDS_ATTRIBUTION.search(between) else None

    def _continues(self, i: int) -> _Found | None:
        """A paragraph that opens with a quotation takes the speaker of the paragraph before: of its last quotation
        (rules without `paragraph`), or of its narration (`paragraph: previous`)."""
        ctx = self.ctx
        q = ctx.quotes[i]
        p = paragraph_at(ctx, q.open)
        if p <= 0 or ctx.paragraphs[p][0] != q.open or not self._only_quotation(p):
            return None
        pa, pb = ctx.paragraphs[p - 1]
        earlier = [j for j in self.in_paragraph.get(p - 1, ()) if ctx.quotes[j].depth == 0]
        for rule in self.rules.get("continues", []):
            if rule.get("paragraph") not in (None, "previous"):
                raise RuleError(rule.path, rule.line, rule.id, f"paragraph must be previous, got {rule.get('paragraph')!r}",
                                "leave it out for the speaker of the previous paragraph's last quotation")
            if rule.get("paragraph") == "previous":
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

    def _only_quotation(self, p: int) -> bool:
        """Whether paragraph p is quotation and nothing else (an attribution we could not read is something)."""
        ctx = self.ctx
        a, b = ctx.paragraphs[p]
        rest = ctx.text[a:b]
        for q in (ctx.quotes[j] for j in self.in_paragraph.get(p, ())):
            if q.depth == 0:
                rest = rest.replace(ctx.text[q.open:min(q.close + 1, b)], " ", 1)
        return not _WORD_CHAR.search(rest)

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


def _run_ons(ctx: Context) -> dict[int, int]:
    """Quote -> the quotation it continues by the print convention: the last quotation of the paragraph
    before ran on to its end, open, and this one opens the next paragraph."""
    out = {}
    for j, q in enumerate(ctx.quotes):
        if q.depth != 0 or not runs_on(ctx.text, q):
            continue
        p = paragraph_at(ctx, q.open)
        if p < 0 or p + 1 >= len(ctx.paragraphs):
            continue
        start = ctx.paragraphs[p + 1][0]
        nxt = next((k for k, o in enumerate(ctx.quotes) if o.open == start and o.depth == 0), None)
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
    for first in sorted(state.speakers, key=lambda j: ctx.quotes[j].open):
        chain = sorted(chains.get(first, [first]), key=lambda j: ctx.quotes[j].open)
        roles, rule_id, mode = state.speakers[first]
        pieces = tuple(ctx.span(ctx.quotes[j].start, ctx.quotes[j].end) for j in chain)
        about = tuple(sorted({m for m in names.mentions
                              if any(p.start <= m.span.start and m.span.end <= p.end for p in pieces)}))
        for j in chain:
            index_of[j] = len(out)
        said_in = _event_of(ctx, pieces[0], roles, events, mode) if ctx.quotes[first].depth == 0 else None
        out.append(QuoteRecord(pieces, roles, rule_id, about, said_in, None))
        ctx.hits[rule_id] += 1
    return out, index_of


def _nest(ctx: Context, records: list[QuoteRecord], index_of: dict[int, int]) -> list[QuoteRecord]:
    """The records, a nested quotation's pointing at the quotation it sits in."""
    final = []
    for rec_index, rec in enumerate(records):
        first = next(j for j, k in index_of.items() if k == rec_index and ctx.quotes[j].start == rec.pieces[0].start)
        parent = ctx.quotes[first].parent
        final.append(QuoteRecord(rec.pieces, rec.speakers, rec.rule, rec.about, rec.event,
                                 index_of.get(parent) if parent is not None else None))
    return final


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
