"""SPARQL over the built graph: one embedded store (Oxigraph), or a remote endpoint.

The store is pyoxigraph, chosen by measurement (README, "The store"): it parses the
graph and answers the shipped queries many times faster than rdflib's in-memory
graph. The rest of the package keeps rdflib as its API; only querying goes here.

Safety:
- parameters (`--bind name="Luna"`) go in as serialised RDF terms, in a VALUES
  block opening the WHERE group (graph/bind.py), or else through the engine's
  substitutions; a value's text is never pasted into the query;
- `SERVICE` (federated query) is refused unless explicitly allowed, because the
  engine would otherwise fetch a remote URL on a query's say-so;
- SPARQL Update is refused: the store is read-only.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import KgError, QueryError, RefusedQuery
from graph.rdf.formats import FORMATS, GRAPH_FORMATS, SELECT_FORMATS
from graph.resources import queries_dir
from graph.sparql.bind import values_block, values_first
from graph.sparql.lexer import code_and_iris, code_only, page_markers, top_level_words

MAX_DEPTH = 100  # nesting of { ( [ a query may have: Oxigraph's parser recurses per level, and overflows
                 # its stack (killing the process, no error) a few thousand levels down


@dataclass
class Result:
    """A query's answer: kind is select, ask or graph."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)  # pyoxigraph terms or None (unbound)
    boolean: bool | None = None
    triples: list = field(default_factory=list)  # pyoxigraph Triple objects


# ------------------------------------------------------------------ parsing and safety

_SERVICE_WORD = re.compile(r"service", re.IGNORECASE)
_UPDATE_START = re.compile(
    r"\s*(?:(?:BASE\s*<>|PREFIX\s+[^\s:]*:\s*<>)\s*)*"  # the prologue
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b(?![\w.-]*:)",  # not a prefixed name
    re.IGNORECASE)


def _unescape_codepoints(query: str) -> str:
    # SPARQL decodes \uXXXX escapes anywhere in a query before parsing it: so must the checks here
    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)) if int(m.group(1) or m.group(2), 16) < 0x110000 else "",
                  query)


def _readings(query: str) -> set[str]:
    return {query, _unescape_codepoints(query)}


def is_update(query: str) -> bool:
    """True when the text is a SPARQL Update request (INSERT, DELETE, LOAD, DROP…), not a query."""
    return any(_UPDATE_START.match(code_only(q)) for q in _readings(query))


def uses_service(query: str) -> bool:
    """True when the query may contain SERVICE: the engine would open a connection for it.

    A query without the word is safe; one with the word in its code is not. When the word
    appears only inside comments, strings or IRIs, a full SPARQL parser (rdflib's) decides,
    so that no lexical trick can hide a SERVICE clause from this check; a query it cannot
    parse counts as using SERVICE.
    """
    for text in _readings(query):
        if not _SERVICE_WORD.search(text):
            continue
        if re.search(r"\bSERVICE\b", code_only(text), re.IGNORECASE):
            return True
        if _parsed_service_cached(text) if len(text) < 20_000 else _parsed_service(text):
            return True
    return False


# rdflib's SPARQL parser (pyparsing) is not thread-safe: parsed from several threads at once (the
# endpoint's handlers) it fails on valid queries. One parse at a time in this process.
_PARSER = threading.Lock()


