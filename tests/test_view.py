"""The HTML view's data and the analytics commands: escaping, determinism, evidence, stats, path, view.

The page itself is driven in a real browser by tests/test_browser.py; here the
Python side is checked: what the page is given, and what `kg stats`, `kg path`
and `kg view` print and write.
"""

from __future__ import annotations

import json
import random
import re

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from conftest import SEEDS, run_kg
from graph.cli import main
from graph.analyse.explain import conflicts
from graph.view.data import LAYOUT_THRESHOLD, _json_for_html, graph_data, render_html, utf16_len
from graph.rdf.vocab import BASE, KG, OA, PROV, SDO

HOSTILE = '<img src=x onerror=alert(1)> & </script><script>window.pwned=1</script> \u2028 <!-- ]]>'
JACK = URIRef(f"{BASE}person/jack")
CHRISSY = URIRef(f"{BASE}person/chrissy-teigen")


def page_data(html: str) -> dict:
    """The JSON the page carries, read back as the browser's JSON.parse would."""
    body = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(body)


def node(data: dict, iri) -> dict:
    return next(n for n in data["nodes"] if n["id"] == str(iri))


# ------------------------------------------------------------------ escaping


def test_json_for_html_holds_no_markup_and_reads_back():
    text = _json_for_html({"t": HOSTILE, "k": [HOSTILE]})
    for ch in "<>&\u2028\u2029":
        assert ch not in text
    assert json.loads(text) == {"t": HOSTILE, "k": [HOSTILE]}


def tiny_graph(quote: str, sentence: str, exact_at: int) -> list:
    """One article, one person, one quotation whose text fact points into `sentence`."""
    art, person, quote_node = URIRef(f"{BASE}article/a1"), URIRef(f"{BASE}person/maya"), URIRef(f"{BASE}quote/q1")
    st, sel, sent = URIRef(f"{BASE}fact/f1"), URIRef(f"{BASE}selector/a1-1"), URIRef(f"{BASE}selector/a1-0")
    return [
        (art, RDF.type, SDO.NewsArticle), (art, SDO.identifier, Literal("a1")), (art, RDFS.label, Literal("a1")),
        (art, SDO.headline, Literal(HOSTILE)),
        (person, RDF.type, SDO.Person), (person, RDFS.label, Literal("Maya Lopez")),
        (quote_node, RDF.type, SDO.Quotation), (quote_node, RDFS.label, Literal(quote[:20])),
        (quote_node, SDO.text, Literal(quote)), (quote_node, SDO.creator, person),
        (quote_node, PROV.wasDerivedFrom, art),
        (st, RDF.type, RDF.Statement), (st, RDF.subject, quote_node), (st, RDF.predicate, SDO.text),
        (st, RDF.object, Literal(quote)), (st, PROV.wasDerivedFrom, art), (st, OA.hasSelector, sel),
        (st, KG.sentence, sent), (st, PROV.wasGeneratedBy, URIRef(f"{BASE}rule/quote-after")),
        (sel, OA.start, Literal(100 + exact_at, datatype=XSD.integer)),
        (sel, OA.end, Literal(100 + exact_at + len(quote), datatype=XSD.integer)), (sel, OA.exact, Literal(quote)),
        (sent, OA.start, Literal(100, datatype=XSD.integer)), (sent, OA.end, Literal(100 + len(sentence), datatype=XSD.integer)),
        (sent, OA.exact, Literal(sentence)),
    ]


def test_page_carries_hostile_text_only_escaped():
    sentence = f"“{HOSTILE},” Maya Lopez said."
    html = render_html(tiny_graph(HOSTILE, sentence, 1))
    data_part = re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1)
    for raw in ("<img", "</script", "<script", "<!--", "]]>"):
        assert raw not in data_part
    data = page_data(html)["graph"]
    assert node(data, f"{BASE}quote/q1")["text"] == HOSTILE
    assert data["articles"][0][2] == HOSTILE  # the headline, for the Sources list
    assert HOSTILE in data["sentences"][0]


def test_highlight_offsets_count_utf16_units_as_javascript_does():
    """An emoji before the quoted words shifts them by two UTF-16 units, not one code point."""
    quote = "we are so proud"
    sentence = "😢🙏 “we are so proud,” she wrote."
    data = graph_data(tiny_graph(quote, sentence, sentence.index(quote)))
    [fact] = [f for f in data["facts"] if data["props"][f[1]] == "text"]
    _, sentence_index, start, end, _ = fact[5][0]
    units = data["sentences"][sentence_index].encode("utf-16-le")
    assert units[2 * start:2 * end].decode("utf-16-le") == quote
    assert utf16_len("a😢b") == 4 and utf16_len("abc") == 3


