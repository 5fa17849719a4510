"""Match the rules against one article: a pure function of its text and the rules.

`extract(article, rules)` returns an `Extraction` of frozen records (mentions,
family relations, events with dates, quotations with speakers) and nothing else:
no shared state, no I/O, so a process pool or a Dask cluster runs it unchanged.

Steps, each driven by one rule file:
  names      -> person/organisation/work/place mentions (gazetteer + name patterns)
  roles      -> pronouns and descriptions ("she", "the model", "Legend's wife") to people
  dates      -> date expressions, resolved against the article's date or anchors
  relations  -> family ties
  events     -> events with participants, places and dates
  quotes     -> quotations with their speakers
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from dataclasses import dataclass, field

import regex

from graph.match.dates import DateExpr, DateResolver
from graph.errors import RuleError
from graph.load import Article
from graph.records import (
    DateValue,
    EventRecord,
    Extraction,
    Mention,
    QuoteRecord,
    Ref,
    Relation,
    Role,
    Span,
)
from graph.rules.ruleset import RELATIONS, ROLE_GROUPS, Rule, RuleSet
from graph.match.text import QuoteSpan, paragraphs, scan_quotes, sentences

PERSON = "Person"

# Small fixed patterns of the matcher itself (not rules): compiled once.
_QUOTED_NICK = regex.compile(r"[\"“”‘’'][^\"“”‘’']+[\"“”‘’']")
_NICK = regex.compile(r"[\"“‘']([^\"“”‘’']+)[\"”’']")
_SPACES = regex.compile(r"\s+")
_LIST_GLUE = regex.compile(r",?\s*(?:and\s+)?|\s*,\s*")
_WORDS = regex.compile(r"\w+")
_ENDS_SENTENCE = regex.compile(r"[.!?,]$")
_ENDS_ATTRIBUTION = regex.compile(r"[.:]\s*$")
_QUOTE_MARK = regex.compile(r"[\"“”‘]")
_CAPITALISED = regex.compile(r"(?<=\s)\p{Lu}\p{Ll}+")


def name_tokens(name: str) -> list[str]:
    """The words of a name, without a quoted nickname: Vilailuck "Pepper" Teigen -> [Vilailuck, Teigen]."""
    plain = _QUOTED_NICK.sub(" ", name)
    return [t for t in _SPACES.split(plain) if t]


def nickname(name: str) -> str | None:
    m = _NICK.search(name)
    return m.group(1) if m else None


@dataclass
class _Context:
    """Working state while one article is matched (never leaves `extract`)."""

    article: Article
    rules: RuleSet
    text: str
    timeout: float
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    hits: Counter = field(default_factory=Counter)
    unmatched: list[tuple[str, Span]] = field(default_factory=list)
    heads: dict[str, str] = field(default_factory=dict)  # name token or full name -> in-article full name
    counts: Counter = field(default_factory=Counter)  # full name -> mentions
    genders: dict[str, str] = field(default_factory=dict)  # full name -> f/m

    def span(self, start: int, end: int) -> Span:
        return Span(self.article.id, start, end, self.text[start:end])

    def finditer(self, rule: Rule):
        """Matches of a rule: only in the sentences that hold one of its anchors, when it has some.

        The time limit holds for the rule's matching over the whole article (every
        window together); the caller's work between two matches does not count.
        """
        spent = 0.0
        clock = time.perf_counter
        try:
            for a, b in self.windows(rule.anchors):
                if spent >= self.timeout:
                    raise TimeoutError
                found = rule.pattern.finditer(self.text, a, b, overlapped=False, timeout=self.timeout - spent)
                while True:
                    t = clock()
                    m = next(found, None)
                    spent += clock() - t
                    if m is None:
                        break
                    yield m
        except TimeoutError:
            raise self.too_slow(rule) from None

    def run(self, rule: Rule, method: str, string: str, *bounds):
        """One call of a rule's pattern (search, match, fullmatch) under the time limit.

        Skipped, as it cannot match, when none of the rule's anchors is in string[bounds]:
        a role is tried on every reference and a quote rule on every quotation, and most
        of these words hold none of a given rule's anchors.
        """
        if rule.anchors and not any(string.find(w, *bounds) >= 0 for w in rule.anchors):
            return None
        args = (string, *bounds)
        try:
            return getattr(rule.pattern, method)(*args, timeout=self.timeout)
        except TimeoutError:
            raise self.too_slow(rule) from None

    def too_slow(self, rule: Rule) -> RuleError:
        """A pattern that backtracks without end is a fault of the rule: stop the build and say which."""
        return RuleError(
            rule.path, rule.line, rule.id,
            f"pattern ran over the time limit of {self.timeout:g} s on article {self.article.meta.path} "
            "and was stopped (a pattern must finish within the limit on every article)",
            "a nested quantifier such as (a+)+ or (a|a)+ backtracks without end; make the repeated parts "
            "exclusive, or use an atomic group (?>...) or a possessive quantifier (a++); "
            "the limit is settings.regex_timeout_seconds in quotes.yaml")

    def windows(self, anchors: tuple[str, ...] | None) -> list[tuple[int, int]]:
        """The sentences holding an anchor, adjacent ones merged; the whole text without anchors.

        A sentence never spans a paragraph break, so neither does a match.
        """
        if not anchors:
            return [(0, len(self.text))]
        starts = self.sentence_starts
        hit: set[int] = set()
        for word in anchors:
            pos = self.text.find(word)
            while pos != -1:
                i = bisect.bisect_right(starts, pos) - 1
                if i >= 0 and pos < self.sentences[i][1]:
                    hit.add(i)
                pos = self.text.find(word, pos + 1)
        out: list[tuple[int, int]] = []
        for i in sorted(hit):
            a, b = self.sentences[i]
            if out and i - 1 in hit and out[-1][1] >= self.sentences[i - 1][1]:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= pos < b:
                return a, b
        return pos, pos

    def paragraph_of(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.paragraphs):
            if a <= pos <= b:
                return i
        return -1

    def in_quote(self, pos: int) -> bool:
        return any(q.start <= pos < q.end for q in self.quotes)


def extract(article: Article, rules: RuleSet) -> Extraction:
    """Every record the rules find in one article."""
    text = article.body
    ctx = _Context(article=article, rules=rules, text=text, timeout=rules.timeout())
    pairs = rules.settings["quotes"].get("settings", {}).get("pairs", [["\u201c", "\u201d"], ['"', '"']])
    abbreviations = set(rules.settings["quotes"].get("settings", {}).get("abbreviations", []))
    ctx.paragraphs = paragraphs(text)
    for a, b in ctx.paragraphs:
        qs, unclosed = scan_quotes(text, a, b, pairs)
        offset = len(ctx.quotes)
        ctx.quotes.extend(QuoteSpan(q.open, q.close, q.depth, None if q.parent is None else q.parent + offset) for q in qs)
        for off in unclosed:
            ctx.unmatched.append(("quote mark never closed", ctx.span(off, min(b, off + 80))))
        ctx.sentences.extend(sentences(text, a, b, qs, abbreviations))
    ctx.sentence_starts = [a for a, _ in ctx.sentences]

    _find_names(ctx)
    dates = _find_dates(ctx)
    relations = _find_relations(ctx)
    events = _find_events(ctx, dates)
    quotes = _find_quotes(ctx, events)
    _coverage(ctx, relations, events, quotes)
    return Extraction(
        article=article.meta,
        mentions=tuple(sorted(set(ctx.mentions))),
        relations=tuple(relations),
        events=tuple(events),
        quotes=tuple(quotes),
        hits=tuple(sorted(ctx.hits.items())),
        unmatched=tuple(ctx.unmatched),
        sentences=tuple(sorted(ctx.sentences)),
    )


# ------------------------------------------------------------------ names


def _find_names(ctx: _Context) -> None:
    """Gazetteer entries, then names found by pattern, then every later use of those names."""
    taken: list[tuple[int, int]] = []

    def free(a, b):
        return all(b <= x or a >= y for x, y in taken)

    found: list[Mention] = []
    if ctx.rules.gazetteer_pattern is not None:
        try:
            matches = list(ctx.rules.gazetteer_pattern.finditer(ctx.text, timeout=ctx.timeout))
        except TimeoutError:
            raise RuleError(f"{ctx.rules.source_dir}/gazetteer.yaml", None, None,
                            f"the names of the gazetteer took over {ctx.timeout:g} s to find in article "
                            f"{ctx.article.meta.path}", "raise settings.regex_timeout_seconds in quotes.yaml") from None
        for m in matches:
            ent_id, typ = ctx.rules.gazetteer_index[m.group()]
            rule = ctx.rules.find(ent_id)
            found.append(Mention(Ref("entity", ent_id, typ), ctx.span(m.start(), m.end()), ent_id,
                                 alias=m.group(), gender=rule.get("gender") if rule else None))
            taken.append((m.start(), m.end()))
            ctx.hits[ent_id] += 1

    discovered: dict[str, tuple[str, str | None, str]] = {}  # name -> (type, gender, rule)
    for rule in ctx.rules["names"]:
        typ = rule.get("type")
        for m in ctx.finditer(rule):
            spans = m.spans("name") if "name" in m.re.groupindex else [m.span()]
            for a, b in spans:
                name = ctx.text[a:b]
                if not free(a, b) or _is_gazetteer(ctx, name):
                    continue
                ctx.hits[rule.id] += 1
                discovered.setdefault(name, (typ, rule.get("gender"), rule.id))
                alias = None
                if "alias" in m.re.groupindex and m.captures("alias"):
                    alias = m.captures("alias")[0]
                    aa, ab = m.spans("alias")[0]
                    found.append(Mention(Ref("name", name, typ), ctx.span(aa, ab), rule.id, alias=alias,
                                         gender=rule.get("gender")))
                    taken.append((aa, ab))
                else:
                    found.append(Mention(Ref("name", name, typ), ctx.span(a, b), rule.id, alias=name,
                                         gender=rule.get("gender")))
                    nick = _NICK.search(name) if typ == PERSON else None
                    if nick:  # Vilailuck "Pepper" Teigen is also called Pepper
                        found.append(Mention(Ref("name", name, typ), ctx.span(a + nick.start(1), a + nick.end(1)),
                                             rule.id, alias=nick.group(1)))
                taken.append((a, b))

    # heads: the fullest form of each person name in this article; parts point at it
    people = {n: v for n, v in discovered.items() if v[0] == PERSON}
    full = sorted((n for n in people if len(name_tokens(n)) >= 2), key=lambda n: (-len(name_tokens(n)), n))
    for n in full:
        ctx.heads.setdefault(n, n)
    counts = Counter()
    first_at: dict[str, int] = {}
    for mention in found:
        if mention.ref.kind == "name" and mention.ref.type == PERSON:
            counts[mention.ref.value] += 1
            first_at[mention.ref.value] = min(first_at.get(mention.ref.value, mention.span.start), mention.span.start)
    # a bare surname goes to the most mentioned full name that has it; on a tie, to the one named first
    for n in sorted(full, key=lambda n: (-counts[n], first_at.get(n, 0), n)):
        for tok in name_tokens(n):
            if tok not in ctx.heads:
                ctx.heads[tok] = n
        nick = nickname(n)
        if nick and nick not in ctx.heads:
            ctx.heads[nick] = n

    # every later use of a known person name or its parts is a mention too
    for a, b in _name_uses(ctx.text, {*people, *ctx.heads}):
        if not free(a, b):
            continue
        name = ctx.text[a:b]
        head = ctx.heads.get(name, name)
        source = people.get(head) or people.get(name)
        found.append(Mention(Ref("name", head, PERSON), ctx.span(a, b), source[2] if source else "name-recurrence",
                             alias=name))
        taken.append((a, b))

    resolved = []
    for mention in found:
        ref = mention.ref
        if ref.kind == "name" and ref.type == PERSON:
            ref = Ref("name", ctx.heads.get(ref.value, ref.value), PERSON)
            mention = Mention(ref, mention.span, mention.rule, mention.alias, mention.gender)
            ctx.counts[ref.value] += 3 if _in_headline(ctx, mention.span.start) else 1
            if mention.gender:
                ctx.genders.setdefault(ref.value, mention.gender)
        resolved.append(mention)
    ctx.mentions = resolved


def _name_uses(text: str, names) -> list[tuple[int, int]]:
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


def _is_gazetteer(ctx: _Context, name: str) -> bool:
    return name in ctx.rules.gazetteer_index


def _in_headline(ctx: _Context, pos: int) -> bool:
    h = ctx.article.meta.headline
    return h is not None and h.start <= pos < h.end


def _mention_at(ctx: _Context, a: int, b: int) -> Mention | None:
    """The mention inside [a, b) (the longest), else one that contains it ("Jack" within "baby Jack")."""
    best = None
    for m in ctx.mentions:
        if m.span.start >= a and m.span.end <= b and (best is None or m.span.end - m.span.start > best.span.end - best.span.start):
            best = m
    if best is None:
        best = next((m for m in ctx.mentions if m.span.start <= a and b <= m.span.end), None)
    return best


def _protagonist(ctx: _Context, gender: str | None) -> str | None:
    """The person the article is about: most mentioned, headline weighing triple; gender-compatible."""
    ranked = sorted(ctx.counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for name, _ in ranked:
        g = ctx.genders.get(name)
        if gender is None or g is None or g == gender:
            return name
    return None


def _recent_group(ctx: _Context, pos: int) -> list[Mention]:
    """The last list of two or more people written before pos ("Luna and Miles")."""
    people = [m for m in ctx.mentions if m.ref.type == PERSON and m.span.end <= pos]
    people.sort(key=lambda m: m.span.start)
    best: list[Mention] = []
    i = 0
    while i < len(people):
        group = [people[i]]
        j = i + 1
        while j < len(people) and _LIST_GLUE.fullmatch(ctx.text[group[-1].span.end : people[j].span.start]):
            group.append(people[j])
            j += 1
        if len({m.ref for m in group}) >= 2:
            best = group
        i = j
    return best


def resolve_ref(ctx: _Context, a: int, b: int, outer: tuple[Role, ...] = ()) -> list[Ref]:
    """The story nodes the words text[a:b] refer to: a role phrase, a pronoun or a name."""
    words = ctx.text[a:b]
    for rule in ctx.rules["roles"]:
        m = ctx.run(rule, "fullmatch", words)
        if not m:
            continue
        ctx.hits[rule.id] += 1
        refers = rule.get("refers")
        if refers == "protagonist":
            name = _protagonist(ctx, rule.get("gender"))
            return [Ref("name", name, PERSON)] if name else []
        if refers == "protagonist-and-spouse":
            name = _protagonist(ctx, None)
            if not name:
                return []
            me = Ref("name", name, PERSON)
            return [me, Ref("spouse-of", name, PERSON, inner=me)]
        if refers == "spouse-of":
            if "of" not in m.re.groupindex:
                return []
            oa, ob = m.span("of")
            inner = resolve_ref(ctx, a + oa, a + ob)
            return [Ref("spouse-of", r.value, PERSON, inner=r) for r in inner]
        if refers == "recent-group":
            return sorted({mm.ref for mm in _recent_group(ctx, a)})
        if refers == "outer-speaker":
            return [r.ref for r in outer]
        return []
    mention = _mention_at(ctx, a, b)
    if mention is not None:
        return [mention.ref]
    return []


# ------------------------------------------------------------------ dates


def _find_dates(ctx: _Context) -> list[DateValue]:
    exprs: list[DateExpr] = []
    for rule in ctx.rules["dates"]:
        for m in ctx.finditer(rule):
            groups = tuple((k, v) for k, v in sorted(m.groupdict().items()) if v is not None)
            exprs.append(DateExpr(ctx.span(m.start(), m.end()), rule.id, rule.get("value"), groups))
    exprs.sort(key=lambda e: (e.span.start, -(e.span.end - e.span.start), e.rule))
    chosen, last_end = [], -1
    for e in exprs:
        if e.span.start >= last_end:
            chosen.append(e)
            last_end = e.span.end
    resolver = DateResolver(ctx.rules.settings["dates"], ctx.article.meta.date)
    out = []
    for e in chosen:
        v = resolver.resolve(e)
        if v is None:
            ctx.unmatched.append((f"date not resolvable by {e.rule}", e.span))
            continue
        ctx.hits[e.rule] += 1
        out.append(v)
    return out


# ------------------------------------------------------------------ relations


def _group_refs(ctx: _Context, m, group: str, outer=()) -> list[tuple[Ref, Span]]:
    if group not in m.re.groupindex:
        return []
    out = []
    for a, b in m.spans(group):
        for ref in resolve_ref(ctx, a, b, outer):
            out.append((ref, ctx.span(a, b)))
    return out


def _find_relations(ctx: _Context) -> list[Relation]:
    out: list[Relation] = []
    for rule in ctx.rules["relations"]:
        kind = rule.get("relation")
        roles = RELATIONS[kind]
        for m in ctx.finditer(rule):
            span = ctx.span(m.start(), m.end())
            if kind == "sibling":
                refs = sorted({r for r, _ in _group_refs(ctx, m, "sibling")})
                pairs = [(x, y) for x in refs for y in refs if x != y]
            else:
                left = [r for r, _ in _group_refs(ctx, m, roles[0])]
                right = [r for r, _ in _group_refs(ctx, m, roles[1])]
                pairs = [(x, y) for x in left for y in right if x != y]
            for x, y in pairs:
                if kind == "parent":  # child schema:parent parent
                    out.append(Relation("parent", y, x, span, rule.id))
                else:
                    out.append(Relation(kind, x, y, span, rule.id))
            if pairs:
                ctx.hits[rule.id] += 1
    return sorted(set(out))


# ------------------------------------------------------------------ events


def _find_events(ctx: _Context, dates: list[DateValue]) -> list[EventRecord]:
    out: list[EventRecord] = []
    for rule in ctx.rules["events"]:
        for m in ctx.finditer(rule):
            if ctx.in_quote(m.start()):
                continue  # what a speaker says happened is not the article's own telling
            span = ctx.span(m.start(), m.end())
            roles = []
            for group in sorted(ROLE_GROUPS & set(m.re.groupindex)):
                for ref, gspan in _group_refs(ctx, m, group):
                    roles.append(Role(group, ref, gspan))
            attrs = []
            for prop, group in rule.get("attributes", ()):
                if group in m.re.groupindex and m.group(group):
                    a, b = m.span(group)
                    attrs.append((prop, m.group(group), ctx.span(a, b)))
            when = rule.get("date", "sentence")
            chosen: tuple[DateValue, ...] = ()
            if when == "match":
                chosen = tuple(d for d in dates if m.start() <= d.span.start and d.span.end <= m.end())
            elif when == "sentence":
                sa, sb = ctx.sentence_of(m.start())
                near = [d for d in dates if sa <= d.span.start < sb and not ctx.in_quote(d.span.start)]
                if near:
                    nearest = min(near, key=lambda d: min(abs(d.span.start - m.start()), abs(d.span.start - m.end())))
                    chosen = (nearest,)
            ctx.hits[rule.id] += 1
            out.append(EventRecord(rule.get("kind"), span, rule.id, tuple(sorted(set(roles))), chosen, tuple(attrs)))
    out.sort(key=lambda e: (e.span.start, e.span.end, e.rule))
    return _link_within(ctx, out)


def _link_within(ctx: _Context, events: list[EventRecord]) -> list[EventRecord]:
    """An event of a kind declared `within: written` (a comment) belongs to the nearest earlier post."""
    kinds = ctx.rules.settings["events"].get("kinds", {})
    window = int(ctx.rules.settings["quotes"].get("settings", {}).get("event_window_paragraphs", 1))
    out = []
    for i, e in enumerate(events):
        mode = kinds.get(e.kind, {}).get("within")
        host = None
        if mode:
            p = ctx.paragraph_of(e.span.start)
            for j in range(i - 1, -1, -1):
                other = events[j]
                if other.kind != e.kind and kinds.get(other.kind, {}).get("quotable") == mode \
                        and 0 <= p - ctx.paragraph_of(other.span.start) <= window:
                    host = j
                    break
        out.append(EventRecord(e.kind, e.span, e.rule, e.roles, e.dates, e.attributes, host) if host is not None else e)
    return out


# ------------------------------------------------------------------ quotes


def _find_quotes(ctx: _Context, events: list[EventRecord]) -> list[QuoteRecord]:
    rules_by_where: dict[str, list[Rule]] = {}
    for rule in ctx.rules["quotes"]:
        rules_by_where.setdefault(rule.get("where"), []).append(rule)
    speakers: dict[int, tuple[tuple[Role, ...], str]] = {}
    continuation: dict[int, int] = {}  # quote index -> the earlier quote it continues

    # top level first, so a nested quote can refer to its outer speaker
    order = sorted(range(len(ctx.quotes)), key=lambda i: (ctx.quotes[i].depth, ctx.quotes[i].open))
    for i in order:
        q = ctx.quotes[i]
        if q.end <= q.start or not ctx.text[q.start:q.end].strip():
            continue
        outer = speakers.get(q.parent, ((), "", None))[0] if q.parent is not None else ()
        if q.depth == 0:
            found = _attribute(ctx, q, rules_by_where, ("after", "before", "sentence"), outer)
        else:
            found = _attribute(ctx, q, rules_by_where, ("nested-before",), outer)
        if found:
            speakers[i] = found
            continue
        prev = _split_predecessor(ctx, i)
        if prev is not None and prev in speakers:
            speakers[i] = speakers[prev]
            continuation[i] = prev
            continue
        if q.depth == 0:
            carried = _continues_paragraph(ctx, q, rules_by_where.get("continues", []), speakers)
            if carried:
                speakers[i] = carried

    out: list[QuoteRecord] = []
    index_of: dict[int, int] = {}
    for i in sorted(speakers, key=lambda j: ctx.quotes[j].open):
        if i in continuation:
            continue
        chain = [i]
        while True:
            nxt = next((j for j, p in continuation.items() if p == chain[-1]), None)
            if nxt is None:
                break
            chain.append(nxt)
        roles, rule_id, mode = speakers[i]
        pieces = tuple(ctx.span(ctx.quotes[j].start, ctx.quotes[j].end) for j in chain)
        about = tuple(sorted({m for m in ctx.mentions
                              if any(p.start <= m.span.start and m.span.end <= p.end for p in pieces)}))
        index_of[i] = len(out)
        for j in chain:
            index_of[j] = len(out)
        said_in = _event_of(ctx, pieces[0], roles, events, mode) if ctx.quotes[i].depth == 0 else None
        out.append(QuoteRecord(pieces, roles, rule_id, about, said_in, None))
        ctx.hits[rule_id] += 1
    # nested quotes point at the quotation they sit in
    final = []
    for rec_index, rec in enumerate(out):
        first = next(j for j, k in index_of.items() if k == rec_index and ctx.quotes[j].start == rec.pieces[0].start)
        parent = ctx.quotes[first].parent
        final.append(QuoteRecord(rec.pieces, rec.speakers, rec.rule, rec.about, rec.event,
                                 index_of.get(parent) if parent is not None else None))
    return final


def _attribute(ctx: _Context, q: QuoteSpan, rules_by_where, wheres, outer):
    """The first quote rule that names a speaker for quotation q."""
    sa, sb = ctx.sentence_of(q.open)
    if q.parent is not None:
        pq = ctx.quotes[q.parent]
        sa, sb = pq.start, pq.end
    # the words before the quote back to the sentence start or the previous quote's end
    before_start = sa
    for other in ctx.quotes:
        if other.depth == q.depth and other.close < q.open and other.close >= sa:
            before_start = max(before_start, other.close + 1)
    end_sentence = ctx.sentence_of(q.close)[1] if q.parent is None else sb
    # the words after, up to the next quote (not a quoted title) or the sentence end
    after_end = end_sentence
    for other in ctx.quotes:
        if other.depth == q.depth and other.open > q.close and not _title_like(ctx, other):
            after_end = min(after_end, other.open)
            break
    windows = {
        "after": (q.close + 1, max(q.close + 1, after_end)),
        "before": (before_start, q.open),
        "nested-before": (before_start, q.open),
        "sentence": (sa, sb),
    }
    for where in wheres:
        a, b = windows[where]
        for rule in rules_by_where.get(where, []):
            m = ctx.run(rule, "search", ctx.text, a, b)
            if not m or "speaker" not in m.re.groupindex:
                continue
            if where == "after" and m.start() != a:
                continue
            if where in ("before", "nested-before") and m.end() != b:
                continue
            roles = tuple(Role("creator", ref, sp) for ref, sp in _group_refs(ctx, m, "speaker", outer))
            if roles:
                return tuple(sorted(set(roles))), rule.id, _mode(ctx, m.group())
    return None


def _mode(ctx: _Context, attribution: str) -> str | None:
    """written, spoken or None: what the words of an attribution tell about the quotation."""
    settings = ctx.rules.settings["quotes"].get("settings", {})
    words = set(_WORDS.findall(attribution.lower()))
    if words & set(settings.get("written_words", ())):
        return "written"
    if words & set(settings.get("spoken_words", ())):
        return "spoken"
    return None


def _title_like(ctx: _Context, q: QuoteSpan) -> bool:
    """A quoted title such as “Cravings”: a few capitalised words, no sentence punctuation."""
    limit = int(ctx.rules.settings["quotes"].get("settings", {}).get("title_max_words", 0))
    words = ctx.text[q.start:q.end].split()
    return 0 < len(words) <= limit and all(w[:1].isupper() or len(w) <= 3 for w in words) \
        and not _ENDS_SENTENCE.search(ctx.text[q.start:q.end])


def _continues_paragraph(ctx: _Context, q: QuoteSpan, rules: list[Rule], speakers):
    """A paragraph that opens with a quotation, after a paragraph of quotation: the same speaker."""
    p = ctx.paragraph_of(q.open)
    if p <= 0 or ctx.paragraphs[p][0] != q.open:
        return None
    for rule in rules:
        if not ctx.run(rule, "match", ctx.text, q.open, ctx.paragraphs[p][1]):
            continue
        pa, pb = ctx.paragraphs[p - 1]
        earlier = [j for j in speakers if pa <= ctx.quotes[j].open < pb and ctx.quotes[j].depth == 0]
        if not earlier:
            return None
        roles, _, mode = speakers[max(earlier, key=lambda j: ctx.quotes[j].open)]
        return roles, rule.id, mode
    return None


def _split_predecessor(ctx: _Context, i: int) -> int | None:
    """For “A,” X said. “B”: the index of A's quote when quote i is B."""
    q = ctx.quotes[i]
    prev = [j for j, o in enumerate(ctx.quotes) if o.depth == q.depth and o.parent == q.parent and o.close < q.open]
    if not prev:
        return None
    j = max(prev, key=lambda k: ctx.quotes[k].close)
    between = ctx.text[ctx.quotes[j].close + 1 : q.open]
    if "\n" in between or len(between) > 120:
        return None
    # the words between end a sentence: it was the attribution of the first part
    return j if _ENDS_ATTRIBUTION.search(between) else None


