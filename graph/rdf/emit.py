"""Turn resolved facts into RDF triples, each fact reified with its evidence.

For every (fact, piece of evidence) one `rdf:Statement` node names the article
(prov:wasDerivedFrom, oa:hasSource), the rule (prov:wasGeneratedBy), an
`oa:TextPositionSelector` whose offsets slice exactly its oa:exact, the sentence
around it (kg:sentence), and for a date the rule that resolved it (kg:dateResolution).
IRIs are hashes of content, so the same input gives the same IRIs.

Those records are nine in ten of the graph's triples. Given a `turtle.TurtleBlocks`,
`emit` writes each statement and each selector as its Turtle block as it makes it, and
keeps their triples in a plain list (each record is made once: nothing to deduplicate),
so only the story's triples go through the set and the grouping by subject.
"""

from __future__ import annotations

import functools
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from graph.records import Span
from graph.resolve.resolve import Evidence, Facts, article_local
from graph.rules.catalogue import CODE_RULES
from graph.rules.ruleset import RuleSet
from graph.rdf.turtle import TurtleBlocks
from graph.rdf.vocab import KG, OA, PROV, SDO, digest, iri, slug

@functools.lru_cache(maxsize=None)  # a few hundred rules, each named by thousands of facts
def rule_iri(rule_id: str) -> URIRef:
    s = slug(rule_id)
    return iri("rule", s if s == rule_id else f"{s}-{digest(rule_id, length=8)}")


@functools.lru_cache(maxsize=4096)  # facts come article by article
def article_iri(article_id: str) -> URIRef:
    return iri("article", article_local(article_id))


@functools.lru_cache(maxsize=4096)
def _article_local(article_id: str) -> str:
    return article_local(article_id)


def selector_iri(span: Span) -> URIRef:
    return iri("selector", f"{_article_local(span.article)}-{span.start}-{span.end}")


def _term_key(t) -> str:
    return t.n3()


def emit(facts: Facts, rules: RuleSet, texts: dict[str, str], by_subject: dict | None = None,
         blocks: TurtleBlocks | None = None) -> set[tuple] | list[tuple]:
    """All triples of the graph, each once: ontology, articles, rules, facts and their provenance.

    by_subject: a dict to fill with the same triples grouped as subject -> predicate ->
    objects, in the order made, for `turtle.turtle_chunks`: grouped here, as each triple is
    made, it costs a fraction of a later pass over millions of triples.
    blocks: where to write each provenance statement and selector as its Turtle block
    (for `turtle.turtle_chunks`); their triples then stay out of by_subject, and the
    triples come back as a list rather than a set.
    """
    triples: set[tuple] = set()
    add = triples.add if by_subject is None else _grouping_add(triples, by_subject)
    records: list[tuple] = []  # the provenance records' triples, when they are written as blocks
    for t in rules.ontology.graph():
        add(t)
    one = _interner()
    evidence = _evidence_writer(add, one, facts, texts, blocks, records.extend)
    _articles(add, one, evidence, facts)
    for (s, p, o), found in facts.facts.items():
        s, p, o = one(s), one(p), one(o)
        add((s, p, o))
        keys = (_term_key(s), _term_key(p), _term_key(o))
        for ev in found:
            evidence(s, p, o, ev, keys)
    _rules(add, rules, set(facts.rules_used) | {"article-headline", "article-date-marker"})
    if blocks is None:
        return triples
    story = by_subject if by_subject is not None else {t[0] for t in triples}
    clash = {s for s in story if s in blocks}
    if clash:  # a story triple about a record: the general writer writes the record with it
        blocks.drop(clash)
        for t in records:
            if t[0] in clash:
                add(t)
        records = [t for t in records if t[0] not in clash]
    records.extend(triples)
    return records


def _interner():
    """One object per IRI: dictionaries and sets downstream (the writer, the view) then find a
    term by identity, where two equal but distinct rdflib terms are compared in Python code."""
    interned: dict = {}

    def one(t):
        if type(t) is not URIRef:
            return t
        key = str(t)
        found = interned.get(key)
        if found is None:
            found = interned[key] = t
        return found

    return one


