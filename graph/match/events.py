"""Events step: the events the event rules find, with their participants, attributes and date, and comments tied to their post."""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex
from rdflib import RDFS

from graph.match.context import Context
from graph.match.names import ORGANIZATION, PERSON, Names
from graph.match.relations import SUBJECT_PRONOUNS, pronoun_antecedent
from graph.match.references import Capture, group_refs, protagonist
from graph.rdf.vocab import _ontology_graph, expand
from graph.records import DateValue, EventRecord, Ref, Role, Span
from graph.rules.catalogue import EVENT_ROLES
from graph.rules.ruleset import GENERAL, Rule

# The roles that name people (or whoever took part); a telling whose groups for these
# name nobody the article names is dropped (an event of no one cannot be told apart).
PEOPLE_ROLES = ("organizer", "attendee", "about")
# The node types that may fill a people role: a person, or an organisation that acts.
AGENTS = (PERSON, ORGANIZATION)
# Who a generic telling (one read from any verb) must name in its kind's key role, for a kind of no
# narrower class than schema:Event: the person who did it (attendee), or the organisation that did it
# (organizer: "the council voted on Tuesday"). Any other generic telling needs a person.
GENERIC_SUBJECTS = {"attendee": PERSON, "organizer": ORGANIZATION}
# How far (in characters) outside a telling's words a date of its sentence may stand and still date it.
DATE_REACH = 120
# Words that look like a person's name: two or more capitalised words (a single one may be a
# sentence's first word, a place or a team).
CAPITALISED_NAME = regex.compile(r"(?:\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*\s+)+\p{Lu}\p{Ll}+(?:[-’']\p{Lu}?\p{Ll}+)*")
# Words between a telling and a date that open another clause, whose date it is ("signed the measure
# at a park, near where a tank ruptured in 2021").
# A possessive ending right after a date ("Sunday's service").
POSSESSIVE_AFTER = regex.compile(r"[’']s\b")
# A dash that ends the words before a date (the date set off at the end of its sentence).
DASH_BEFORE = regex.compile(r"\s*[—–]\s*$")
# "since" right before a date is the date's own preposition ("in office since May 2023"), as the
# year rule reads "since 2011" whole: it opens no clause of its own.
SINCE_BEFORE = regex.compile(r"\bsince\s+$")
# A clock time's "a.m." or "p.m." that the sentence splitter took for a sentence's end, and the words
# after it that go on with the same clause (lower case, or a day: "shortly after 6 a.m. Tuesday,",
# "before 10 p.m. on Sunday, the coroner said"): the date of a telling may stand past it. The
# splitter's abbreviations (quotes.yaml) cannot hold these: "p.m." does end many sentences.
CLOCK_END = regex.compile(r"\b\d{1,2}(?::\d\d)?\s+[ap]\.m\.$")
CLOCK_GOES_ON = regex.compile(r"\p{Ll}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![ \t]+\p{Lu})")
# A relative clause set off by commas ("Okafor, who scored 14 goals for Rovers last season, could make his
# debut on Saturday"): a telling read inside it ends at the clause's closing comma, and a date past
# that comma dates the main clause. (A comma inside a number, 14,000, closes nothing.)
RELATIVE_OPEN = regex.compile(r',\s+(?:[^,;.“”"]{0,80}?\s)?(?:who|whose|which)\s')
CLAUSE_CLOSE = regex.compile(r",(?!\d)")
RELATIVE_CLAUSE = regex.compile(r',\s+(?:who|whom|whose|which)\s[^,;.“”"]{1,150}?,')
# A telling inside a clause that opens its sentence (after a dateline and a few words at most) with a
# subordinator, no comma yet ("Thirty years after Ranjith Wickramasinghe scored his only Test hundred …, his
# son brought up one of his own on Saturday"): the clause ends at its comma; a date past it dates the main clause.
SUBORDINATE_OPEN = regex.compile(r'(?:\p{Lu}[\p{Lu}\s.,’\'-]*\s[—–-]+\s+)?[“"‘]?(?:\p{Lu}[\p{L}’-]*\s+(?:\p{Ll}+\s+){0,2})?(?:[Aa]fter|[Bb]efore|[Ww]hen|[Ww]hile|[Ss]ince|[Uu]ntil|[Oo]nce|[Aa]s|[Bb]ecause|[Aa]lthough)\s[^,;.“”"]{0,120}')
# "after" or "before" a number is a time, not a clause ("arrested shortly after 1 a.m. the next day").
OTHER_CLAUSE = regex.compile(r"[;—–]|\b(?:where|when|which|who|whom|whose|while|although|because|after(?!\s+\d)|"
                             r"before(?!\s+\d)|since|until|if|whereas)\b")
