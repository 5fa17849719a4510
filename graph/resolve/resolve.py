"""Merge what every article said into one set of facts about one node per real thing.

Identity, decided here and nowhere else:
  people     a sieve (graph/resolve/people.py): a full name is a person; within an
             article a single name ("Chrissy", "Teigen") joins the full name it
             follows, and none when two people of that name came before it; across
             articles a single name joins the one full name of its story with that
             surname or nickname; else it is a person of its own ("Luna"); "X's wife"
             is X's spouse
  things     gazetteer entries by id; other named things by type and name
  events     tellings of one kind and one story sharing a node in the kind's key role
             (a story: the articles linked through the full-name people they share)
  quotations the same words (letters and digits, case folded), or words contained
             in a longer quotation by the same speaker
  family     ties as the rules found them; an inference (relations.yaml) only joins
             ties one article states, and its evidence is theirs

The stages of `resolve`, in order: articles, people, family, named things, events,
quotations. The output is `Facts`: (subject, predicate, object) -> the evidence for it,
each piece of evidence a text span with the rule that produced it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import regex
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from graph.records import Extraction, Mention, Ref, Span
from graph.resolve.family import FamilyTold
from graph.resolve.people import People
from graph.rules.catalogue import TITLE_KINDS
from graph.rules.ruleset import RuleSet
from graph.rdf.types import type_folder
from graph.rdf.vocab import KG, SDO, digest, expand, iri, slug

ROLE_PROPERTIES = {
    "organizer": SDO.organizer,
    "attendee": SDO.attendee,
    "about": SDO.about,
    "location": SDO.location,
    "platform": KG.platform,
    "work": SDO.workFeatured,
}
DATATYPES = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear}


@dataclass(frozen=True, order=True)
class Evidence:
    """Why a fact holds: a span of an article, the rule that matched it, and how a date was resolved."""

    span: Span
    rule: str
    resolution: str | None = None


@dataclass
class Facts:
    """Facts with their evidence, plus what the writer needs to describe articles and rules."""

    facts: dict[tuple, set[Evidence]] = field(default_factory=lambda: defaultdict(set))
    articles: dict[str, object] = field(default_factory=dict)  # id -> ArticleMeta
    sentences: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    rules_used: set[str] = field(default_factory=set)
    unresolved: list[tuple[str, Span]] = field(default_factory=list)
    hits: Counter = field(default_factory=Counter)
    labels: dict = field(default_factory=dict)  # node -> its label, for event labels and views

    def add(self, s, p, o, evidence: Evidence | None) -> None:
        bucket = self.facts[(s, p, o)]
        if evidence is not None:
            bucket.add(evidence)
            self.rules_used.add(evidence.rule)
            if evidence.resolution and evidence.resolution != "absolute":
                self.rules_used.add(evidence.resolution)


def normalise_quote(text: str) -> str:
    """The words of a quotation, for identity: letters and digits, case folded."""
    return " ".join(regex.findall(r"[\p{L}\p{N}]+", text.replace("’", "'").casefold()))


class _Nodes:
    """Which node a reference stands for, read where an article wrote it."""

    def __init__(self, people: People):
        self.people = people
        self.spouses: dict[URIRef, set[URIRef]] = defaultdict(set)  # filled by the family stage
        self.named: dict[str, set[URIRef]] = {}  # article -> the nodes its mentions name
        # once the named things are made: the people nodes there are. A name read where no mention stands
        # ("the couple" read as a bare surname the sieve gave to no one) is then nobody, never a node the
        # graph does not describe
        self.declared: set[URIRef] | None = None

    def __call__(self, ref: Ref, at: Span | None = None) -> URIRef | None:
        if ref.kind == "entity":
            return iri(type_folder(ref.type), slug(ref.value))
        if ref.kind in ("name", "titled") and ref.type == "Person":
            node = self.people.node(ref, at)
            return node if self.declared is None or node in self.declared else None
        if ref.kind == "name":
            return iri(type_folder(ref.type), slug(ref.value))
        if ref.kind == "spouse-of":
            inner = self(ref.inner, at) if ref.inner else None
            partners = sorted(self.spouses.get(inner, ())) if inner else []
            return partners[0] if len(partners) == 1 else None
        return None


def resolve(extractions: list[Extraction], rules: RuleSet) -> Facts:
    """One node per real person, thing, event and quotation; facts with all their evidence."""
    extractions = sorted(extractions, key=lambda x: x.article.id)
    out = Facts()
    _describe_articles(extractions, out)
    # the writers a credit line names (names.yaml evidence `credit`) stand for no bare surname of the story
    credits = frozenset(r.id for r in rules["names"] if r.get("evidence") == "credit")
    node_of = _Nodes(People(extractions, credits, rules.given_names))
    node_of.named = {x.article.id: {node_of(m.ref, m.span) for m in x.mentions} for x in extractions}
    _family(extractions, rules, node_of, out)  # first: "Legend's wife" needs the spouse ties
    labels = _named_things(extractions, rules, node_of, out)
    node_of.declared = set(labels)
    event_of_record = _events(extractions, rules, node_of, out, labels)
    _quotes(extractions, out, node_of, event_of_record, labels)
    out.labels = labels
    return out


def _describe_articles(extractions: list[Extraction], out: Facts) -> None:
    """What the writer needs of each article, and the tallies of the match step."""
    for x in extractions:
        out.articles[x.article.id] = x.article
        out.sentences[x.article.id] = x.sentences
        out.hits.update(dict(x.hits))
        out.unresolved.extend((why, span) for why, span in x.unmatched)


def _relation_nodes(r, node_of: _Nodes, named: set[URIRef] | None = None,
                    speakers: dict | None = None) -> tuple[URIRef | None, URIRef | None]:
    """The two people of a family tie, each read where the rule found it; a spouse the words
    only imply ("their son": the protagonist's spouse) counts only where the article names them;
    "my" is the one speaker of the quotation the tie is written in."""
    def one(ref: Ref, at: Span, side: str) -> URIRef | None:
        if r.speaker == side:
            return _speaker_of(r.span, speakers or {})
        node = node_of(ref, at)
        return node if named is None or ref.kind != "spouse-of" or node in named else None

    return one(r.subject, r.subject_at or r.span, "subject"), one(r.object, r.object_at or r.span, "object")


def _quote_speakers(x: Extraction, node_of: _Nodes) -> dict[tuple[int, int], set[URIRef]]:
    """Each printed piece of a quotation of an article -> the nodes credited with saying it."""
    out: dict[tuple[int, int], set[URIRef]] = defaultdict(set)
    for q in x.quotes:
        nodes = {node_of(role.ref, role.span) for role in q.speakers} - {None}
        for piece in q.pieces:
            out[(piece.start, piece.end)] |= nodes
    return out


def _speaker_of(span: Span, speakers: dict[tuple[int, int], set[URIRef]]) -> URIRef | None:
    """The one speaker of the innermost quotation holding span; None when there is not exactly one."""
    holding = [(b - a, nodes) for (a, b), nodes in speakers.items() if a <= span.start and span.end <= b]
    if not holding:
        return None
    nodes = min(holding, key=lambda t: t[0])[1]
    return next(iter(nodes)) if len(nodes) == 1 else None


def _family(extractions: list[Extraction], rules: RuleSet, node_of: _Nodes, out: Facts) -> None:
    """Family ties both ways, then what the inferences of relations.yaml add, article by article."""
    for x in extractions:
        for r in x.relations:
            if r.predicate == "spouse" and "spouse-of" not in (r.subject.kind, r.object.kind):
                a, b = _relation_nodes(r, node_of)
                if a and b and a != b:
                    node_of.spouses[a].add(b)
                    node_of.spouses[b].add(a)
    told = FamilyTold()
    for x in extractions:
        named = node_of.named[x.article.id]
        for m in x.mentions:  # the names each person goes by here, for the inferences that weigh surnames
            told.name(x.article.id, node_of(m.ref, m.span), m.ref.value)
        speakers = _quote_speakers(x, node_of) if any(r.speaker for r in x.relations) else {}
        for r in x.relations:
            a, b = _relation_nodes(r, node_of, named, speakers)
            if not a or not b or a == b:
                out.unresolved.append((f"family tie {r.predicate} by {r.rule}: a person could not be resolved", r.span))
                continue
            ev = Evidence(r.span, r.rule)
            _add_tie(out, r.predicate, a, b, ev)
            told.add(x.article.id, r.predicate, a, b, ev)
    for inference in rules.settings["relations"].get("inferences", []):
        for predicate, a, b, evidence in told.infer(inference.get("infer"), inference.get("id", "?")):
            for ev in sorted(evidence):
                _add_tie(out, predicate, a, b, Evidence(ev.span, inference["id"]))


def _add_tie(out: Facts, predicate: str, a: URIRef, b: URIRef, ev: Evidence) -> None:
    """A tie in both directions: spouse/spouse, parent/children (a is the child), sibling/sibling."""
    if predicate == "spouse":
        out.add(a, SDO.spouse, b, ev)
        out.add(b, SDO.spouse, a, ev)
    elif predicate == "parent":
        out.add(a, SDO.parent, b, ev)
        out.add(b, SDO.children, a, ev)
    elif predicate == "sibling":
        out.add(a, SDO.sibling, b, ev)
        out.add(b, SDO.sibling, a, ev)


def _named_things(extractions: list[Extraction], rules: RuleSet, node_of: _Nodes, out: Facts) -> dict[URIRef, str]:
    """Type, name, label and aliases of every named thing, and which articles mention it; returns the labels."""
    gazetteer = {r.id: r for r in rules["gazetteer"]}
    first_seen: dict[tuple, Mention] = {}
    names: dict[URIRef, str] = {}
    types: dict[URIRef, str] = {}
    for x in extractions:
        for m in sorted(x.mentions, key=lambda m: (m.span.start, m.span.end)):
            node = node_of(m.ref, m.span)
            if node is None:
                continue
            first_seen.setdefault((node, x.article.id, "type"), m)
            alias = node_of.people.alias_at(m) if m.ref.type == "Person" else m.alias
            if alias:
                first_seen.setdefault((node, x.article.id, "alias", alias), m)
            if m.ref.kind == "entity":
                names[node] = gazetteer[m.ref.value].get("name")
            elif m.ref.type == "Person":
                names[node] = node_of.people.name_at(m.ref, m.span)
            else:
                names.setdefault(node, m.ref.value)
            types[node] = m.ref.type
            if m.ref.type == "Person":
                for kind, words, span in m.titles:
                    first_seen.setdefault((node, x.article.id, "title", kind, words), Mention(m.ref, span, m.rule))
    for key in sorted(first_seen, key=lambda k: (str(k[0]), k[1], k[2:])):
        node, article, what = key[0], key[1], key[2]
        m = first_seen[key]
        ev = Evidence(m.span, m.rule)
        if what == "type":
            out.add(node, RDF.type, expand(types[node]), ev)
            out.add(URIRef(iri("article", article_local(article))), SDO.mentions, node, ev)
            if m.ref.kind == "entity" and gazetteer[m.ref.value].get("wikidata"):
                wd = URIRef("http://www.wikidata.org/entity/" + gazetteer[m.ref.value].get("wikidata"))
                out.add(node, URIRef(str(SDO) + "sameAs"), wd, ev)
        elif what == "title":
            # "Gov.", "Dr.", "chief executive": never part of the name, a fact of its own
            out.add(node, expand(TITLE_KINDS[key[3]]), Literal(key[4]), ev)
        else:
            alias = key[3]
            if alias == names[node]:
                out.add(node, SDO.name, Literal(names[node]), ev)
                out.add(node, RDFS.label, Literal(names[node]), ev)
            else:
                out.add(node, SDO.alternateName, Literal(alias), ev)
    _label_unwritten(names, first_seen, out)
    return dict(names)


def _label_unwritten(names: dict[URIRef, str], first_seen: dict[tuple, Mention], out: Facts) -> None:
    """A fullest name written only as part of a longer form: label it anyway, from the node's first mention."""
    first_mention: dict = {}  # node -> its first mention (article, then position)
    for node, name in names.items():
        if (node, RDFS.label, Literal(name)) not in out.facts:
            if not first_mention:  # sorted once, when the first node needs it, not once per node
                for k in sorted(first_seen, key=lambda k: (k[1], k[2:])):
                    first_mention.setdefault(k[0], first_seen[k])
            m = first_mention[node]
            out.add(node, SDO.name, Literal(name), Evidence(m.span, m.rule))
            out.add(node, RDFS.label, Literal(name), Evidence(m.span, m.rule))


def _events(extractions: list[Extraction], rules: RuleSet, node_of: _Nodes, out: Facts,
            labels: dict[URIRef, str]) -> dict[tuple[str, int], URIRef]:
    """Every event with its participants, dates and attributes; returns (article, index) -> event node."""
    event_nodes = _merge_events(extractions, rules, node_of)
    kinds = rules.settings["events"].get("kinds", {})
    event_of_record: dict[tuple[str, int], URIRef] = {}
    pending_parts: list = []
    for node, members in event_nodes.items():
        kind = members[0][1].kind
        if all(rec.roles for _, rec, _ in members) and not any(
                node_of(r.ref, r.read_at) for _, rec, _ in members for r in rec.roles):
            # every telling names its people by words that stand for nobody ("Statement by someone"): an event
            # of no one the graph knows is no fact a reader can check, so there is none; the curator's list says why
            for _, rec, _ in members:
                out.unresolved.append((f"{kind} by {rec.rule}: none of its people could be resolved, so no event",
                                       rec.span))
            continue
        roles: dict[str, list[URIRef]] = defaultdict(list)
        for article, rec, idx in members:
            event_of_record[(article, idx)] = node
            _event_telling(out, node, kinds[kind], rec, node_of, roles)
            if rec.part_of is not None:
                pending_parts.append((node, article, rec))
        words = {prop: value for _, rec, _ in reversed(members) for prop, value, _ in rec.attributes}
        label = _fill(kinds[kind]["label"], roles, labels, words)
        labels[node] = label
        for article, rec, _ in members:
            out.add(node, RDFS.label, Literal(label), Evidence(rec.span, rec.rule))
    for node, article, rec in pending_parts:  # a comment and the post it was left under
        host = event_of_record.get((article, rec.part_of))
        if host is not None and host != node:
            out.add(node, SDO.superEvent, host, Evidence(rec.span, rec.rule))
    return event_of_record


def _event_telling(out: Facts, node: URIRef, spec: dict, rec, node_of: _Nodes, roles: dict[str, list[URIRef]]) -> None:
    """What one telling says of its event: class, kind, participants (gathered into roles), dates, attributes."""
    kind = rec.kind
    ev = Evidence(rec.span, rec.rule)
    out.add(node, RDF.type, SDO.Event, ev)
    out.add(node, RDF.type, expand(spec["class"]), ev)
    out.add(node, KG.eventKind, Literal(kind), ev)
    for role in rec.roles:
        target = node_of(role.ref, role.read_at)
        if target is None:
            out.unresolved.append((f"{role.role} of {kind} by {rec.rule} could not be resolved", role.span))
            continue
        out.add(node, ROLE_PROPERTIES[role.role], target, Evidence(role.span, rec.rule))
        if target not in roles[role.role]:
            roles[role.role].append(target)
    for d in rec.dates:
        out.add(node, SDO.startDate, Literal(d.lexical, datatype=DATATYPES[d.precision]),
                Evidence(d.span, d.rule, d.resolution))
    for prop, value, span in rec.attributes:
        out.add(node, expand(prop), Literal(" ".join(value.split())), Evidence(span, rec.rule))


def article_local(article_id: str) -> str:
    """The IRI-safe local name of an article: its id when safe, else a slug and a hash."""
    if regex.fullmatch(r"[A-Za-z0-9_.\-]{1,100}", article_id) and not article_id.startswith("."):
        return article_id
    return f"{slug(article_id, 40)}-{digest(article_id, length=8)}"


def _fill(template, roles: dict[str, list[URIRef]], labels: dict[URIRef, str], words: dict[str, str] | None = None) -> str:
    """The first label template whose roles are all known (a kind may list several); a placeholder
    naming a property ({kg:action}) takes the words an attribute of the event gave it."""
    words = words or {}
    templates = [template] if isinstance(template, str) else list(template)
    for t in templates:
        if all(roles.get(r) or r in words for r in regex.findall(r"\{([\w:]+)\}", t)):
            template = t
            break
    else:
        template = templates[-1]

    def sub(m):
        if m.group(1) in words:
            return " ".join(words[m.group(1)].split())
        nodes = roles.get(m.group(1), [])
        names = [labels.get(n, str(n).rsplit("/", 1)[-1]) for n in nodes]
        if not names:
            return "someone"
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    return regex.sub(r"\{([\w:]+)\}", sub, template)


def _merge_events(extractions, rules: RuleSet, node_of: _Nodes) -> dict[URIRef, list]:
    """Group the tellings of each kind into events, story by story (an event of one story never
    merges with one of another, so adding unrelated articles changes no event of a story);
    name each event by its kind and key people."""
    kinds = rules.settings["events"].get("kinds", {})
    stories = node_of.people.story
    by_kind: dict[tuple[str, str], list] = defaultdict(list)  # (kind, story) -> tellings
    for x in extractions:
        for idx, rec in enumerate(x.events):
            by_kind[(rec.kind, stories[x.article.id])].append((x.article.id, rec, idx))
    out: dict[URIRef, list] = {}
    for kind, story in sorted(by_kind):
        key_role = kinds[kind].get("key", "organizer")
        groups = _group_tellings(by_kind[(kind, story)], key_role, node_of, kinds[kind].get("apart_by_date", False))
        shared = Counter(frozenset(keys) for keys, _ in groups)
        seen = Counter()
        for keys, items in groups:
            # events of one kind and the same key people (one person's two awards) are told apart by
            # date, and where even that is shared, by the first article and telling that tells them
            occasion = None
            if shared[frozenset(keys)] > 1:
                occasion = _occasion(items)
                seen[(frozenset(keys), occasion)] += 1
                if seen[(frozenset(keys), occasion)] > 1:
                    first = min((a, i) for a, _, i in items)
                    occasion += "--" + digest(first[0], str(first[1]), length=8)
            out[_event_node(kind, keys, story, node_of.people, occasion)] = sorted(items, key=lambda t: (t[0], t[2]))
    return out


def _group_tellings(tellings: list, key_role: str, node_of: _Nodes, apart_by_date: bool = False) -> list[tuple[set, list]]:
    """Tellings of one kind in one story, grouped: those sharing a node in the key role are one event;
    one without that role joins the story's only event of the kind, else is an event of its own.

    Two tellings one article dates apart ("won in 1998 ... two years later won again") are two
    events: an article does not contradict itself, so they never join one group. Tellings of
    different articles that disagree on the date still join: that is a conflict to show; but for a
    kind `apart_by_date` (what one person did, read from any verb) two dates are two events."""
    # groups by creation number (a merged group is new, so goes last); a key finds its groups
    # by lookup rather than by a scan of every group, so merging stays linear in tellings
    live: dict[int, tuple[set, list]] = {}
    owner: dict = defaultdict(set)  # key node -> numbers of the live groups holding it
    created = 0
    keyless = []
    for item in tellings:
        keys = {node_of(r.ref, r.read_at) for r in item[1].roles if r.role == key_role} - {None}
        if not keys and apart_by_date:
            keys = _words_key(item[1])
        if not keys:
            keyless.append(item)
            continue
        merged_keys, merged_items = set(keys), [item]
        for g in sorted({g for k in keys for g in owner.get(k, ())}):
            if not _same_occasion(live[g][1], merged_items, apart_by_date):
                continue
            merged_keys |= live[g][0]
            merged_items = live[g][1] + merged_items
            for k in live[g][0]:
                owner[k].discard(g)
            del live[g]
        live[created] = (merged_keys, merged_items)
        for k in merged_keys:
            owner[k].add(created)
        created += 1
    groups: list[tuple[set, list]] = [live[g] for g in sorted(live)]
    if keyless:
        if len(groups) == 1 and _same_occasion(groups[0][1], keyless, apart_by_date):
            groups[0][1].extend(keyless)
        elif not groups:
            # tellings that name no one: one event, unless an article dates them apart (a storm on
            # Sunday, a crash in 2014)
            parts: list[list] = []
            for item in keyless:
                home = next((part for part in parts if _same_occasion(part, [item], apart_by_date)), None)
                if home is None:
                    parts.append([item])
                else:
                    home.append(item)
            groups.extend((set(), part) for part in parts)
        else:
            for item in keyless:  # ambiguous: an event of its own, named by where it was told
                groups.append(({URIRef(f"urn:telling:{item[0]}:{item[2]}")}, [item]))
    return groups


def _words_key(rec) -> set:
    """For a kind read from any verb (`apart_by_date`), a telling that names no one in the key role
    ("construction began in March") is keyed by what it says happened (its kg:action words, case
    folded): two articles telling those words of one date are one event, other words another."""
    words = [" ".join(value.lower().split()) for prop, value, _ in rec.attributes if prop == "kg:action"]
    return {URIRef("urn:words/" + slug(words[0]))} if words else set()


def _same_occasion(a: list, b: list, any_article: bool = False) -> bool:
    """Whether no article dates a telling of `a` apart from one of `b` (2019 fits 2019-03; 2019-03 does not
    fit 2019-04); with `any_article`, whether no two of their dates are apart, whoever gives them."""
    dated = defaultdict(set)
    for article, rec, _ in a:
        if rec.dates:
            dated[None if any_article else article].add(rec.dates[0].lexical)
    for article, rec, _ in b:
        where = None if any_article else article
        if rec.dates and where in dated:
            d = rec.dates[0].lexical
            if any(not (d.startswith(o) or o.startswith(d)) for o in dated[where]):
                return False
    return True


def _occasion(items: list) -> str:
    """The earliest date its tellings give an event, to tell apart the events of one kind and key."""
    return min((rec.dates[0].lexical for _, rec, _ in items if rec.dates), default="undated")


def _event_node(kind: str, keys: set, story: str, people: People, occasion: str | None = None) -> URIRef:
    """kind--key-people (--date, where the same people have several events of the kind); with the
    story's hash where no key is a person named in full, since an organisation, a single name or
    no key at all may recur in another story."""
    local = slug(kind) + ("--" + "--".join(sorted(str(k).rsplit("/", 1)[-1] for k in keys)) if keys else "")
    if len(local) > 120:
        local = slug(kind) + "--" + digest(*sorted(map(str, keys)), length=16)
    if occasion is not None:
        local += "--" + occasion
    if not any(people.is_full(k) or str(k).startswith("urn:telling:") for k in keys):
        local += "--" + digest(story, length=8)
    return iri("event", local)


def _quotes(extractions, out: Facts, node_of, event_of_record, labels) -> None:
    """One node per distinct quotation; every article that prints it is a source."""
    tellings = []  # (normalised, speakers, article, record, index)
    for x in extractions:
        for idx, q in enumerate(x.quotes):
            # a quotation's creator is a person (the shapes say so): words credited to a company or a
            # place have no speaker here
            people = [r for r in q.speakers if r.ref.type == "Person"]
            nodes = [node_of(r.ref, r.span) for r in people]
            # a spouse the words only imply ("the couple said") speaks only where this article names them, as
            # for a family tie: words are credited to no namesake's spouse of another article
            nodes = [n if r.ref.kind != "spouse-of" or n in node_of.named[x.article.id] else None
                     for r, n in zip(people, nodes)]
            if any(n is None and r.ref.kind == "spouse-of" for r, n in zip(people, nodes)):
                # "the couple said" of someone whose spouse the articles do not name: crediting one of
                # the two with words both said would be wrong, so the quotation has no speaker here
                out.unresolved.append((f"one of the pair {q.rule} credits could not be resolved", q.pieces[0]))
                continue
            speakers = frozenset(n for n in nodes if n is not None)
            if not speakers:
                out.unresolved.append((f"speaker of a quotation by {q.rule} could not be resolved", q.pieces[0]))
                continue
            tellings.append((normalise_quote(q.text), speakers, x.article.id, q, idx))
    # longest first, so a shorter printing of the same words joins the longer one
    tellings.sort(key=lambda t: (-len(t[0]), t[0], t[2], t[4]))
    canon: list[tuple[str, frozenset, URIRef, str]] = []
    node_of_telling: dict[tuple[str, int], URIRef] = {}
    # the first earlier quotation with the same words, or (4+ words) one by a shared speaker that
    # contains them: found through two indexes instead of a scan of every quotation so far
    same_words: dict[str, int] = {}  # words -> first canon index
    by_speaker: dict[URIRef, list[int]] = defaultdict(list)  # speaker -> canon indexes, ascending
    for norm, speakers, article, q, idx in tellings:
        node = None
        found = [same_words[norm]] if norm in same_words else []
        if len(norm.split()) >= 4:
            for sp in speakers:
                found += [i for i in by_speaker.get(sp, ()) if f" {norm} " in f" {canon[i][0]} "][:1]
        if found:
            node = canon[min(found)][2]
        if node is None:
            node = iri("quote", digest(norm, length=20))
            same_words.setdefault(norm, len(canon))
            for sp in speakers:
                by_speaker[sp].append(len(canon))
            canon.append((norm, speakers, node, q.text))
            text = " ".join(q.text.split("\n"))
            out.add(node, SDO.text, Literal(q.text), None)
            labels[node] = "“" + (text if len(text) <= 60 else text[:57].rstrip() + "…") + "”"
        node_of_telling[(article, idx)] = node
    texts = {n: t for _, _, n, t in canon}
    by_article = {x.article.id: x for x in extractions}
    for norm, speakers, article, q, idx in sorted(tellings, key=lambda t: (t[2], t[4])):
        node = node_of_telling[(article, idx)]
        for piece in q.pieces:
            ev = Evidence(piece, q.rule)
            out.add(node, RDF.type, SDO.Quotation, ev)
            out.add(node, SDO.text, Literal(texts[node]), ev)
            out.add(node, RDFS.label, Literal(labels[node]), ev)
            if len(q.pieces) > 1 and texts[node] == q.text:
                # the text joins parts printed apart: said, so no reader takes it for words printed verbatim
                out.add(node, KG.joinedParts, Literal(len(q.pieces)), ev)
        for role in q.speakers:
            target = node_of(role.ref, role.span) if role.ref.type == "Person" else None
            if target is not None:
                out.add(node, SDO.creator, target, Evidence(role.span, q.rule))
        for m in q.about:
            target = node_of(m.ref, m.span)
            if target is not None and target not in speakers:
                out.add(node, SDO.about, target, Evidence(m.span, m.rule))
        out.add(node, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), iri("article", article_local(article)), None)
        if q.event is not None and (article, q.event) in event_of_record:
            ev_node = event_of_record[(article, q.event)]
            rec = by_article[article].events[q.event]
            out.add(node, SDO.isPartOf, ev_node, Evidence(rec.span, q.rule))
            for d in rec.dates:
                out.add(node, SDO.dateCreated, Literal(d.lexical, datatype=DATATYPES[d.precision]),
                        Evidence(d.span, d.rule, d.resolution))
        if q.parent is not None and (article, q.parent) in node_of_telling:
            parent_node = node_of_telling[(article, q.parent)]
            if parent_node != node:
                out.add(node, SDO.isPartOf, parent_node, Evidence(q.pieces[0], q.rule))
    # the bare schema:text added with no evidence when a node is created is kept only through its evidence
    for key in [k for k, v in out.facts.items() if not v and k[1] == SDO.text]:
        del out.facts[key]
