"""`kg export`: every format reads back as the built graph, by rdflib, rapper, Oxigraph and networkx."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.cli import main
from graph.rdf.export import export
from graph.rdf.formats import EXPORT_FORMATS as FORMATS, RDF_FORMATS
from graph.rdf.turtle import to_turtle
from graph.analyse.validate import load_graph
from graph.rdf.vocab import PROV, SDO
from tests.conftest import ROOT, run_kg

RAPPER = "/usr/bin/rapper"
RDFLIB_NAMES = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nquads": "nquads"}
OX_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
              "nquads": ox.RdfFormat.N_QUADS}
if hasattr(ox.RdfFormat, "JSON_LD"):  # pyoxigraph reads JSON-LD from 0.5 on
    OX_FORMATS["jsonld"] = ox.RdfFormat.JSON_LD
RAPPER_NAMES = {"turtle": "turtle", "nt": "ntriples", "trig": "trig", "nquads": "nquads"}
STORY_CLASSES = ("NewsArticle", "Person", "Organization", "Place", "CreativeWork", "Event", "Quotation")
ARTICLE = "001_190fe396a36bb3ca"
# rdflib's own TriG and N-Quads parsers call its deprecated ConjunctiveGraph API
pytestmark = pytest.mark.filterwarnings("ignore:.*(deprecated|ConjunctiveGraph).*:DeprecationWarning")


@pytest.fixture(scope="module")
def exports(seed_build, tmp_path_factory) -> dict[str, Path]:
    """Every format exported once through the command (in-process), the format guessed from the suffix."""
    out = tmp_path_factory.mktemp("exports")
    paths = {}
    for fmt in FORMATS.values():
        path = out / f"graph{fmt.suffix}"
        done = CliRunner().invoke(main, ["export", "--graph", str(seed_build / "graph.ttl"), "-o", str(path)])
        assert done.exit_code == 0, done.output
        assert done.stdout.startswith(f"wrote {path} ({fmt.name}:"), done.stdout
        paths[fmt.name] = path
    return paths


def read_rdf(path: Path, fmt: str) -> Graph:
    """The file as one rdflib graph: for quad formats, the union of its graphs."""
    if fmt not in ("trig", "nquads"):
        return Graph().parse(path, format=RDFLIB_NAMES[fmt])
    ds = Dataset()
    ds.parse(path, format=RDFLIB_NAMES[fmt])
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def assert_same_graph(got: Graph, expected: Graph, what: str) -> None:
    """Isomorphic, or a failure showing a few triples from each side of the difference."""
    if isomorphic(got, expected):
        return
    _, extra, missing = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    lines = [f"{what}: {len(extra)} triples too many, {len(missing)} missing"]
    lines += ["  + " + t for t in sorted(extra.serialize(format="nt").splitlines())[:5]]
    lines += ["  - " + t for t in sorted(missing.serialize(format="nt").splitlines())[:5]]
    pytest.fail("\n".join(lines))


def ox_quads(path: Path, fmt: str) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
            for q in ox.parse(path=str(path), format=OX_FORMATS[fmt])}


def article_iris(graph: Graph) -> dict[str, str]:
    """schema:identifier -> article IRI, straight from the built graph."""
    return {str(graph.value(a, SDO.identifier)): str(a) for a in graph.subjects(RDF.type, SDO.NewsArticle)}


# ------------------------------------------------------------------ RDF formats


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_rdf_export_reads_back_as_the_built_graph(exports, seed_graph, fmt):
    assert_same_graph(read_rdf(exports[fmt], fmt), seed_graph, f"{fmt} export")


def test_turtle_export_is_the_build_s_own_bytes(exports, seed_build):
    assert exports["turtle"].read_bytes() == (seed_build / "graph.ttl").read_bytes()


def test_ntriples_lines_are_sorted(exports):
    lines = exports["nt"].read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


@pytest.mark.parametrize("fmt", ("turtle", "nt", "nquads", "trig"))
def test_rapper_counts_every_triple(exports, seed_graph, fmt):
    done = subprocess.run([RAPPER, "-i", RAPPER_NAMES[fmt], "-c", str(exports[fmt])], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(seed_graph)} triples" in done.stderr, done.stderr


def test_oxigraph_reads_one_named_graph_per_article(exports, seed_graph):
    trig, nquads = ox_quads(exports["trig"], "trig"), ox_quads(exports["nquads"], "nquads")
    assert trig == nquads
    assert len(trig) == len(seed_graph), "each triple belongs to exactly one graph"
    named = {g for *_, g in trig if g != "DEFAULT"}
    assert named == {f"<{iri}>" for iri in article_iris(seed_graph).values()}


def test_each_article_graph_holds_that_article_s_records(exports, seed_graph):
    ds = Dataset()
    ds.parse(exports["trig"], format="trig")
    statement_graphs = {}
    for s, _, _, g in ds.quads((None, RDF.type, RDF.Statement, None)):
        statement_graphs[s] = g
    assert statement_graphs, "the built graph has provenance records"
    for record, g in statement_graphs.items():
        assert seed_graph.value(record, PROV.wasDerivedFrom) == g, f"{record} is in the graph {g}"
    # a merged node's type and name stay in the default graph, shared by every article
    person = next(seed_graph.subjects(RDF.type, SDO.Person))
    assert {g for *_, g in ds.quads((person, RDF.type, SDO.Person, None))} == {ds.default_graph.identifier}


def test_readme_example_query_asks_one_article_s_graph(exports, seed_graph):
    store = ox.Store()
    store.load(path=str(exports["trig"]), format=ox.RdfFormat.TRIG)
    iri = article_iris(seed_graph)[ARTICLE]
    rows = list(store.query(
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}"))
    claims = {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}
    expected = {(s.n3(), p.n3(), o.n3()) for f in seed_graph.subjects(PROV.wasDerivedFrom, URIRef(iri))
                if (f, RDF.type, RDF.Statement) in seed_graph
                for s, p, o in [(seed_graph.value(f, RDF.subject), seed_graph.value(f, RDF.predicate),
                                 seed_graph.value(f, RDF.object))]}
    assert claims == expected and claims


# ------------------------------------------------------------------ JSON-LD


def test_jsonld_context_is_inline_and_compact(exports):
    doc = json.loads(exports["jsonld"].read_text(encoding="utf-8"))
    ctx = doc["@context"]
    assert isinstance(ctx, dict) and ctx["@vocab"] == "https://schema.org/"
    assert {"prov", "oa", "kg", "rdfs", "xsd"} <= set(ctx)
    people = [n for n in doc["@graph"] if n.get("@type") == "Person"]
    assert people and all("name" in n for n in people), "schema.org terms are bare"


NO_NETWORK = """
import sys
def refuse(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        raise RuntimeError(f"network access during JSON-LD export: {event} {args!r}")
sys.addaudithook(refuse)
from rdflib import Graph
from graph.rdf.export import export
from graph.rdf.formats import EXPORT_FORMATS as FORMATS
from graph.analyse.validate import load_graph
data = export(load_graph(sys.argv[1]), FORMATS["jsonld"]).data
print(len(Graph().parse(data=data.decode("utf-8"), format="json-ld")))
"""


def test_jsonld_export_and_read_back_open_no_socket(seed_build, seed_graph):
    done = subprocess.run([sys.executable, "-c", NO_NETWORK, str(seed_build / "graph.ttl")], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(len(seed_graph))


# ------------------------------------------------------------------ GraphML and GEXF


def story_counts(path: Path) -> tuple[Counter, int]:
    """Story nodes per class and relations between them, counted by SPARQL over the build."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    values = " ".join(f"schema:{c}" for c in STORY_CLASSES)
    prefix = "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    story = f"{{ SELECT DISTINCT ?n WHERE {{ VALUES ?c {{ {values} }} ?n a/rdfs:subClassOf* ?c }} }}"
    per_class = Counter()
    for c in STORY_CLASSES:
        rows = store.query(prefix + f"SELECT (COUNT(DISTINCT ?n) AS ?k) WHERE {{ ?n a/rdfs:subClassOf* schema:{c} }}")
        per_class[c] = int(next(iter(rows))["k"].value)
    edges = store.query(prefix + "SELECT (COUNT(*) AS ?k) WHERE { "
                        f"{story.replace('?n', '?s')} {story.replace('?n', '?o')} ?s ?p ?o "
                        "FILTER(?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>) }")
    return per_class, int(next(iter(edges))["k"].value)


@pytest.mark.parametrize("fmt", ("graphml", "gexf"))
def test_property_graph_reads_back_with_every_story_node(exports, seed_build, fmt):
    g = nx.read_graphml(exports[fmt]) if fmt == "graphml" else nx.read_gexf(exports[fmt])
    per_class, edges = story_counts(seed_build / "graph.ttl")
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    for c in ("NewsArticle", "Person", "Event", "Quotation"):  # classes no node shares with another
        assert kinds[c] == per_class[c], c
    assert g.number_of_nodes() == sum(per_class.values())
    assert g.number_of_edges() == edges
    for node, d in g.nodes(data=True):
        assert d["label"] and d["kind"] and isinstance(d["rules"], int), node
    labels = Counter(d["label"] for *_, d in g.edges(data=True))
    assert labels["spouse"] and labels["attendee"], "edges are labelled by property"
    teigen = next(d for _, d in g.nodes(data=True) if d["label"] == "Chrissy Teigen")
    assert teigen["kind"] == "Person" and len(teigen["sources"].split()) > 1


# ------------------------------------------------------------------ --article, errors, determinism


def test_article_export_holds_only_that_article(seed_build, seed_graph, tmp_path):
    iri = article_iris(seed_graph)[ARTICLE]
    out = tmp_path / "one.nq"
    done = run_kg("export", "--graph", seed_build / "graph.ttl", "--article", ARTICLE, "-o", out)
    assert done.returncode == 0, done.stderr
    quads = ox_quads(out, "nquads")
    assert {g for *_, g in quads} == {f"<{iri}>"}
    triples = read_rdf(out, "nquads")
    assert set(triples) <= set(seed_graph)
    records = set(triples.subjects(RDF.type, RDF.Statement))
    assert records and {triples.value(r, PROV.wasDerivedFrom) for r in records} == {URIRef(iri)}
    # what the article says, its shared facts included: every claim of its records is there
    for r in records:
        claim = (triples.value(r, RDF.subject), triples.value(r, RDF.predicate), triples.value(r, RDF.object))
        assert claim in triples, claim


def test_article_property_graph_names_only_that_article(seed_build, seed_graph):
    full = load_graph(seed_build / "graph.ttl")
    data = export(full, FORMATS["graphml"], ARTICLE).data
    g = nx.parse_graphml(data.decode("utf-8"))
    assert g.number_of_nodes() > 1
    assert {s for _, d in g.nodes(data=True) for s in d["sources"].split()} == {ARTICLE}


def test_unknown_article_lists_the_known_ones(seed_build, seed_graph):
    done = run_kg("export", "--graph", seed_build / "graph.ttl", "--article", "999_nope")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, done.stderr
    assert "999_nope" in done.stderr and all(a in done.stderr for a in article_iris(seed_graph))


@pytest.mark.parametrize("args, words", [
    (["--format", "xml"], ["'xml'", "turtle, nt, jsonld, trig, nquads, graphml, gexf"]),
    (["-o", "{tmp}/graph.txt"], ["graph.txt", ".ttl (turtle)", ".gexf (gexf)", "--format"]),
])
def test_bad_format_or_suffix_is_one_clear_line(seed_build, tmp_path, args, words):
    args = [a.format(tmp=tmp_path) for a in args]
    done = run_kg("export", "--graph", seed_build / "graph.ttl", *args)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, done.stderr
    assert all(w in done.stderr for w in words), done.stderr
    assert not list(tmp_path.iterdir()), "nothing is written"


def test_format_option_wins_over_suffix_and_stdout_is_turtle(seed_build, exports, tmp_path):
    out = tmp_path / "graph.txt"
    done = run_kg("export", "--graph", seed_build / "graph.ttl", "--format", "nt", "-o", out)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == exports["nt"].read_bytes()
    done = subprocess.run([sys.executable, "-m", "graph", "export", "--graph", str(seed_build / "graph.ttl")],
                          cwd=ROOT, capture_output=True)
    assert done.returncode == 0 and done.stdout == exports["turtle"].read_bytes()


ALL_FORMATS = """
import sys
from pathlib import Path
from graph.rdf.export import export
from graph.rdf.formats import EXPORT_FORMATS as FORMATS
from graph.analyse.validate import load_graph
g = load_graph(sys.argv[1])
for f in FORMATS.values():
    Path(sys.argv[2], "graph" + f.suffix).write_bytes(export(g, f).data)
"""


def test_exports_are_byte_identical_across_runs(seed_build, exports, tmp_path):
    # another process with another hash seed: set and dict order must not leak into the files
    env = dict(os.environ, PYTHONHASHSEED="4242")
    done = subprocess.run([sys.executable, "-c", ALL_FORMATS, str(seed_build / "graph.ttl"), str(tmp_path)],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for name, path in exports.items():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), name


# ------------------------------------------------------------------ control characters

# Every C0 control but U+0000 (rapper, written in C, ends a string there), DEL, and
# characters that split lines in Python or in the eyes of a reader.
AWKWARD = "a" + "".join(chr(i) for i in range(1, 32)) + "\x7f \u2028 \x85 \\ \" ''' é"


@pytest.fixture(scope="module")
def awkward_graph(tmp_path_factory) -> tuple[Path, URIRef]:
    """A small graph in the build's shape whose person has a name full of control characters.

    The name is a fact with a provenance record, so TriG and N-Quads put it in the
    article's named graph, not only in the default graph.
    """
    base = "https://w3id.org/kg-news/id/"
    article, person = URIRef(base + "article/000_x"), URIRef(base + "person/ann")
    record, name = URIRef(base + "fact/1"), Literal(AWKWARD)
    triples = {
        (article, RDF.type, SDO.NewsArticle), (article, SDO.identifier, Literal("000_x")),
        (article, RDFS.label, Literal("000_x")),
        (person, RDF.type, SDO.Person), (person, RDFS.label, Literal("Ann")), (person, SDO.name, Literal("Ann")),
        (person, SDO.description, name),
        (record, RDF.type, RDF.Statement), (record, RDF.subject, person), (record, RDF.predicate, SDO.description),
        (record, RDF.object, name), (record, PROV.wasDerivedFrom, article),
    }
    path = tmp_path_factory.mktemp("awkward") / "graph.ttl"
    path.write_text(to_turtle(triples), encoding="utf-8")
    return path, person


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_control_characters_survive_every_rdf_format(awkward_graph, tmp_path, fmt):
    source, person = awkward_graph
    path = tmp_path / f"graph{FORMATS[fmt].suffix}"
    path.write_bytes(export(load_graph(source), FORMATS[fmt]).data)
    names = {str(o) for o in read_rdf(path, fmt).objects(person, SDO.description)}
    assert AWKWARD in names, "rdflib"
    if fmt in OX_FORMATS:
        ox_quads = [q for q in ox.parse(path=str(path), format=OX_FORMATS[fmt])
                    if q.subject.value == str(person) and q.predicate.value == str(SDO.description)]
        assert [q.object.value for q in ox_quads] == [AWKWARD], "pyoxigraph"
        if fmt in ("trig", "nquads"):
            assert str(ox_quads[0].graph_name).endswith("/article/000_x>"), "the fact is in its article's graph"
    if fmt in RAPPER_NAMES:
        done = subprocess.run([RAPPER, "-q", "-i", RAPPER_NAMES[fmt], "-o", "ntriples", str(path)], capture_output=True)
        assert done.returncode == 0, done.stderr
        rapper_names = {str(o) for o in Graph().parse(data=done.stdout.decode("utf-8"), format="nt")
                        .objects(person, SDO.description)}
        assert AWKWARD in rapper_names, "rapper"


@pytest.mark.parametrize("fmt", ("graphml", "gexf"))
def test_control_characters_stay_readable_xml(awkward_graph, fmt):
    source, person = awkward_graph
    text = export(load_graph(source), FORMATS[fmt]).data.decode("utf-8")
    g = nx.parse_graphml(text) if fmt == "graphml" else nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    names = g.nodes[str(person)]["description"]
    assert "\\u0001" in names and "\\u001F" in names and "\t" in names, names