# A rule that reads any verb takes no date past an "and" that opens a clause of its own ("He served
# two years in the Army and, on Oct. 9, 1954, married ..."; "... and has been an officer since 2021"):
# that date is the second verb's. ("bought a house and a farm in 1990" keeps its date.)
GENERIC_JOIN = regex.compile(r"\band\s*,|\band\s+(?:has|have|had|was|were|is|are|then|later|also|now|since)\b")
# Nor a date past a comma that opens a phrase of a past participle ("gave him credit for his guilty plea,
# entered at a hearing in August"): the participle's date, of another deed.
GENERIC_PARTICIPLE = regex.compile(r",\s+(?:\p{Ll}+ly\s+)?\p{Ll}{2,}(?:ed|en)\s+(?:at|on|during|by)\s(?!.*\band\b)")
# Nor a year that qualifies a noun set off by a comma ("opened the show with “Izulu Lami”, the 1998 hit"): the
# thing's date, not the deed's.
GENERIC_APPOSED = regex.compile(r",\s+(?:the|a|an|his|her|their|its)\s+$")
# Nor a date past "for" and an occasion ("selected in the under-17 team for the national championships in Adelaide in
# August"): the occasion's date, which may lie ahead, not the selection's ("for the final time on Sunday" is no occasion).
GENERIC_FOR_OCCASION = regex.compile(
    r"\bfor\s+(?:the|a|an|his|her|their|its|next|this)\s+(?:[\p{L}\d’'&-]+\s+){0,6}?"
    r"(?:championships?|carnival|games|tournament|final|finals|season|cup|tour|trials?|series|festival|competition|"
    r"meet|event|olympics|election|wedding|conference|summit|ceremony)(?![\p{L}-])(?!\s+time\b)", regex.IGNORECASE)
GENERIC_BREAKS = (GENERIC_JOIN, GENERIC_PARTICIPLE, GENERIC_APPOSED, GENERIC_FOR_OCCASION)


def find_events(ctx: Context, names: Names, dates: list[DateValue]) -> list[EventRecord]:
    """Every event told outside quotation marks, in the order of the text."""
    found: list[tuple[EventRecord, Rule]] = []
    unnamed: dict[int, tuple[str, ...]] = {}  # a telling -> the words its people groups captured
    for rule in ctx.rules["events"]:
        for m in ctx.finditer(rule):
            if ctx.in_quote(m.start()):
                continue  # what a speaker says happened is not the article's own telling
            roles, things = [], set()
            agents = (PERSON,) if _kind(ctx, rule.get("kind")).get("persons_only") else AGENTS
            for group in sorted(EVENT_ROLES.keys() & set(m.re.groupindex)):
                roles.extend(_group_roles(ctx, names, m, group, things, agents))
            when = _date_of(ctx, rule, m, dates)
            if rule.get("generic") and not when:
                continue  # a rule that reads any verb tells an event only with its date
            rec = EventRecord(rule.get("kind"), ctx.span(m.start(), m.end()), rule.id, tuple(sorted(set(roles))),
                              when, _attributes(ctx, rule, m))
            unnamed[id(rec)] = tuple(ctx.text[a:b] for g in PEOPLE_ROLES if g in m.re.groupindex
                                     for a, b in m.spans(g) if (a, b) not in things)
            found.append((rec, rule))
    found = _prefer_specific(ctx, found)
    out = []
    for rec, rule in found:
        rec = _implied_about(ctx, names, rec, rule, found)
        if rule.get("generic") and not _names_its_subject(ctx, rec):
            ctx.unmatched.append((f"event of {rule.id} names no one who did it", rec.span))
            continue  # an event read from any verb must say who did it: a person, or an organisation's own kind
        if _nobody(rec, rule, unnamed.get(id(rec), ())):
            ctx.unmatched.append((f"event of {rule.id} names no one the article names", rec.span))
            continue
        rec = _read_as(ctx, rec)
        ctx.hits[rule.id] += 1
        out.append(rec)
    out.sort(key=lambda e: (e.span.start, e.span.end, e.rule))
    return _link_within(ctx, out)


def _kind(ctx: Context, kind: str) -> dict:
    """The declaration of an event kind (events.yaml `kinds`)."""
    return ctx.rules.settings["events"].get("kinds", {}).get(kind, {})