# ------------------------------------------------------------------ determinism and content


def test_render_is_deterministic_whatever_the_triple_order(seed_graph):
    triples = list(seed_graph)
    first = render_html(triples, title="t")
    random.Random(3).shuffle(triples)
    assert render_html(triples, title="t") == first
    assert render_html(set(triples), title="t") == first


def test_build_writes_the_same_page_as_render(seed_build, seed_graph):
    """graph.html is render_html of the graph it was built with: the triples, read back, give the same bytes."""
    built = (seed_build / "graph.html").read_text(encoding="utf-8")
    assert render_html(list(seed_graph), title=page_data(built)["title"]) == built


def test_every_highlight_is_the_selector_s_exact_words(seed_graph):
    data = graph_data(list(seed_graph))
    exacts = {str(o) for o in seed_graph.objects(None, OA.exact)}
    checked = 0
    for fact in data["facts"]:
        for _, sentence_index, start, end, _ in fact[5]:
            words = data["sentences"][sentence_index].encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")
            assert words in exacts
            checked += 1
    assert checked > 500


def test_types_sizes_and_edge_labels(seed_graph):
    data = graph_data(list(seed_graph))
    types = [t[0] for t in data["types"]]
    assert types == ["person", "event", "quotation", "article", "organisation", "work", "place"]
    chrissy, jack, pepper = node(data, CHRISSY), node(data, JACK), node(data, f"{BASE}person/vilailuck-pepper-teigen")
    assert types[chrissy["type"]] == "person" and "Chrissy" in chrissy["aliases"]
    assert chrissy["size"] > jack["size"] > pepper["size"]  # size follows degree
    labels = {data["props"][p] for _, _, p in data["edges"]}
    # kg:platform's label comes from the ontology; schema.org terms from the view's table
    assert {"platform", "spouse", "parent", "said by", "about"} <= labels
    assert not any(re.match(r"https?://", label) for label in labels)


def test_conflicting_dates_are_marked_with_their_sources(seed_graph):
    data = graph_data(list(seed_graph))
    expected = {r["event"] for r in conflicts(seed_graph)}
    assert expected, "the seeds disagree on two dates"
    assert {n["id"] for n in data["nodes"] if n["conflict"]} == expected
    for iri in expected:
        n = node(data, iri)
        assert len(n["dates"]) >= 2 and all(articles for _, articles in n["dates"])
    # the timeline runs in date order, undated events last
    dated = [data["nodes"][i]["dates"][0][0] for i in data["timeline"] if data["nodes"][i]["dates"]]
    assert dated == sorted(dated)
    undated = [i for i in data["timeline"] if not data["nodes"][i]["dates"]]
    assert data["timeline"][len(dated):] == undated