def _parsed_service(query: str) -> bool:
    """True when rdflib's parser finds a SERVICE clause in the query, or cannot read it.

    A query it finds a syntax error in is refused as such (QueryError, with the caret).
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        with _PARSER:
            tree = parseQuery(query)
    except ParseBaseException as err:
        raise syntax_error(query, str(err)) from None
    except Exception:  # noqa: BLE001 - a query that cannot be read cannot be cleared
        return True

    def walk(node) -> bool:
        if isinstance(node, str):
            return False
        if isinstance(node, CompValue):
            return node.name == "ServiceGraphPattern" or any(walk(v) for v in node.values())
        if isinstance(node, (list, tuple)) or hasattr(node, "as_list"):
            return any(walk(v) for v in node)
        return False

    return walk(tree)


_parsed_service_cached = functools.lru_cache(maxsize=256)(_parsed_service)  # a server sees the same queries again


def nesting_depth(query: str) -> int:
    """How deep the query's { ( [ nest, outside comments and strings (also once its \\u escapes are decoded).

    Brackets inside what looks like an IRI count too: `?a<((1))>?b` is read by the engine as two
    comparisons, so an IRI-shaped span must not hide brackets from this count.
    """
    deepest = 0
    for text in _readings(query):
        code = code_and_iris(text)
        depth = 0
        for m in re.finditer(r"[{(\[\])}]", code):
            if m.group() in "{([":
                depth += 1
                deepest = max(deepest, depth)
            else:
                depth = max(depth - 1, 0)
    return deepest


def check_depth(query: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse a query nested deeper than max_depth, before any parser reads it."""
    depth = nesting_depth(query)
    if depth > max_depth:
        raise QueryError(f"the query nests {{ ( [ {depth} deep, over the limit of {max_depth}",
                         "flatten the query: a deeper nesting would overflow the SPARQL parser")


def check_query(query: str, allow_service: bool = False) -> None:
    """Refuse over-deep queries, updates and (unless allowed) federated queries, with a clear message."""
    check_depth(query)  # first: the checks below parse the query, and so would recurse as deep
    if is_update(query):
        raise RefusedQuery("SPARQL Update is not allowed: the graph is read-only",
                           "rebuild the graph from articles and rules instead")
    if not allow_service and uses_service(query):
        raise RefusedQuery("SERVICE (federated query) is off: it would make the query fetch a remote URL",
                           "pass --allow-service if you trust the query")


def _located(query: str) -> tuple[int, int, str, str] | None:
    """(line, column, line text, message) of a syntax error as rdflib's parser places it, or None.

    Oxigraph reports the furthest point its parser tried, often the end of the query; rdflib's
    parser stops at the token it could not read, which is where a person should look.
    """
    try:
        from pyparsing import ParseBaseException
        from rdflib.plugins.sparql.parser import parseQuery
    except ImportError:
        return None
    try:
        with _PARSER:
            parseQuery(query)
    except ParseBaseException as err:
        message = re.sub(r"\s*\(at char \d+\).*$", "", str(err), flags=re.S)
        return err.lineno, err.col, err.line, message
    except Exception:  # noqa: BLE001 - rdflib failing otherwise says nothing about the place
        return None
    return None


