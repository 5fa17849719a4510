"""Hostile text: whatever an article says reaches IRIs, Turtle, JSON-LD, HTML and SPARQL results intact and inert.

Quote marks, backslashes, newlines, markup (`</script>`, `<img onerror>`), template
braces and control characters go into quotations, names, headlines and file names.
The Turtle must read back to the very same strings in three independent parsers
(rapper, rdflib, Oxigraph); IRIs minted from them hold only safe characters; the
HTML page carries none of the markup raw; a build opens no socket.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.cli import main
from graph.rdf.turtle import to_turtle
from graph.rdf.vocab import BASE, OA, SDO
from tests.conftest import ROOT, SEEDS

RAPPER = shutil.which("rapper") or "/usr/bin/rapper"

# Markup, template braces, quote marks, a backslash and control characters, in one run of text.
PAYLOAD = ("</script><img src=x onerror=kgPwned(1)> {{DATA}} {{VIS_JS}} ]]> back\\slash \\n "
           "\x01\x08\x0b\x0c\x1b\x1f\x7f \u0085\u2028\u2029 \u00e9\u6f22\U0001F600 'single' <!--")
HEADLINE = f"Teigen <b>news</b> {PAYLOAD} \"double\" headline"
ARTICLE = (
    f"{HEADLINE}\n\n"
    f"Chrissy Teigen went to the premiere of Netflix's \"{PAYLOAD} Film\" premiere in Los Angeles. "
    f"“I said {PAYLOAD} and\n\"more\",” Teigen said. John Legend wrote, “{PAYLOAD} \\\" end”.\n\n"
    "Actress Maya Lopez and her husband, Daniel Reed, were there.\n"
)
FILE_NAME = 'evil "name" <img src=y onerror=kgPwned(2)> {{DATA}} \x01 \\ end.txt'
MARKUP = ("<img src=x onerror=kgPwned", "<img src=y onerror=kgPwned", "</script><img")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    """A build of the hostile article next to a seed article: paths, texts and the rdflib graph."""
    from graph.build import build

    seeds = tmp_path_factory.mktemp("hostile-seeds")
    (seeds / FILE_NAME).write_bytes(ARTICLE.encode("utf-8"))
    shutil.copy(SEEDS / "000_9d37828a95a29d67.txt", seeds)
    out = tmp_path_factory.mktemp("hostile-out")
    build(seeds, out, cache_dir=None)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    return {"seeds": seeds, "out": out, "ttl": out / "graph.ttl", "html": out / "graph.html", "texts": texts, "graph": graph}


def literals(triples) -> set[str]:
    return {str(o) for _, _, o in triples if isinstance(o, Literal)}


def test_the_payload_reaches_the_graph(hostile):
    """The article is read and its words kept verbatim: otherwise the other tests prove nothing."""
    g = hostile["graph"]
    texts = {str(o) for o in g.objects(None, SDO.text)}
    assert f"I said {PAYLOAD} and\n\"more\"," in texts
    assert f"{PAYLOAD} \\\" end" in texts
    assert {str(o) for o in g.objects(None, SDO.headline)} >= {HEADLINE}
    assert FILE_NAME[:-4] in {str(o) for o in g.objects(None, SDO.identifier)}
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert any(n.startswith("</script><img src=x onerror=kgPwned(1)> {{DATA}}") for n in names), names


def test_turtle_reads_back_identically_in_rapper_rdflib_and_oxigraph(hostile):
    ttl = hostile["ttl"]
    raw = ttl.read_bytes().decode("utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", raw), "control characters must be escaped in Turtle"
    ours = literals(hostile["graph"])
    assert any(PAYLOAD in s for s in ours)

    done = subprocess.run([RAPPER, "-q", "-i", "turtle", "-o", "ntriples", str(ttl)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    from_rapper = Graph().parse(data=done.stdout.decode("utf-8"), format="nt")
    assert literals(from_rapper) == ours
    assert isomorphic(from_rapper, hostile["graph"])

    quads = list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
    assert {q.object.value for q in quads if isinstance(q.object, ox.Literal)} == ours
    assert len(quads) == len(hostile["graph"])


def test_every_selector_slices_its_exact(hostile):
    g, texts = hostile["graph"], hostile["texts"]
    n = 0
    for fact, sel in g.subject_objects(OA.hasSelector):
        article = str(g.value(g.value(fact, OA.hasSource), SDO.identifier))
        start, end = int(g.value(sel, OA.start)), int(g.value(sel, OA.end))
        assert texts[article][start:end] == str(g.value(sel, OA.exact))
        n += 1
    assert n > 50


SAFE_IRI = re.compile(r"https://w3id\.org/kg-news/id/[a-z]+/[A-Za-z0-9._\-]+")


def test_minted_iris_are_safe(hostile):
    """Every IRI the builder mints is BASE/kind/local with letters, digits, '.', '_' and '-' only."""
    minted = {str(t) for triple in hostile["graph"] for t in triple if isinstance(t, URIRef) and str(t).startswith(BASE)}
    assert len(minted) > 100
    bad = sorted(i for i in minted if not SAFE_IRI.fullmatch(i))
    assert not bad, bad[:5]
    # and no IRI at all, minted or not, carries a character an IRI may not hold
    every = {str(t) for triple in hostile["graph"] for t in triple if isinstance(t, URIRef)}
    assert not [i for i in every if re.search(r'[\x00-\x20<>"{}|^`\\\x7f]', i)]


def test_html_carries_no_markup_from_the_data(hostile, tmp_path):
    """The page holds the payload only escaped: no tag, comment or CDATA end of the article is live."""
    from graph.build import build

    page = hostile["html"].read_bytes()
    text = page.decode("utf-8")
    for bad in MARKUP + ("kgPwned(1)> {{DATA}}",):
        assert bad not in text, bad
    assert "\x01" not in text and "\x1b" not in text
    # the page's own structure is that of a page built from harmless text
    calm = tmp_path / "calm"
    calm.mkdir()
    shutil.copy(SEEDS / "000_9d37828a95a29d67.txt", calm)
    build(calm, tmp_path / "calm-out", cache_dir=None)
    plain = (tmp_path / "calm-out" / "graph.html").read_text(encoding="utf-8")
    for marker in ("</script", "<script", "<!--", "<img", "]]>"):
        assert text.lower().count(marker.lower()) == plain.lower().count(marker.lower()), marker
    # the payload is there, escaped, for the page to show as text
    assert re.search(r"\\u003cimg src=x onerror=kgPwned\(1\)\\u003e", text, re.I), "the headline should be in the data"


def test_sparql_results_carry_the_same_strings(hostile):
    store = ox.Store()
    store.bulk_load(path=str(hostile["ttl"]), format=ox.RdfFormat.TURTLE)
    query = "SELECT ?t WHERE { ?q <https://schema.org/text> ?t }"
    expected = {str(o) for o in hostile["graph"].objects(None, SDO.text)}
    assert {s["t"].value for s in store.query(query)} == expected
    done = CliRunner().invoke(main, ["query", query, "--graph", str(hostile["ttl"]), "--format", "json"],
                              catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert {r["t"]["value"] for r in rows} == expected


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_jsonld_export_carries_the_same_strings(hostile):
    try:
        import graph.rdf.export  # noqa: F401
    except ImportError:
        pytest.skip("this build has no export command")
    done = CliRunner().invoke(main, ["export", "--format", "jsonld", "--graph", str(hostile["ttl"])], catch_exceptions=False)
    assert done.exit_code == 0, done.stderr
    doc = Graph().parse(data=done.stdout_bytes.decode("utf-8"), format="json-ld")
    for p in (SDO.text, SDO.name, SDO.headline, SDO.identifier, OA.exact):
        assert {str(o) for o in doc.objects(None, p)} == {str(o) for o in hostile["graph"].objects(None, p)}, p


def test_writer_escapes_nul_and_every_control_character():
    """NUL and the other C0 characters are written \\uXXXX: rdflib and Oxigraph read back the same string.

    rapper reads "\\u0000" but cuts the string there (raptor keeps C strings), so the
    loader refuses an article holding a NUL byte (see test_bad_input): no NUL ever
    reaches the graph from an article.
    """
    s = URIRef(BASE + "quote/x")
    values = ["a\x00b", "".join(chr(c) for c in range(32)) + "\x7f", "\u0085\u2028\u2029\ufeff", 'q"\\\'', PAYLOAD]
    triples = [(s, SDO.text, Literal(v)) for v in values]
    ttl = to_turtle(triples)
    assert not re.search(r"[\x00-\x1f\x7f]", ttl.replace("\n", ""))
    assert "a\\u0000b" in ttl
    assert literals(Graph().parse(data=ttl, format="turtle")) == set(values)
    assert {q.object.value for q in ox.parse(ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE)} == set(values)


@pytest.mark.filterwarnings("ignore:Parsing weird boolean")
def test_bare_numbers_and_booleans_only_when_they_are_turtle():
    """A literal is written without quotes only when its lexical form is Turtle syntax as it stands."""
    s = URIRef(BASE + "fact/x")
    odd = [Literal("\u0663", datatype=XSD.integer, normalize=False),  # an Arabic-Indic digit: \\d, not [0-9]
           Literal("trueish", datatype=XSD.boolean, normalize=False),
           Literal("-12", datatype=XSD.integer), Literal("true", datatype=XSD.boolean)]
    ttl = to_turtle([(s, URIRef(f"{BASE}p/{i}"), o) for i, o in enumerate(odd)])
    Graph().parse(data=ttl, format="turtle")  # a bare ٣ or trueish would be a syntax error
    back = {(q.object.value, q.object.datatype.value) for q in ox.parse(ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE)}
    assert back == {(str(o), str(o.datatype)) for o in odd}
    assert '"\u0663"^^xsd:integer' in ttl and '"trueish"^^xsd:boolean' in ttl
    assert re.search(r"\s-12 [.;]", ttl) and re.search(r"\strue [.;]", ttl)


def _build_in_subprocess(seeds: Path, out: Path, hashseed: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    return subprocess.run([sys.executable, "-m", "graph", "build", "--seeds", str(seeds), "--out", str(out), "-q", "--no-cache"],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_hostile_build_is_byte_identical_across_hash_seeds(hostile, tmp_path):
    done = _build_in_subprocess(hostile["seeds"], tmp_path / "a", "7")
    assert done.returncode == 0, done.stderr
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (hostile["out"] / name).read_bytes(), name


GUARD = textwrap.dedent("""
    import sys

    def guard(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
            raise RuntimeError(f"outbound request during a build: {event} {args!r}")

    sys.addaudithook(guard)
    from graph.cli import main
    main(sys.argv[1:], prog_name="kg")
""")


def test_a_build_opens_no_socket(hostile, tmp_path):
    """The builder never goes online: an audit hook refuses every connection and name lookup."""
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", GUARD, "build", "--seeds", str(hostile["seeds"]), "--out", str(out), "-q"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "outbound request" not in done.stderr
    assert (out / "graph.ttl").read_bytes() == hostile["ttl"].read_bytes()
    # the hook does bite: a lookup in the same guarded interpreter fails
    probe = GUARD.replace("from graph.cli import main\nmain(sys.argv[1:], prog_name=\"kg\")",
                          "import socket\nsocket.getaddrinfo('example.org', 80)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode != 0 and "outbound request during a build: socket.getaddrinfo" in done.stderr