def _evidence_writer(add, one, facts: Facts, texts: dict[str, str], blocks: TurtleBlocks | None = None, keep=None):
    """The function that reifies one fact with one piece of evidence: the statement, its article,
    rule, selector, sentence and date resolution. The hot loop of a build: terms are looked up
    once here, not once per triple.

    With blocks, each statement and selector is written there as one Turtle block and its
    triples are handed to keep (a list's extend), not to add.
    """
    a_type, statement, subj, pred, obj = _A_TYPE, RDF.Statement, RDF.subject, RDF.predicate, RDF.object
    derived, generated, source, selector = PROV.wasDerivedFrom, PROV.wasGeneratedBy, OA.hasSource, OA.hasSelector
    in_sentence, resolved_by = KG.sentence, KG.dateResolution
    selectors_done: set = set()  # a selector shared by many facts is described once
    selector_nodes: dict = {}

    def selector_node(span: Span) -> URIRef:
        key = (span.article, span.start, span.end)
        node = selector_nodes.get(key)
        if node is None:
            node = selector_nodes[key] = selector_iri(span)
        return node

    if blocks is None:
        def record(node, s, p, o, art, rule, sel, ssel, resolution) -> None:
            add((node, a_type, statement))
            add((node, subj, s))
            add((node, pred, p))
            add((node, obj, o))
            add((node, derived, art))
            add((node, generated, rule))
            add((node, source, art))
            add((node, selector, sel))
            if ssel is not None:
                add((node, in_sentence, ssel))
            if resolution is not None:
                add((node, resolved_by, resolution))

        def describe(sel: URIRef, span: Span) -> None:
            _selector(add, sel, span)
    else:
        # one shape of block per combination of the optional sentence and date resolution
        shape, typed = (subj, pred, obj, derived, generated, source, selector), ((a_type, statement),)
        write = {(False, False): blocks.writer(shape, typed), (True, False): blocks.writer(shape + (in_sentence,), typed),
                 (False, True): blocks.writer(shape + (resolved_by,), typed),
                 (True, True): blocks.writer(shape + (in_sentence, resolved_by), typed)}
        write_selector = blocks.writer((_START, _END, _EXACT), ((_A_TYPE, _SELECTOR_CLASS),), plain=1,
                                        object_nodes=True)

        def record(node, s, p, o, art, rule, sel, ssel, resolution) -> None:
            if node in blocks:  # the same evidence again: the same record
                return
            values = (s, p, o, art, rule, art, sel)
            triples = [(node, a_type, statement), (node, subj, s), (node, pred, p), (node, obj, o),
                       (node, derived, art), (node, generated, rule), (node, source, art), (node, selector, sel)]
            if ssel is not None:
                values += (ssel,)
                triples.append((node, in_sentence, ssel))
            if resolution is not None:
                values += (resolution,)
                triples.append((node, resolved_by, resolution))
            write[ssel is not None, resolution is not None](node, values)
            keep(triples)

        def describe(sel: URIRef, span: Span) -> None:
            values = (_offset(span.start), _offset(span.end), Literal(span.exact))
            write_selector(sel, values)
            keep(((sel, _A_TYPE, _SELECTOR_CLASS), (sel, _START, values[0]), (sel, _END, values[1]),
                  (sel, _EXACT, values[2])))

    def evidence_node(s, p, o, ev: Evidence, keys: tuple | None = None) -> None:
        span = ev.span
        node = iri("fact", digest(*(keys or (_term_key(s), _term_key(p), _term_key(o))), span.article,
                                  str(span.start), str(span.end), ev.rule, ev.resolution or "", length=24))
        art = one(article_iri(span.article))
        sel = selector_node(span)
        if sel not in selectors_done:
            selectors_done.add(sel)
            describe(sel, span)
        ssel = None
        sentence = _sentence_of(facts.sentences.get(span.article, ()), span)
        if sentence and texts.get(span.article) is not None:
            a, b = sentence
            ssel = selector_node(Span(span.article, a, b, ""))
            if ssel not in selectors_done:
                selectors_done.add(ssel)
                describe(ssel, Span(span.article, a, b, texts[span.article][a:b]))
        resolution = rule_iri(ev.resolution) if ev.resolution and ev.resolution != "absolute" else None
        record(node, s, p, o, art, rule_iri(ev.rule), sel, ssel, resolution)

    return evidence_node