def _group_roles(ctx: Context, names: Names, m, group: str, things: set[tuple[int, int]],
                 agents: tuple[str, ...] = AGENTS) -> list[Role]:
    """Who each capture of a people group is: a "he" or "she" the nearest person of its gender named before
    it, as a family tie's pronoun is read (nobody when two may be meant: "He died in 2015" after a brother is
    the brother, never the article's protagonist by default); anything else by the role rules and names.
    A capture the names step knows as no type of `agents` (a place, a work; an organisation, for a kind
    that happens to persons only) goes into `things`: it names no one."""
    out = []
    for a, b in m.spans(group):
        if group in PEOPLE_ROLES and ctx.text[a:b].casefold() in SUBJECT_PRONOUNS:
            found = pronoun_antecedent(ctx, names, a, b)
            if found is not None:
                out.append(Role(group, found.ref, ctx.span(a, b), found.span))
            continue
        for ref, gspan in group_refs(ctx, names, Capture(m, group, a, b), group):
            # a place or a work the names step knows is no one who took part ("a trucker from
            # Pinecrest, Arizona, who died in 2019": Arizona did not die)
            if group in PEOPLE_ROLES and ref.type not in agents:
                things.add((a, b))
                continue
            out.append(Role(group, ref, gspan))
    return out


def _read_as(ctx: Context, rec: EventRecord) -> EventRecord:
    """A telling of a kind with `read_as` (events.yaml) whose kg:action words match one of its patterns is
    a telling of that pattern's kind, its people in that pattern's role: "Ana Ruiz: married" read from
    any verb is Ana Ruiz's wedding, "Tom Hale: died" his death."""
    table = _kind(ctx, rec.kind).get("read_as")
    action = next((value for prop, value, _ in rec.attributes if prop == "kg:action"), None) if table else None
    if action is None:
        return rec
    for item in table:
        if _action_pattern(item["action"]).match(action):
            roles = tuple(sorted({Role(item["role"], r.ref, r.span) if r.role in PEOPLE_ROLES else r for r in rec.roles}))
            attributes = tuple(a for a in rec.attributes if a[0] != "kg:action")
            return EventRecord(item["kind"], rec.span, rec.rule, roles, rec.dates, attributes, rec.part_of)
    return rec


@lru_cache(maxsize=None)
def _action_pattern(source: str):
    """A `read_as` action pattern, compiled once per process (the rule files checked it at load)."""
    return regex.compile(source)


def _names_its_subject(ctx: Context, rec: EventRecord) -> bool:
    """Whether a generic telling names who did it: for a kind of class schema:Event keyed on the
    organizer, an organisation in that role (a council, a district: what an organisation did); for
    any other kind, a person among its people roles (a company "said on Monday that" is no
    statement of a person, and a person's happening needs the person)."""
    spec = _kind(ctx, rec.kind)
    key = spec.get("key", "organizer")
    if spec.get("class") == "schema:Event" and GENERIC_SUBJECTS.get(key) == ORGANIZATION:
        return any(r.ref.type == ORGANIZATION and r.role == key for r in rec.roles)
    return any(r.ref.type == PERSON and r.role in PEOPLE_ROLES for r in rec.roles)


def _nobody(rec: EventRecord, rule: Rule, words: tuple[str, ...]) -> bool:
    """Whether a telling names no one: its rule has people groups, none resolved, and none captured
    a name (a name the names step missed still tells a person, whom the merge may find; "the pair",
    "the 29-year-old" that resolve to no one do not)."""
    if not set(PEOPLE_ROLES) & set(rule.pattern.groupindex) or any(r.role in PEOPLE_ROLES for r in rec.roles):
        return False
    return not any(CAPITALISED_NAME.fullmatch(w) for w in words)