def test_a_large_graph_comes_laid_out():
    """Above LAYOUT_THRESHOLD nodes every node has a position, the same from run to run, and hubs are marked."""
    triples = []
    hub = URIRef(f"{BASE}organization/hub")
    triples += [(hub, RDF.type, SDO.Organization), (hub, RDFS.label, Literal("Hub"))]
    for k in range(LAYOUT_THRESHOLD // 2 + 10):
        person, event = URIRef(f"{BASE}person/p{k}"), URIRef(f"{BASE}event/e{k}")
        triples += [(person, RDF.type, SDO.Person), (person, RDFS.label, Literal(f"P {k}")),
                    (event, RDF.type, SDO.Event), (event, RDFS.label, Literal(f"E {k}")),
                    (event, SDO.attendee, person), (event, KG.platform, hub)]
    data = graph_data(triples)
    assert len(data["nodes"]) > LAYOUT_THRESHOLD
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert node(data, hub)["hub"] == 1
    assert graph_data(list(reversed(triples))) == data


# ------------------------------------------------------------------ kg stats, kg path, kg view


def test_stats_counts_match_the_graph(seed_build, seed_graph):
    done = run_kg("stats", "--format", "json", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    people = set(seed_graph.subjects(RDF.type, SDO.Person))
    assert stats["types"]["person"] == len(people)
    assert stats["types"]["quotation"] == len(set(seed_graph.subjects(RDF.type, SDO.Quotation)))
    assert stats["most_connected"][0]["name"] == "Chrissy Teigen"
    assert sum(stats["components"]["sizes"]) == sum(v for k, v in stats["types"].items() if k != "article")
    assert {p["iri"] for p in stats["articles_per_person"]} == {str(p) for p in people}
    chrissy = next(p for p in stats["articles_per_person"] if p["name"] == "Chrissy Teigen")
    assert chrissy["articles"] == len(list(SEEDS.glob("*.txt")))

    text = run_kg("stats", "--graph", seed_build / "graph.ttl").stdout
    assert "most connected people" in text and "articles per person" in text
    assert re.search(r"Chrissy Teigen\s+\d+\s+\d+", text)


def test_path_prints_each_step_with_its_evidence(seed_build):
    done = run_kg("path", "Kris Jenner", "jack", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Kris Jenner → Jack: ")
    evidence = [re.match(r"\s+(\d{3}_[0-9a-f]+)  “(.*)”", line) for line in lines]
    evidence = [m for m in evidence if m]
    assert evidence
    for m in evidence:  # the quoted words are in the article, as printed
        words = m.group(2).rstrip("…")
        assert words in (SEEDS / f"{m.group(1)}.txt").read_text(encoding="utf-8")


def test_path_resolves_aliases_and_prints_one_fact_of_an_inverse_pair(seed_build):
    done = run_kg("path", "CHRISSY", "Pepper", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 0, done.stderr
    facts = [line for line in done.stdout.splitlines() if "—" in line]
    assert facts == ['   Chrissy Teigen —parent→ Vilailuck "Pepper" Teigen']


def test_path_with_an_unknown_name_suggests_close_ones(seed_build):
    done = run_kg("path", "Jak", "Chrissy", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 2
    assert "no node is named 'Jak'" in done.stderr and "Jack" in done.stderr
    assert "Traceback" not in done.stderr


def test_path_between_one_node_and_itself_is_a_clean_error(seed_build):
    done = run_kg("path", "Chrissy", "Teigen", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 2 and "both names are Chrissy Teigen" in done.stderr


def test_path_exits_1_when_nothing_links_the_names(seed_build):
    stats = json.loads(run_kg("stats", "--format", "json", "--graph", seed_build / "graph.ttl").stdout)
    alone = [p["name"] for p in stats["most_connected"] if p["links"] == 0]
    if not alone:
        pytest.skip("every person of the seeds is linked")
    done = run_kg("path", alone[0], "Jack", "--graph", seed_build / "graph.ttl")
    assert done.returncode == 1
    assert done.stdout.startswith("no chain of facts links")


def test_view_writes_the_neighbourhood_and_opens_it(seed_build, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    out = tmp_path / "jack.html"
    done = CliRunner().invoke(main, ["view", "baby Jack", "--graph", str(seed_build / "graph.ttl"), "-o", str(out)],
                              catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert opened == [out.resolve().as_uri()]
    payload = page_data(out.read_text(encoding="utf-8"))
    ids = {n["id"] for n in payload["graph"]["nodes"]}
    assert payload["focus"] == str(JACK) and payload["depth"] == 1
    assert {str(JACK), str(CHRISSY), f"{BASE}person/luna"} <= ids
    assert f"{BASE}organization/getty-images" not in ids
    whole = graph_data(list(Graph().parse(seed_build / "graph.ttl")))
    assert len(ids) < len(whole["nodes"])
    # deeper shows more; --no-open opens nothing
    opened.clear()
    deeper = tmp_path / "jack2.html"
    CliRunner().invoke(main, ["view", "Jack", "--depth", "2", "--no-open", "--graph", str(seed_build / "graph.ttl"),
                              "-o", str(deeper)], catch_exceptions=False)
    assert opened == []
    assert len(page_data(deeper.read_text(encoding="utf-8"))["graph"]["nodes"]) > len(ids)


def test_view_default_file_sits_beside_the_graph(seed_build, tmp_path):
    graph = tmp_path / "g" / "graph.ttl"
    graph.parent.mkdir()
    graph.write_bytes((seed_build / "graph.ttl").read_bytes())
    done = run_kg("view", "Luna", "--no-open", "--graph", graph)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "g" / "view-luna.html").is_file()
    assert run_kg("view", "Nobody Here", "--no-open", "--graph", graph).returncode == 2


def test_new_commands_are_in_the_readme():
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    for command in ("kg stats", "kg path", "kg view"):
        assert command in readme, command
