"""A canonical, fast Turtle (and N-Triples) writer: sorted, escaped, byte-identical.

rdflib's serializer is correct but slow and its layout is not a contract; this
writer sorts subjects, predicates (rdf:type first) and objects, abbreviates with
the declared prefixes only where the local name is plainly safe, and escapes
every control character (U+0000-U+001F, U+007F) as \\uXXXX so that rdflib,
rapper and Oxigraph read back the very same string.

Most of a graph's subjects are provenance records of one fixed shape (a statement,
a selector), each predicate with one value: `TurtleBlocks` writes each of those as
one block of text while it is made, with the same namer, so `turtle_chunks` only
groups, sorts and names the rest, and the text is the same to the byte.
"""

from __future__ import annotations

import re

from rdflib import RDF, XSD, BNode, Literal, URIRef

from graph.rdf.vocab import PREFIXES

_SAFE_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*\Z")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
# written bare only when the lexical form is already Turtle syntax (ASCII digits, exactly true or false)
_NATIVE = {XSD.integer: re.compile(r"[+-]?[0-9]+\Z"), XSD.boolean: re.compile(r"(?:true|false)\Z")}


def escape_string(s: str) -> str:
    def sub(m):
        ch = m.group()
        return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"

    return _NEEDS_ESCAPE.sub(sub, s)


def iri_ref(iri: str) -> str:
    return "<" + _IRI_BAD.sub(lambda m: f"%{ord(m.group()):02X}", iri) + ">"


def literal_nt(lit: Literal) -> str:
    out = '"' + escape_string(str(lit)) + '"'
    if lit.language:
        return f"{out}@{lit.language}"
    if lit.datatype is not None and lit.datatype != XSD.string:
        return f"{out}^^{iri_ref(str(lit.datatype))}"
    return out


def term_nt(t) -> str:
    if isinstance(t, URIRef):
        return iri_ref(str(t))
    if isinstance(t, Literal):
        return literal_nt(t)
    if isinstance(t, BNode):
        raise ValueError("blank nodes are not allowed in the graph")
    raise TypeError(f"not an RDF term: {t!r}")


class _Namer:
    def __init__(self, prefixes: dict[str, str]):
        # longest namespace first so id: never shadows a longer one
        self.prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self.used: set[str] = set()
        self.memo: dict = {}  # term -> its text: objects and predicates repeat thousands of times
        # When every namespace ends in / or #, only the one ending at an IRI's last / or # can
        # leave a local name without those characters, so one lookup replaces the scan.
        self.by_namespace = ({ns: prefix for prefix, ns in prefixes.items()}
                             if all(ns.endswith(("/", "#")) for ns in prefixes.values()) else None)

    def name(self, t) -> str:
        text = self.memo.get(t)
        if text is None:
            text = self.memo[t] = self._name(t)
        return text

    def _name(self, t) -> str:
        if isinstance(t, URIRef):
            s = str(t)
            if self.by_namespace is not None:
                cut = max(s.rfind("/"), s.rfind("#")) + 1
                prefix = self.by_namespace.get(s[:cut])
                local = s[cut:]
                if prefix is not None and (local == "" or _SAFE_LOCAL.match(local)):
                    self.used.add(prefix)
                    return f"{prefix}:{local}"
                return iri_ref(s)
            for prefix, ns in self.prefixes:
                if s.startswith(ns):
                    local = s[len(ns) :]
                    if local == "" or _SAFE_LOCAL.match(local):
                        self.used.add(prefix)
                        return f"{prefix}:{local}"
            return iri_ref(s)
        if isinstance(t, Literal):
            dt = t.datatype
            if dt in _NATIVE and _NATIVE[dt].match(str(t)):
                return str(t)
            out = '"' + escape_string(str(t)) + '"'
            if t.language:
                return f"{out}@{t.language}"
            if dt is not None and dt != XSD.string:
                return f"{out}^^{self.name(URIRef(dt))}"
            return out
        return term_nt(t)