def _prefer_specific(ctx: Context, found: list[tuple[EventRecord, Rule]]) -> list[tuple[EventRecord, Rule]]:
    """Where two rules read overlapping words as events of one family of classes, keep the more
    specific reading: a narrower class (a loss announcement is a social-media post), or for the same
    class a pack's rule over a general one (a story's or domain's rule knows the words better)."""
    kinds = ctx.rules.settings["events"].get("kinds", {})
    path = ctx.rules.ontology.path

    def narrower(b: tuple[EventRecord, Rule], a: tuple[EventRecord, Rule]) -> bool:
        (rb, ub), (ra, ua) = b, a
        if not (rb.span.start < ra.span.end and ra.span.start < rb.span.end):
            return False
        act = next((span for prop, _, span in ra.attributes if prop == "kg:action"), None)
        if ua.get("generic") and act is not None and not (rb.span.start < act.end and act.start < rb.span.end):
            # a reading from any verb whose verb the other reading leaves out tells another event of the
            # same person ("Born in Cardiff in 1999, Ana Ruiz won her first title in 2023")
            return False
        if ua.get("generic") and not ub.get("generic") and rb.span.start <= ra.span.start and ra.span.end <= rb.span.end \
                and (rb.dates or not ra.dates):
            # the same words read by a rule of a kind of its own ("Brennan told the Coast Courier on Monday": an
            # interview) tell that one event, not also the saying a generic rule reads in them; unless only the
            # generic reading found its date
            return True
        if rb.kind in kinds[ra.kind].get("told_in", ()) and _organizers(rb) & _organizers(ra) and (rb.dates or not ra.dates):
            # "Maxine Orr wrote on Instagram on Monday that …": the statement is the post it was made in (events.yaml
            # `told_in`), one event of one person, not two; unless only the statement's reading found its date
            return True
        cb, ca = kinds[rb.kind]["class"], kinds[ra.kind]["class"]
        if cb == ca:
            # a rule of a kind of its own wins over a generic one of the same class (a christening,
            # class schema:Event, over the happening "was christened" read from any verb)
            if ua.get("generic") and not ub.get("generic") and rb.kind != ra.kind:
                return True
            return ub.pack != GENERAL and ua.pack == GENERAL
        return _same_family(path, cb, ca)

    kept = []
    for item in found:
        if any(narrower(other, item) for other in found if other is not item):
            ctx.unmatched.append((f"event of {item[1].id} read more closely by another rule", item[0].span))
            continue
        kept.append(item)
    return kept


def _organizers(record: EventRecord) -> set[str]:
    return {r.ref.value for r in record.roles if r.role == "organizer"}


@lru_cache(maxsize=256)
def _same_family(ontology_path: str, specific: str, general: str) -> bool:
    """Whether class `specific` is `general` or one of its subclasses in the ontology."""
    g = _ontology_graph(ontology_path)
    return expand(general) in set(g.transitive_objects(expand(specific), RDFS.subClassOf))


def _implied_about(ctx: Context, names: Names, rec: EventRecord, rule: Rule, found) -> EventRecord:
    """A telling that names no one it is about ("a funeral will be held on Saturday") is about the
    person whose death the article tells: of the people the article's events of the rule's
    `implied_about` kinds are about, the article's protagonist when among them, else the only one.
    Under `implied_recent`, an event told with a date years before the telling's own is not the one
    it follows ("Her husband died in 2016" in an article about a vigil held on Saturday)."""
    kinds = rule.get("implied_about")
    if not kinds or any(r.role == "about" for r in rec.roles):
        return rec
    recent = rule.get("implied_recent", False)
    candidates = sorted({r for other, _ in found if other.kind in kinds and (not recent or _recent(other, rec))
                         for r in other.roles if r.role == "about"}, key=lambda r: r.span.start)
    refs = {r.ref for r in candidates}
    if not refs:
        return rec
    lead = protagonist(names, None)
    if lead is not None and Ref("name", lead) in refs:
        chosen = next(r for r in candidates if r.ref == Ref("name", lead))
    elif len(refs) == 1:
        chosen = candidates[0]
    else:
        return rec
    roles = tuple(sorted(set(rec.roles) | {Role("about", chosen.ref, chosen.span)}))
    return EventRecord(rec.kind, rec.span, rec.rule, roles, rec.dates, rec.attributes, rec.part_of)


def _recent(event: EventRecord, rec: EventRecord) -> bool:
    """Whether an event (a death) may be the one a telling follows: either is undated, or the event is
    of the telling's year or the year before."""
    if not event.dates or not rec.dates:
        return True
    return any(0 <= int(t.lexical[:4]) - int(d.lexical[:4]) <= 1 for d in event.dates for t in rec.dates)


def _attributes(ctx: Context, rule: Rule, m) -> tuple[tuple[str, str, Span], ...]:
    """(property, value, evidence) for each of the rule's attribute groups that captured something."""
    attrs = []
    for prop, group in rule.get("attributes", ()):
        if group in m.re.groupindex and m.group(group):
            a, b = m.span(group)
            attrs.append((prop, m.group(group), ctx.span(a, b)))
    return tuple(attrs)