def _excerpt(text: str, col: int, width: int = 100) -> tuple[str, int]:
    """A long line cut around the column, and the column within the cut."""
    if len(text) <= width:
        return text, col
    start = max(0, min(col - width // 2, len(text) - width))
    cut = ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
    return cut, col - start + (1 if start else 0)


def syntax_error(query: str, message: str) -> QueryError:
    """A QueryError quoting the offending line with a caret under the column."""
    found = _located(query)
    if found:
        line, col, text, detail = found
        text = text.expandtabs()
    else:
        m = re.search(r"(\d+):(\d+)", message)
        detail = re.sub(r"^error at \d+:\d+:\s*", "", message.splitlines()[0] if message else "").strip()
        if "Prefix not found" in message:
            detail = "undeclared prefix (declare it with PREFIX name: <IRI>)"
        elif len(detail) > 200:
            detail = detail[:199] + "…"
        if not m:
            return QueryError(f"SPARQL syntax error: {detail or message}")
        line, col = int(m.group(1)), int(m.group(2))
        lines = query.splitlines() or [""]
        raw = lines[min(max(line, 1), len(lines)) - 1]
        col = len(raw[: max(col - 1, 0)].expandtabs()) + 1
        text = raw.expandtabs()
    shown, caret_col = _excerpt(text, col)
    shown = "".join(ch if ch.isprintable() else " " for ch in shown)
    caret = " " * max(caret_col - 1, 0) + "^"
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {detail}\n  {shown}\n  {caret}")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape_literal(text: str, spec: str) -> str:
    """The value of a quoted literal's text, its SPARQL escapes (\\n, \\", \\u00e9…) decoded."""

    def one(m: re.Match) -> str:
        esc = m.group(1)
        if esc[0] in "uU" and len(esc) > 1:
            code = int(esc[1:], 16)
            if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                raise QueryError(f"--bind {spec!r}: \\{esc} is not a character")
            return chr(code)
        if esc in _ECHAR:
            return _ECHAR[esc]
        raise QueryError(f"--bind {spec!r}: unknown escape \\{esc}", r"the escapes are \t \n \r \b \f \" \' \\ \uXXXX")

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", one, text, flags=re.S)


def parse_binding(spec: str) -> tuple[str, object]:
    """`name=<IRI>`, `name="text"`, `name="text"@en`, `name="1"^^xsd:integer`, `name=42` -> (variable, term).

    The value becomes one RDF term, handed to the engine as a substitution: it is never
    pasted into the query text, so no value can change what the query does. A bare word is
    a plain string.
    """
    if "=" not in spec:
        raise QueryError(f"--bind {spec!r}: expected NAME=VALUE", 'e.g. --bind person=<https://…> or --bind name="Luna"')
    name, _, value = spec.partition("=")
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"--bind {spec!r}: {name!r} is not a variable name")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        try:
            return name, ox.NamedNode(value[1:-1])
        except ValueError as err:
            raise QueryError(f"--bind {spec!r}: not an IRI: {err}") from None
    m = re.fullmatch(r"""(["'])((?:(?!\1)[^\\]|\\.)*)\1(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?:<([^<>]+)>|xsd:(\w+)))?""",
                     value, re.S)
    if m:
        text = _unescape_literal(m.group(2), spec)
        try:
            if m.group(3):
                return name, ox.Literal(text, language=m.group(3))
            if m.group(4) or m.group(5):
                return name, ox.Literal(text, datatype=ox.NamedNode(m.group(4) or _XSD + m.group(5)))
            return name, ox.Literal(text)
        except ValueError as err:
            raise QueryError(f"--bind {spec!r}: {err}") from None
    for pattern, datatype in ((r"[+-]?\d+", "integer"), (r"[+-]?\d*\.\d+", "decimal"),
                              (r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+", "double"), (r"true|false", "boolean")):
        if re.fullmatch(pattern, value):
            return name, ox.Literal(value, datatype=ox.NamedNode(_XSD + datatype))
    return name, ox.Literal(value)


def page(query: str, limit: int | None, offset: int | None) -> str:
    """The query with `LIMIT limit OFFSET offset` as its own solution modifiers (`kg query --limit/--offset`).

    They go after the query's ORDER BY, before a trailing VALUES block, found by the lexer (so a
    LIMIT in a comment, a string or a subquery is not the query's); a query with a LIMIT or OFFSET
    of its own is refused rather than paged twice.

    A query may also mark the subquery that picks its rows with the comment `# kg:page-limit`
    (after that subquery's ORDER BY): with a limit, `LIMIT offset+limit` goes there too, so the
    engine gathers the rest of a row (lists, sources) for the page's subjects only, not for every
    one it sorts. The marked subquery must be written so that its first offset+limit rows give every
    row of the page (the shipped listings say how theirs do); the outer ORDER BY, LIMIT and OFFSET
    then cut the page from them, so the rows are those of the whole answer's slice.
    """
    if limit is None and offset is None:
        return query
    found = list(top_level_words(query, ("LIMIT", "OFFSET", "VALUES")))
    own = sorted({w for w, _ in found if w != "VALUES"})
    if own:
        raise QueryError(f"--limit/--offset: the query has its own {' and '.join(own)}",
                         "drop it from the query, or leave out --limit and --offset")
    clause = " ".join(part for part in (f"LIMIT {limit}" if limit is not None else "",
                                        f"OFFSET {offset}" if offset is not None else "") if part)
    values = [at for w, at in found if w == "VALUES"]
    if values:  # the trailing VALUES block comes after the solution modifiers
        paged = f"{query[:values[0]]}\n{clause}\n{query[values[0]:]}"
    else:
        paged = f"{query}\n{clause}\n"  # on a line of its own: the query may end in a comment
    if limit is not None:
        # from the last marker back, so the offsets of the earlier ones still hold; the LIMIT goes
        # before the comment, on the marker's line, which the comment ends
        for at in reversed(page_markers(paged)):
            paged = f"{paged[:at]}LIMIT {limit + (offset or 0)} {paged[at:]}"
    return paged


def check_bindings(query: str, bindings: dict[str, object]) -> None:
    """Refuse a binding for a variable the query does not have (a misspelt name would bind nothing)."""
    code = code_only(query)
    for name in sorted(bindings):
        if not re.search(rf"[?$]{re.escape(name)}(?![\w\u00b7\u0300-\u036f\u203f\u2040])", code):
            raise QueryError(f"--bind {name}=…: the query has no variable ?{name}",
                             "check the name against the query's variables")


def read_query(text_or_path: str | None, file: Path | None) -> str:
    """The query text from `-f FILE`, a path to a .rq file, or the argument itself."""
    if file is not None and text_or_path is not None:
        raise QueryError("a query and -f FILE were both given", "pass one of them")
    if file is not None:
        try:
            return Path(file).read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{file}: cannot read the query: {err.strerror}") from None
    if text_or_path is None:
        raise QueryError("no query given", "pass a query, a .rq file, or -f FILE")
    candidate = Path(text_or_path)
    if text_or_path.endswith(".rq") and not candidate.exists() and candidate.name == text_or_path:
        # a bare name such as `people.rq` that is no file here: one of the shipped queries
        shipped = queries_dir() / candidate.name
        if shipped.is_file():
            candidate = shipped
        else:
            names = ", ".join(q.name for q in sorted(queries_dir().glob("*.rq")))
            raise QueryError(f"{text_or_path}: no such file here, and no shipped query of that name",
                             f"the shipped queries are: {names}")
    if text_or_path.endswith(".rq") or (len(text_or_path) < 4096 and "\n" not in text_or_path and candidate.is_file()):
        try:
            return candidate.read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{candidate}: cannot read the query: {err.strerror}") from None
    return text_or_path


# ------------------------------------------------------------------ the embedded store


class Store:
    """The built graph in an Oxigraph store: the build's on-disk store (graph/sparql/persist.py),
    opened read-only, or graph.ttl loaded into memory."""

    def __init__(self, store: ox.Store, graph: Path | None = None, notice=None):
        self.store = store
        self.graph = graph  # set when `store` is the on-disk store of this graph.ttl, else None
        self.notice = notice  # told, in one line, when the on-disk store fails and graph.ttl is read instead

    @classmethod
    def from_file(cls, path: Path) -> "Store":
        """graph.ttl loaded into memory (seconds per million triples)."""
        path = Path(path)
        if not path.is_file():
            raise KgError(f"{path}: no such graph", "build one with: kg build, or pass --graph FILE")
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        except (SyntaxError, ValueError, OSError) as err:
            raise KgError(f"{path}: not valid Turtle: {err}") from None
        return cls(store)

    @classmethod
    def open(cls, path: Path, notice=None) -> "Store":
        """The graph at `path`: its on-disk store when fresh (milliseconds), else graph.ttl loaded.

        notice(line) is told "fresh", or why the store was not used: missing, stale (graph.ttl
        changed since the build), damaged. Either way the answers are those of graph.ttl.
        """
        from graph.sparql.persist import open_fresh

        path = Path(path)
        if not path.is_file():
            raise KgError(f"{path}: no such graph", "build one with: kg build, or pass --graph FILE")
        store, why = open_fresh(path)
        if store is not None:
            if notice:
                notice(f"{why} ({path.parent / '.store'})")
            return cls(store, graph=path, notice=notice)
        if notice:
            notice(f"{why}; reading {path} instead (kg build writes a fresh store)")
        return cls.from_file(path)

    def _fall_back(self, err: BaseException) -> None:
        """The on-disk store failed while reading: say so, and answer from graph.ttl from now on."""
        from graph.sparql.persist import _first_line, store_dir

        if self.notice:
            self.notice(f"{store_dir(self.graph)} failed while reading ({_first_line(err)}); "
                        f"reading {self.graph} instead (kg build writes a fresh store)")
        self.store, self.graph = Store.from_file(self.graph).store, None

    def select(self, query: str) -> Result:
        """A trusted query (the package's own, no parameters) run as it is: no checks, no limits."""
        while True:
            try:
                return _collect(self.store.query(query), None)
            except (OSError, RuntimeError) as err:
                if self.graph is None or not storage_failed(err):
                    raise QueryError(f"the query failed: {err}") from None
                self._fall_back(err)

    def query(self, query: str, bindings: dict[str, object] | None = None, allow_service: bool = False,
              limit: int | None = None, max_bytes: int | None = None) -> Result:
        """Run a query; raise QueryError for a syntax error, an update, SERVICE, too many rows or bytes."""
        check_query(query, allow_service)
        check_bindings(query, bindings or {})
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        # a VALUES block at the head of WHERE lets the engine start from the bound value;
        # the engine's substitutions, applied to the finished answer, are the fallback
        bound = values_first(query, bindings or {})
        while True:
            try:
                return self._run(query, bound, subs, limit, max_bytes)
            except (OSError, RuntimeError) as err:  # the on-disk store could not be read: graph.ttl answers
                if self.graph is None:
                    raise QueryError(f"the query failed: {err}") from None
                self._fall_back(err)

    def _run(self, query: str, bound: str | None, subs: dict, limit: int | None, max_bytes: int | None) -> Result:
        try:
            if bound is not None:
                try:
                    answer = self.store.query(bound)
                except SyntaxError:
                    answer = self.store.query(query, substitutions=subs or None)
            else:
                answer = self.store.query(query, substitutions=subs or None)
        except SyntaxError as err:
            raise syntax_error(query, str(err)) from None
        except (OSError, RuntimeError) as err:
            if storage_failed(err):
                raise
            raise QueryError(f"the query failed: {err}") from None
        except (ValueError, TypeError) as err:
            unreturned = re.search(r"variable \?(\w+) in its SELECT projection", str(err))
            if unreturned:  # the engine substitutes only variables the query returns
                raise QueryError(f"--bind {unreturned.group(1)}=…: ?{unreturned.group(1)} is not among the "
                                 "variables the query returns", "add it to the SELECT clause, or SELECT *") from None
            raise QueryError(f"the query failed: {err}") from None
        try:
            return _collect(answer, limit, max_bytes)  # solutions are computed while they are read: errors come here too
        except (OSError, RuntimeError) as err:
            if storage_failed(err):
                raise
            raise QueryError(f"the query failed: {err}") from None
        except (ValueError, TypeError) as err:
            raise QueryError(f"the query failed: {err}") from None


def storage_failed(err: BaseException) -> bool:
    """True when an engine error is the database failing (RocksDB's "Corruption: …", "IO error: …",
    or an OSError), not the query: then graph.ttl can still answer."""
    return isinstance(err, OSError) or bool(re.match(r"\s*(Corruption|IO error)\b", str(err)))


def too_large(max_bytes: int) -> QueryError:
    """The refusal of an answer over the byte limit (never sent in part)."""
    return QueryError(f"the answer is larger than the limit of {max_bytes} bytes",
                      "add a LIMIT, or select fewer or shorter values")


def _size(term) -> int:
    if term is None:
        return 0
    if isinstance(term, ox.Literal):
        return len(term.value) + len(term.datatype.value)
    return len(getattr(term, "value", None) or str(term))


def _collect(answer, limit: int | None, max_bytes: int | None = None) -> Result:
    """The answer read into a Result, stopping as soon as it passes limit rows or (roughly) max_bytes.

    The byte count here is of the terms' text, a lower bound of any serialisation; the caller
    checks the serialised bytes exactly. Stopping early keeps one huge answer out of memory.
    """
    size = 0
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = []
        for solution in answer:
            row = [solution[v] for v in variables]
            rows.append(row)
            if limit is not None and len(rows) > limit:
                raise QueryError(f"the result has more than {limit} rows", "add a LIMIT to the query")
            if max_bytes is not None:
                size += sum(map(_size, row))
                if size > max_bytes:
                    raise too_large(max_bytes)
        return Result("select", variables=variables, rows=rows)
    triples = []
    for t in answer:
        triples.append(t)
        if limit is not None and len(triples) > limit:
            raise QueryError(f"the result has more than {limit} triples", "add a LIMIT to the query")
        if max_bytes is not None:
            size += _size(t.subject) + _size(t.predicate) + _size(t.object)
            if size > max_bytes:
                raise too_large(max_bytes)
    return Result("graph", triples=triples)


# ------------------------------------------------------------------ a remote endpoint


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint, behind the same interface as Store."""

    def __init__(self, endpoint: str, user: str | None = None, password: str | None = None, timeout: float = 60.0):
        if not re.match(r"https?://", endpoint):
            raise QueryError(f"--endpoint {endpoint!r}: expected an http(s) URL")
        self.endpoint, self.timeout = endpoint, timeout
        self.headers = {}
        if user is not None:
            import base64

            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"

    def query(self, query: str, bindings: dict[str, object] | None = None, allow_service: bool = False,
              limit: int | None = None) -> Result:
        check_query(query, allow_service=True)  # the remote store decides about SERVICE
        check_bindings(query, bindings or {})
        if bindings:
            # a VALUES block of properly serialised RDF terms, after the query: no text is pasted inside it
            query = f"{query}\n{values_block(bindings)}"
        data = urllib.parse.urlencode({"query": query}).encode()
        accept = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
        req = urllib.request.Request(self.endpoint, data=data, headers={
            **self.headers, "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body, ctype = resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace")[:300]
            raise QueryError(f"{self.endpoint} answered {err.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as err:
            raise QueryError(f"{self.endpoint}: cannot reach the endpoint: {getattr(err, 'reason', err)}") from None
        if "json" in ctype and "ld+json" not in ctype:
            fmt = ox.QueryResultsFormat.JSON
            return _collect(ox.parse_query_results(body, format=fmt), limit)
        fmt = ox.RdfFormat.N_TRIPLES if "n-triples" in ctype else ox.RdfFormat.TURTLE
        return Result("graph", triples=[q.triple for q in ox.parse(body, format=fmt)])


def open_store(graph: Path, endpoint: str | None = None, user=None, password=None, notice=None):
    """The remote endpoint, else the built graph (its on-disk store when fresh, see Store.open)."""
    return RemoteStore(endpoint, user, password) if endpoint else Store.open(graph, notice)


# ------------------------------------------------------------------ output


def term_text(t) -> str:
    """A term as a person reads it in a table: IRIs bare, literals by their value."""
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.Literal):
        return t.value
    return str(t)


_XSD_STRING = _XSD + "string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_rdflib(t):
    """A pyoxigraph term as rdflib reads the same term from Turtle (a plain string has no datatype)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value) if dt == _XSD_STRING else Literal(t.value, datatype=URIRef(dt))
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    return t


def rdflib_converter():
    """to_rdflib with the IRIs it has made kept: a graph names the same few thousand nodes and
    properties again and again."""
    from rdflib import URIRef

    iris: dict[str, object] = {}

    def convert(t):
        if isinstance(t, ox.NamedNode):
            iri = iris.get(t.value)
            if iri is None:
                iri = iris[t.value] = URIRef(t.value)
            return iri
        return to_rdflib(t)

    return convert


def _cell(s: str, width: int = 80) -> str:
    s = "".join(ch if ch.isprintable() else " " for ch in s)  # never a control character on a terminal
    return s if len(s) <= width else s[: width - 1] + "…"


def format_table(result: Result) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    cells = [[_cell(term_text(t)) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out)


def serialize(result: Result, fmt: str) -> bytes:
    """The W3C results format (select/ask) or an RDF syntax (graph results): a format of the registry."""
    if result.kind == "graph":
        fmt = "turtle" if fmt == "table" else fmt  # a graph has no table: Turtle is its plain text
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"--format {fmt} is for SELECT/ASK; a graph result takes one of: {', '.join(GRAPH_FORMATS)}")
    elif fmt not in SELECT_FORMATS:
        raise QueryError(f"--format {fmt}: a SELECT/ASK result takes one of: {', '.join(SELECT_FORMATS)}")
    return FORMATS[fmt].write_result(result)


# The writers of the registry (graph/rdf/formats.py): a graph result in an RDF syntax,
# a SELECT/ASK result in a W3C results format or as a table.


def write_turtle(result: Result) -> bytes:
    return ox.serialize(result.triples, format=ox.RdfFormat.TURTLE) or b""


def write_nt(result: Result) -> bytes:
    return ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES) or b""


def write_jsonld(result: Result) -> bytes:
    return ox.serialize(result.triples, format=ox.RdfFormat.JSON_LD) or b""


def write_rdfxml(result: Result) -> bytes:
    return ox.serialize(result.triples, format=ox.RdfFormat.RDF_XML) or b""


def write_table(result: Result) -> bytes:
    return (format_table(result) + "\n").encode("utf-8")


def write_json(result: Result) -> bytes:
    return json.dumps(_results_json(result), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def write_xml(result: Result) -> bytes:
    return _results_xml(result).encode("utf-8")


def write_csv(result: Result) -> bytes:
    return _results_csv(result, "csv").encode("utf-8")


def write_tsv(result: Result) -> bytes:
    return _results_csv(result, "tsv").encode("utf-8")


def _term_json(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def _results_json(result: Result) -> dict:
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    return {"head": {"vars": result.variables},
            "results": {"bindings": [{v: _term_json(t) for v, t in zip(result.variables, row) if t is not None}
                                     for row in result.rows]}}


def _xml_escape(s: str) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    # XML 1.0 cannot carry most C0 characters at all, even escaped: write them as visible escapes
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda m: f"\\u{ord(m.group()):04X}", s)


def _results_xml(result: Result) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "  <head>"]
    if result.kind == "ask":
        out += ["  </head>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    out += [f'    <variable name="{_xml_escape(v)}"/>' for v in result.variables]
    out += ["  </head>", "  <results>"]
    for row in result.rows:
        out.append("    <result>")
        for v, t in zip(result.variables, row):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                inner = f"<uri>{_xml_escape(t.value)}</uri>"
            elif isinstance(t, ox.BlankNode):
                inner = f"<bnode>{_xml_escape(t.value)}</bnode>"
            elif t.language:
                inner = f'<literal xml:lang="{_xml_escape(t.language)}">{_xml_escape(t.value)}</literal>'
            elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                inner = f'<literal datatype="{_xml_escape(t.datatype.value)}">{_xml_escape(t.value)}</literal>'
            else:
                inner = f"<literal>{_xml_escape(t.value)}</literal>"
            out.append(f'      <binding name="{_xml_escape(v)}">{inner}</binding>')
        out.append("    </result>")
    out += ["  </results>", "</sparql>"]
    return "\n".join(out) + "\n"


def _tsv_term(t) -> str:
    if t is None:
        return ""
    return str(t).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _results_csv(result: Result, fmt: str) -> str:
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([term_text(t) for t in row])
        return buf.getvalue()
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"