_TYPE = str(RDF.type)


def _predicate_key(p) -> tuple:
    """Predicates in a subject's block: rdf:type first, then by IRI."""
    return (not str.__eq__(p, _TYPE), str(p))


class TurtleBlocks:
    """Subjects written as Turtle blocks while the graph is made, for `turtle_chunks` to place.

    A subject whose predicates each have one value, in one of a few fixed shapes (a
    provenance statement, a selector), is written once, here, with the namer
    `turtle_chunks` then uses for the rest: neither its triples nor their grouping by
    subject need to wait for the writer. The block is the text the general writer would
    make for the same triples, to the byte.
    """

    def __init__(self, prefixes: dict[str, str] | None = None):
        self.prefixes = prefixes or PREFIXES
        self.namer = _Namer(self.prefixes)
        self.text: dict = {}  # subject -> its block

    def __contains__(self, node) -> bool:
        return node in self.text

    def __len__(self) -> int:
        return len(self.text)

    def writer(self, predicates: tuple, fixed: tuple = (), plain: int = 0, object_nodes: bool = False):
        """A function write(node, values) that files node's block, replacing any it had.

        predicates: those whose one value each block is given: values[i] is predicates[i]'s.
        fixed: (predicate, object) pairs every block has (written once, into the layout).
        plain: how many of the last values are each in one block only (a selector's exact
        text): named without being remembered, so they neither fill nor search the namer's memo.
        object_nodes: whether the nodes are also objects (a selector is): their names are then
        remembered for the blocks that name them next.
        """
        entries = [(p, None, i) for i, p in enumerate(predicates)] + [(p, o, None) for p, o in fixed]
        if len({p for p, _, _ in entries}) != len(entries):
            raise ValueError(f"a block's predicates have one value each, and these repeat: {predicates}, {fixed}")
        entries.sort(key=lambda e: _predicate_key(e[0]))
        # The layout is named by a namer of its own, whose prefixes are declared once a block is
        # written: a shape never used declares nothing, as the general writer would not.
        layout = _Namer(self.prefixes)

        def line(p, o, i) -> str:
            """'    p o' with the value's slot: str.format's {i}, the subject being {0}."""
            text = "{%d}" % (i + 1) if i is not None else layout.name(o).replace("{", "{{").replace("}", "}}")
            p_text = "a" if str.__eq__(p, _TYPE) else layout.name(p)
            return "    " + p_text.replace("{", "{{").replace("}", "}}") + " " + text

        # the layout of turtle_chunks: "subject\n    p o ;\n    p o .\n"
        template = ("{0}\n" + " ;\n".join(line(*e) for e in entries) + " .\n").format
        layout_prefixes, declare = frozenset(layout.used), self.namer.used.update
        text, memo, name, plain_name = self.text, self.namer.memo, self.namer.name, self.namer._name
        subject_name = name if object_nodes else plain_name
        cut = len(predicates) - plain

        if plain:
            def write(node, values) -> None:
                declare(layout_prefixes)
                text[node] = template(subject_name(node), *[memo.get(o) or name(o) for o in values[:cut]],
                                      *[plain_name(o) for o in values[cut:]])
        else:
            def write(node, values) -> None:
                declare(layout_prefixes)
                text[node] = template(subject_name(node), *[memo.get(o) or name(o) for o in values])

        return write

    def drop(self, nodes) -> None:
        """Forget the blocks of `nodes` (their triples then go through the general writer)."""
        for node in nodes:
            self.text.pop(node, None)


def _sort_key(t) -> tuple:
    # the language too: "" and ""@aa of one subject and predicate are two objects, written in one order
    # whatever order they come in
    if isinstance(t, URIRef):
        return (0, str(t), "", "")
    return (1, str(t), str(getattr(t, "datatype", "") or ""), str(getattr(t, "language", "") or ""))


def to_turtle(triples, prefixes: dict[str, str] | None = None) -> str:
    """Serialise triples as sorted Turtle; only the prefixes actually used are declared."""
    return "".join(turtle_chunks(triples, prefixes))