def _articles(add, one, evidence, facts: Facts) -> None:
    """Each article: its type, identifier, label, and the headline and date the loader read."""
    for aid in sorted(facts.articles):
        meta = facts.articles[aid]
        art = one(article_iri(aid))
        add((art, RDF.type, SDO.NewsArticle))
        add((art, SDO.identifier, Literal(aid)))
        add((art, RDFS.label, Literal(meta.headline.exact if meta.headline else aid)))
        if meta.headline:
            o = Literal(meta.headline.exact)
            add((art, SDO.headline, o))
            evidence(art, SDO.headline, o, Evidence(meta.headline, "article-headline"))
        if meta.date:
            o = Literal(meta.date, datatype=XSD.date)
            add((art, SDO.datePublished, o))
            evidence(art, SDO.datePublished, o, Evidence(meta.date_span, "article-date-marker"))


def _rules(add, rules: RuleSet, used: set[str]) -> None:
    """Each rule that produced something: its id, kind, where it is written and what it does."""
    rules_dir = Path(rules.source_dir)
    for rid in sorted(used):
        node = rule_iri(rid)
        add((node, RDF.type, KG.Rule))
        add((node, RDFS.label, Literal(rid)))
        rule = rules.find(rid)
        if rule is not None:
            where = Path(rule.path).relative_to(rules_dir) if Path(rule.path).is_relative_to(rules_dir) else rule.path
            add((node, KG.ruleKind, Literal(rule.kind)))
            add((node, KG.definedIn, Literal(f"{where}:{rule.line}")))
            if rule.get("description"):
                add((node, RDFS.comment, Literal(str(rule.get("description")))))
        elif rid in CODE_RULES:
            code = CODE_RULES[rid]
            add((node, KG.ruleKind, Literal(code.kind)))
            add((node, KG.definedIn, Literal(code.defined_in)))
            add((node, RDFS.comment, Literal(code.meaning)))
        else:
            inference = next((i for i in rules.settings["relations"].get("inferences", []) if i.get("id") == rid), None)
            if inference:
                add((node, KG.ruleKind, Literal("relations")))
                add((node, KG.definedIn, Literal("relations.yaml")))
                add((node, RDFS.comment, Literal(f"inference: {inference.get('infer')}")))


def _grouping_add(triples: set, by_subject: dict):
    """`triples.add` that also files each new triple under its subject and predicate."""
    put, get = triples.add, by_subject.get

    def add(t) -> None:
        size = len(triples)
        put(t)
        if len(triples) == size:  # already there: the size tells, without hashing the triple twice
            return
        s, p, o = t
        preds = get(s)
        if preds is None:
            by_subject[s] = {p: [o]}
        elif p in preds:
            preds[p].append(o)
        else:
            preds[p] = [o]

    return add


# a Namespace makes a new term at each attribute lookup: these are made once (see `one` in emit)
_A_TYPE, _SELECTOR_CLASS, _START, _END, _EXACT = RDF.type, OA.TextPositionSelector, OA.start, OA.end, OA.exact


@functools.lru_cache(maxsize=65536)  # offsets repeat from article to article; rdflib makes a Literal slowly
def _offset(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _selector(add, sel: URIRef, span: Span) -> None:
    add((sel, _A_TYPE, _SELECTOR_CLASS))
    add((sel, _START, _offset(span.start)))
    add((sel, _END, _offset(span.end)))
    add((sel, _EXACT, Literal(span.exact)))


def _sentence_of(sentences, span: Span):
    for a, b in sentences:
        if a <= span.start < b:
            return (a, max(b, span.end)) if span.end <= b else None
    return None