def _date_of(ctx: Context, rule: Rule, m, dates: list[DateValue]) -> tuple[DateValue, ...]:
    """The event's date, as its rule says where to look: within the match, the nearest in its
    sentence, or the nearest after the match in its sentence."""
    when = rule.get("date", "sentence")
    if rule.get("generic"):
        dates = [d for d in dates if not _possessive(ctx, d)]
    if when == "match":
        return tuple(d for d in dates if m.start() <= d.span.start and d.span.end <= m.end())
    if when not in ("sentence", "after"):
        return ()
    sa, sb = _sentence_past_clock(ctx, m.start())
    near = [d for d in dates if sa <= d.span.start < sb and not ctx.in_quote(d.span.start)]
    # "Mayor Dennis Albright, who was first elected in 2015, announced his resignation": a date in a
    # relative clause the telling's words run through dates that clause, never the telling
    clauses = [(c.start(), c.end()) for c in RELATIVE_CLAUSE.finditer(ctx.text, m.start(), m.end())]
    near = [d for d in near if not any(a <= d.span.start and d.span.end <= b for a, b in clauses)]
    if when == "sentence":
        # a date inside the telling's own words is its date; else the nearest one just before or after it
        inside = [d for d in near if m.start() <= d.span.start and d.span.end <= m.end()]
        if inside:
            return (min(inside, key=lambda d: d.span.start - m.start()),)
    else:
        near = [d for d in near if d.span.start >= m.end()]  # the verb ends the match: its date follows
        if RELATIVE_OPEN.search(m.group()) or SUBORDINATE_OPEN.fullmatch(ctx.text, sa, m.start()):
            near = [d for d in near if not CLAUSE_CLOSE.search(ctx.text, m.end(), d.span.start)]
    # a date further off in a long sentence, or past a word that opens another clause, dates that
    # clause ("signed the measure at the park, ..., where a tank ruptured in 2021")
    gap = lambda d: m.start() - d.span.end if d.span.end <= m.start() else d.span.start - m.end()
    between = lambda d: ctx.text[d.span.end:m.start()] if d.span.end <= m.start() else ctx.text[m.end():d.span.start]
    close = [d for d in near if gap(d) <= DATE_REACH and not OTHER_CLAUSE.search(_clause_words(ctx, d, between(d), sb))]
    if rule.get("generic"):
        def opens_another(d) -> bool:  # the words up to a later date open a clause or phrase of their own
            words = between(d)
            return any(p.search(words) for p in GENERIC_BREAKS)

        close = [d for d in close if d.span.end <= m.start() or not opens_another(d)]
    return (min(close, key=gap),) if close else ()


def _sentence_past_clock(ctx: Context, pos: int) -> tuple[int, int]:
    """The sentence at pos, run on past a clock time's "a.m."/"p.m." that the splitter ended it at
    when the next words go on with the clause (CLOCK_END, CLOCK_GOES_ON), within its paragraph."""
    sa, sb = ctx.sentence_of(pos)
    para = ctx.paragraph_of(pos)
    i = bisect.bisect_right(ctx.sentence_starts, pos) - 1
    while i >= 0 and i + 1 < len(ctx.sentences) and CLOCK_END.search(ctx.text, max(sa, sb - 12), sb):
        na, nb = ctx.sentences[i + 1]
        if ctx.paragraph_of(na) != para or not CLOCK_GOES_ON.match(ctx.text, na):
            break
        sb, i = nb, i + 1
    return sa, sb


def _possessive(ctx: Context, d: DateValue) -> bool:
    """Whether a date is a possessive ("during Sunday's service", "Tuesday's vote"): it dates the thing
    it owns, an event of its own kind, so no verb of doing near it takes it."""
    return bool(POSSESSIVE_AFTER.match(ctx.text, d.span.end))


def _clause_words(ctx: Context, d: DateValue, words: str, sentence_end: int) -> str:
    """The words between a telling and a date that may open another clause: a dash just before
    a date that ends the sentence sets the date off ("became engaged at the cove – in 1985."), it
    opens no clause of its own; nor does the "since" of a later date (SINCE_BEFORE)."""
    if DASH_BEFORE.search(words) and not ctx.text[d.span.end:sentence_end].strip(" .!?\"”’)"):
        return DASH_BEFORE.sub("", words)
    later = ctx.text.endswith(words, 0, d.span.start)  # the words run up to the date: it follows the telling
    return SINCE_BEFORE.sub("", words) if later else words


def _link_within(ctx: Context, events: list[EventRecord]) -> list[EventRecord]:
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