def turtle_chunks(triples, prefixes: dict[str, str] | None = None, by_subject: dict | None = None,
                  blocks: TurtleBlocks | None = None) -> list[str]:
    """The Turtle text as pieces whose concatenation is `to_turtle`'s result.

    A large graph's Turtle runs to gigabytes; writing the pieces one by one spares
    the joined copy and its encoded copy (see write.write_atomic).
    by_subject: the triples already grouped, subject -> predicate -> objects (as
    `emit.emit` fills it); it is emptied as the text is made.
    blocks: subjects already written (as `emit.emit` fills it), placed in their sorted
    place among the others; their triples are not in by_subject. Its prefixes are used.
    """
    if blocks is not None and prefixes is not None and prefixes != blocks.prefixes:
        raise ValueError("turtle_chunks: the blocks were written with other prefixes than those given")
    namer = blocks.namer if blocks is not None else _Namer(prefixes or PREFIXES)
    prefixes = blocks.prefixes if blocks is not None else (prefixes or PREFIXES)
    written = blocks.text if blocks is not None else {}
    if by_subject is None:
        by_subject = {}
        for s, p, o in triples:
            if written and s in written:
                continue
            preds = by_subject.get(s)
            if preds is None:
                by_subject[s] = {p: [o]}
            elif p in preds:
                preds[p].append(o)
            else:
                preds[p] = [o]
    # The few dozen predicates are ranked and named once (rdf:type first, then by IRI), and
    # the order of each distinct set of them is worked out once: most subjects are statements
    # or selectors, which all have the same predicates. rdflib compares terms in Python code;
    # the plain-string comparisons here run in C.
    a_type, same = _TYPE, str.__eq__
    predicates = {p for preds in by_subject.values() for p in preds}
    ranked = sorted(predicates, key=_predicate_key)
    rank = {p: i for i, p in enumerate(ranked)}
    pname = {p: "a" if same(p, a_type) else namer.name(p) for p in ranked}
    orders: dict[tuple, list] = {}
    memo, name = namer.memo, namer.name
    pieces = []
    # subjects are IRIs (a literal cannot be one, a blank node is refused): their strings sort them
    # as _sort_key does, and str is a C function
    subjects = list(by_subject)
    if written:
        if any(s in written for s in subjects):
            raise ValueError("turtle_chunks: a subject has both a block and other triples")
        subjects += written
    subject_key = str if all(type(s) is URIRef for s in subjects) else _sort_key
    subjects.sort(key=subject_key)
    block_of = written.get
    for s in subjects:
        block = block_of(s) if written else None
        if block is not None:
            pieces.append(block)
            continue
        preds = by_subject.pop(s)  # freed as its text is made: the two never both peak
        key = tuple(preds)
        order = orders.get(key)
        if order is None:
            order = orders[key] = sorted(key, key=rank.__getitem__)
        lines = []
        for p in order:
            objs = preds[p]
            if len(objs) > 1:
                objs = sorted(set(objs), key=_sort_key)
                lines.append(f"    {pname[p]} " + " ,\n        ".join([memo.get(o) or name(o) for o in objs]))
            else:
                o = objs[0]
                lines.append(f"    {pname[p]} {memo.get(o) or name(o)}")
        # a subject is written once: not worth remembering unless it is also an object
        pieces.append(namer._name(s) + "\n" + " ;\n".join(lines) + " .\n")
    written.clear()
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(prefixes.items()) if p in namer.used)
    chunks = [header, "\n"]
    for i, block in enumerate(pieces):
        if i:
            chunks.append("\n")
        chunks.append(block)
    return chunks


def to_ntriples(triples) -> str:
    """Sorted N-Triples, one triple a line: diffable."""
    lines = sorted(f"{term_nt(s)} {term_nt(p)} {term_nt(o)} .\n" for s, p, o in triples)
    return "".join(lines)