def _event_of(ctx: _Context, first: Span, roles: tuple[Role, ...], events: list[EventRecord], mode: str | None) -> int | None:
    """The event a quotation was said in: the nearest earlier event of a quotable kind its speaker took part in,
    of the same mode (written, spoken) when there is one."""
    settings = ctx.rules.settings["quotes"].get("settings", {})
    window = int(settings.get("event_window_paragraphs", 1))
    kinds = ctx.rules.settings["events"].get("kinds", {})
    speakers = {r.ref for r in roles}
    p = ctx.paragraph_of(first.start)
    best = same_mode = None
    for idx, e in enumerate(events):
        if e.span.start > first.start or not kinds.get(e.kind, {}).get("quotable"):
            continue
        ep = ctx.paragraph_of(e.span.start)
        if not 0 <= p - ep <= window:
            continue
        people = {r.ref for r in e.roles if r.role in ("organizer", "attendee")}
        if speakers & people:
            best = idx
            if mode is None or kinds[e.kind].get("quotable") == mode:
                same_mode = idx
    return same_mode if same_mode is not None else best


# ------------------------------------------------------------------ coverage


def _coverage(ctx, relations, events, quotes) -> None:
    """Sentences with a quote mark or a capitalised name that gave no fact: the curator's to-do list."""
    used = [r.span for r in relations] + [e.span for e in events] + [p for q in quotes for p in q.pieces]
    for a, b in ctx.sentences:
        if any(a <= s.start < b or s.start <= a < s.end for s in used):
            continue
        s = ctx.text[a:b]
        if _QUOTE_MARK.search(s):
            ctx.unmatched.append(("quote marks but no quotation attributed", ctx.span(a, b)))
        elif _CAPITALISED.search(s):
            ctx.unmatched.append(("capitalised name but no fact", ctx.span(a, b)))
