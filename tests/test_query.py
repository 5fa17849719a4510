"""kg query: the ways to give a query, every output format checked by an independent parser,
ASK exit codes, syntax errors with a caret, safe --bind, and SERVICE refused without a connection."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.query import Result

from conftest import ROOT, run_kg

SCHEMA = "https://schema.org/"
PERSON = "https://w3id.org/kg-news/id/person/"
SRX = "{http://www.w3.org/2005/sparql-results#}"
PEOPLE_NAMES = f"SELECT ?name WHERE {{ ?p a <{SCHEMA}Person> ; <{SCHEMA}name> ?name }} ORDER BY ?name"
HOSTILE = 'x" } ; DROP ALL ; #'


@pytest.fixture(scope="module")
def graph(seed_build) -> Path:
    return seed_build / "graph.ttl"


def kg_query(graph: Path, *args, **kwargs):
    return run_kg("query", "--graph", graph, *args, **kwargs)


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def read_table(text: str) -> tuple[list[str], list[list[str]], str]:
    """(header, rows, footer) of an aligned table, cut at the columns the dashes line marks."""
    lines = text.rstrip("\n").split("\n")
    header, dashes, *rows, footer = lines
    spans = [m.span() for m in re.finditer(r"-+", dashes)]
    starts = [a for a, _ in spans] + [None]

    def cut(line: str) -> list[str]:
        for a in starts[1:-1]:
            assert len(line) <= a or line[a - 2:a] == "  ", f"not aligned at column {a}: {line!r}"
        return [line[a:b].strip() for a, b in zip(starts, starts[1:])]

    return cut(header), [cut(r) for r in rows], footer


def expected_rows(graph: Path, query: str) -> list[tuple[str, ...]]:
    from graph.sparql.store import Store, term_text

    result = Store.from_file(graph).query(query)
    return [tuple(term_text(t) for t in row) for row in result.rows]


def rows_of(parsed: Result) -> list[tuple[str, ...]]:
    return [tuple("" if v is None else str(v) for v in row) for row in parsed]


# ------------------------------------------------------------------ giving the query


def test_inline_text_path_file_and_graph_option_give_the_same_table(graph, tmp_path):
    text = (ROOT / "schema" / "queries" / "people.rq").read_text(encoding="utf-8")
    copy = tmp_path / "mine.sparql"
    copy.write_text(text, encoding="utf-8")
    by_path = ok(kg_query(graph, "schema/queries/people.rq"))
    assert ok(kg_query(graph, text)) == by_path
    assert ok(kg_query(graph, "-f", copy)) == by_path
    header, rows, footer = read_table(by_path)
    assert header == ["name", "relation", "relative"]
    assert [tuple(r) for r in rows] == expected_rows(graph, text)
    assert footer == f"({len(rows)} rows)"
    assert ["John Legend", "spouse", "Chrissy Teigen"] in rows


def test_the_table_is_aligned_and_holds_what_csv_holds(graph):
    header, rows, _ = read_table(ok(kg_query(graph, "schema/queries/quotations.rq")))
    table = list(csv.reader(io.StringIO(ok(kg_query(graph, "schema/queries/quotations.rq", "--format", "csv")))))
    assert table[0] == header
    shorten = [[v if len(v) <= 80 else v[:79] + "…" for v in r] for r in table[1:]]  # a cell shows 80 characters
    assert rows == shorten


def test_graph_option_reads_another_graph(tmp_path):
    small = tmp_path / "small.ttl"
    small.write_text(f'<{PERSON}a> a <{SCHEMA}Person> ; <{SCHEMA}name> "Ann" .\n', encoding="utf-8")
    _, rows, footer = read_table(ok(kg_query(small, PEOPLE_NAMES)))
    assert rows == [["Ann"]] and footer == "(1 row)"


def test_missing_graph_and_missing_query_are_clean_errors(tmp_path):
    for result in (kg_query(tmp_path / "none.ttl", PEOPLE_NAMES), run_kg("query", "--graph", tmp_path / "x.ttl"),
                   run_kg("query", "schema/queries/nope.rq")):
        assert result.returncode == 2
        assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr


# ------------------------------------------------------------------ the W3C results formats


QUOTES = (ROOT / "schema" / "queries" / "quotations.rq").read_text(encoding="utf-8")


def test_json_results(graph):
    doc = json.loads(ok(kg_query(graph, "schema/queries/quotations.rq", "--format", "json")))
    assert doc["head"]["vars"] == ["speaker", "date", "text", "article"]
    bindings = doc["results"]["bindings"]
    assert len(bindings) == len(expected_rows(graph, QUOTES))
    dated = [b for b in bindings if "date" in b]
    assert dated and len(dated) < len(bindings), "unbound dates are left out of a solution"
    assert all(b["speaker"]["type"] == "literal" and "datatype" not in b["speaker"] for b in bindings)
    assert {b["date"]["datatype"] for b in dated} <= {"http://www.w3.org/2001/XMLSchema#" + t
                                                       for t in ("date", "gYearMonth", "gYear")}
    people = json.loads(ok(kg_query(graph, f"SELECT ?p WHERE {{ ?p a <{SCHEMA}Person> }}", "--format", "json")))
    assert {b["p"]["type"] for b in people["results"]["bindings"]} == {"uri"}


def test_xml_results(graph):
    root = ET.fromstring(ok(kg_query(graph, "schema/queries/quotations.rq", "--format", "xml")).encode("utf-8"))
    assert root.tag == f"{SRX}sparql"
    assert [v.get("name") for v in root.iter(f"{SRX}variable")] == ["speaker", "date", "text", "article"]
    results = root.findall(f"{SRX}results/{SRX}result")
    assert len(results) == len(expected_rows(graph, QUOTES))
    dates = [b for b in root.iter(f"{SRX}binding") if b.get("name") == "date"]
    assert dates and all(b.find(f"{SRX}literal").get("datatype", "").startswith("http://www.w3.org/2001/XMLSchema#")
                         for b in dates)


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_every_results_format_reads_back_with_rdflib(graph, fmt):
    out = ok(kg_query(graph, "schema/queries/quotations.rq", "--format", fmt))
    parsed = Result.parse(io.BytesIO(out.encode("utf-8")), format=fmt)
    assert [str(v) for v in parsed.vars] == ["speaker", "date", "text", "article"]
    assert sorted(rows_of(parsed)) == sorted(expected_rows(graph, QUOTES))


def test_csv_and_tsv_headers(graph):
    def raw(fmt: str) -> bytes:
        done = subprocess.run([sys.executable, "-m", "graph", "query", "--graph", str(graph), PEOPLE_NAMES,
                               "--format", fmt], cwd=ROOT, capture_output=True, check=True)
        return done.stdout

    assert raw("csv").split(b"\r\n")[:2] == [b"name", b"Alana Hadid"]  # CSV lines end with CRLF
    assert raw("tsv").split(b"\n")[:2] == [b"?name", b'"Alana Hadid"']  # TSV names carry the ?


def test_ask_prints_true_or_false_and_exits_0_or_1(graph):
    yes = kg_query(graph, f"ASK {{ ?p <{SCHEMA}name> \"Luna\" }}")
    no = kg_query(graph, f"ASK {{ ?p <{SCHEMA}name> \"Nobody\" }}")
    assert (yes.returncode, yes.stdout) == (0, "true\n")
    assert (no.returncode, no.stdout) == (1, "false\n")
    assert json.loads(ok(kg_query(graph, f"ASK {{ ?p a <{SCHEMA}Person> }}", "--format", "json"))) == {
        "head": {}, "boolean": True}


CONSTRUCT = (f"CONSTRUCT {{ ?a <{SCHEMA}spouse> ?b }} WHERE {{ ?a <{SCHEMA}spouse> ?b }}")


@pytest.mark.parametrize("fmt,rdflib_format", [("table", "turtle"), ("turtle", "turtle"), ("nt", "nt"),
                                               ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_construct_gives_a_graph(graph, seed_graph, fmt, rdflib_format):
    out = ok(kg_query(graph, CONSTRUCT, "--format", fmt))
    got = Graph().parse(data=out, format=rdflib_format)
    expected = seed_graph.query(CONSTRUCT).graph
    assert len(got) >= 2
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(f"only in kg query: {sorted(only_got)[:5]}\nonly in rdflib: {sorted(only_expected)[:5]}")


def test_describe_gives_turtle(graph):
    got = Graph().parse(data=ok(kg_query(graph, f"DESCRIBE <{PERSON}luna>")), format="turtle")
    assert {str(o) for o in got.objects(predicate=None)} >= {"Luna"}
    assert {str(s) for s in got.subjects()} == {PERSON + "luna"}


def test_a_select_format_on_a_graph_result_is_refused(graph):
    result = kg_query(graph, CONSTRUCT, "--format", "csv")
    assert result.returncode == 2 and "turtle, nt, jsonld" in result.stderr


# ------------------------------------------------------------------ syntax errors


def test_syntax_error_quotes_the_line_with_a_caret(graph):
    query = f"PREFIX schema: <{SCHEMA}>\nSELECT ?name\nWHERE {{ ?p schema:name ?name . FOO }}\n"
    result = kg_query(graph, query)
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.rstrip("\n").split("\n")
    assert len(lines) == 3 and sum(line.startswith("Error:") for line in lines) == 1, result.stderr
    m = re.match(r"Error: SPARQL syntax error at line 3, column (\d+): ", lines[0])
    assert m, lines[0]
    assert lines[1] == "  WHERE { ?p schema:name ?name . FOO }"
    caret = lines[2].index("^")
    assert lines[2].strip() == "^" and lines[1][caret:caret + 3] == "FOO"
    assert caret - 1 == int(m.group(1)), "the column counts from 1 after the two-space indent"


@pytest.mark.parametrize("query", ["SELEC ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE { ?x ?p \"open }",
                                   "SELECT ?x WHERE { ?x nope:p ?o }", "SELECT ?x WHERE { ?x ?p ?o } LIMT 3"])
def test_every_syntax_error_is_one_clean_error(graph, query):
    result = kg_query(graph, query)
    assert result.returncode == 2 and result.stdout == ""
    assert re.match(r"Error: SPARQL syntax error at line 1, column \d+: ", result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("Error:") == 1
    assert result.stderr.rstrip("\n").split("\n")[-1].strip() == "^"


def test_update_is_refused(graph):
    result = kg_query(graph, f"PREFIX s: <{SCHEMA}> INSERT DATA {{ <{PERSON}x> s:name \"X\" }}")
    assert result.returncode == 2 and "read-only" in result.stderr and "Traceback" not in result.stderr
    # a prefixed name that begins like an update keyword is not an update
    assert ok(kg_query(graph, f"PREFIX add: <{SCHEMA}>\nSELECT ?n WHERE {{\n?p\nadd:name ?n }} LIMIT 1"))


# ------------------------------------------------------------------ --bind


def test_bind_an_iri_and_a_literal(graph):
    tree = read_table(ok(kg_query(graph, "schema/queries/family-tree.rq", "--bind", 'name="Luna"')))[1]
    assert tree and {r[0] for r in tree} == {"Luna"}
    assert ["Luna", "parent", "1", "John Legend"] in tree
    also = read_table(ok(kg_query(graph, "schema/queries/family-tree.rq", "--bind", "name=Luna")))[1]
    assert also == tree, "a bare word is the same plain literal"
    by_iri = f"SELECT ?person ?name WHERE {{ ?person <{SCHEMA}name> ?name }}"
    _, rows, _ = read_table(ok(kg_query(graph, by_iri, "--bind", f"person=<{PERSON}luna>")))
    assert rows == [[PERSON + "luna", "Luna"]]
    _, rows, _ = read_table(ok(kg_query(graph, by_iri.replace("?person ?name WHERE", "?name WHERE"),
                                        "--bind", f"person=<{PERSON}luna>")))
    assert rows == [["Luna"]], "a variable the query does not return can be bound too"
    _, rows, _ = read_table(ok(kg_query(graph, "schema/queries/quotations.rq", "--bind", 'speaker="Kris Jenner"')))
    assert rows and {r[0] for r in rows} == {"Kris Jenner"}


@pytest.fixture
def hostile_graph(tmp_path) -> Path:
    """Three people, one named with the text of an injection, one with an apostrophe."""
    g = tmp_path / "hostile.ttl"
    hostile = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    g.write_text(f'<{PERSON}evil> <{SCHEMA}name> "{hostile}" .\n'
                 f'<{PERSON}ann> <{SCHEMA}name> "Ann" .\n'
                 f'<{PERSON}obrien> <{SCHEMA}name> "O\'Brien" .\n', encoding="utf-8")
    return g


def test_a_hostile_value_is_one_literal_not_query_text(hostile_graph):
    query = f"SELECT ?p ?name WHERE {{ ?p <{SCHEMA}name> ?name }}"
    for spec in ['name="x\\" } ; DROP ALL ; #"', f"name={HOSTILE}"]:
        _, rows, footer = read_table(ok(kg_query(hostile_graph, query, "--bind", spec)))
        assert rows == [[PERSON + "evil", HOSTILE]], spec  # matched as the literal it is, and nothing else ran
    _, rows, _ = read_table(ok(kg_query(hostile_graph, query, "--bind", "name='O\\'Brien'")))
    assert rows == [[PERSON + "obrien", "O'Brien"]]
    bad_iri = kg_query(hostile_graph, query.replace("?name", '"Ann"'), "--bind", f"p=<{PERSON}x> }} ; DROP ALL ; #>")
    assert bad_iri.returncode == 2 and "not an IRI" in bad_iri.stderr


def test_a_hostile_value_leaves_the_store_untouched(hostile_graph):
    from graph.sparql.store import Store, parse_binding

    store = Store.from_file(hostile_graph)
    before = len(store.store)
    name, value = parse_binding('name="x\\" } ; DROP ALL ; #"')
    result = store.query(f"SELECT ?p ?name WHERE {{ ?p <{SCHEMA}name> ?name }}", {name: value})
    assert [str(r[0].value) for r in result.rows] == [PERSON + "evil"]
    assert len(store.store) == before == 3


@pytest.mark.parametrize("spec,message", [("nme=Luna", "no variable ?nme"), ("name", "expected NAME=VALUE"),
                                          ('name="bad \\q"', "unknown escape"), ("1x=2", "not a variable name")])
def test_a_bad_bind_is_a_clean_error(graph, spec, message):
    result = kg_query(graph, "schema/queries/family-tree.rq", "--bind", spec)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------ SERVICE


class Listener:
    """A loopback TCP listener that records every connection made to it and answers each with an
    empty SPARQL result. It sees connections from any code (Python or the store's own HTTP
    client, which an audit hook on Python's socket module would miss)."""

    BODY = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.requests: list[bytes] = []
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.requests.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                 b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(self.BODY), self.BODY))
                except OSError:
                    pass

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def service_queries(url: str) -> list[str]:
    """SERVICE written plainly, in lower case, escaped, and hidden from a scan that skips strings and
    comments: inside what looks like a long string opened in a comment, and after a prefixed name
    ending in an escaped quote (`ex:a\\'`, legal SPARQL) that a scan takes for the start of a string."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f'# """\nSELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}\n# """\n',
        f"PREFIX ex: <http://example.org/>\nSELECT * WHERE {{ OPTIONAL {{ ?s ex:a\\' ?o }} SERVICE <{url}> "
        f"{{ ?x ?y ?z }} FILTER(!BOUND(?o) || ?o != 'x') }}",
    ]


def test_service_is_refused_and_no_connection_is_made(graph, listener):
    for query in service_queries(listener.url):
        result = kg_query(graph, query)
        assert result.returncode == 2, query
        assert "SERVICE" in result.stderr and "--allow-service" in result.stderr, result.stderr
    assert listener.requests == []


def test_service_runs_when_allowed(graph, listener):
    """The same listener does see the store's request once SERVICE is allowed: the check above can fail,
    and the hidden forms are real calls, not just text that looks like one."""
    from graph.sparql.store import Store

    ok(kg_query(graph, service_queries(listener.url)[0], "--allow-service"))
    assert len(listener.requests) == 1 and listener.requests[0].startswith(b"POST /sparql")
    store = Store.from_file(graph)
    for query in (service_queries(listener.url)[3], service_queries(listener.url)[4]):
        store.query(query, allow_service=True)
    assert len(listener.requests) == 3


def test_the_word_service_in_a_comment_or_string_is_not_refused(graph):
    query = f'# the memorial service\nSELECT ?n WHERE {{ ?p <{SCHEMA}name> ?n FILTER(?n != "service") }} LIMIT 1'
    assert ok(kg_query(graph, query))
