"""The tables the rest reads: output formats, node types (graph/rdf/), and the SPARQL lexer (graph/sparql/)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.rdf.formats import (EXPORT_FORMATS, FORMATS, GRAPH_FORMATS, MEDIA_FORMAT, QUERY_FORMATS, SELECT_FORMATS,
                               Format, _load)
from graph.rdf.types import NODE_TYPES, TYPE_OF_CLASS, type_folder
from graph.rdf.vocab import NODE_KINDS, SDO
from graph.sparql.bind import where_group_start
from graph.sparql.lexer import braces_and_where, code_only
from graph.sparql.serve import negotiate
from graph.view.data import graph_data

# ------------------------------------------------------------------ formats


@pytest.mark.parametrize("fmt", FORMATS.values(), ids=lambda f: f.name)
def test_every_format_is_complete_and_its_writers_load(fmt):
    assert fmt.exporter or fmt.result_writer, "a format nothing writes"
    for ref in (fmt.exporter, fmt.result_writer):
        if ref is not None:
            assert callable(_load(ref)), ref
    assert (fmt.suffix is not None) == (fmt.exporter is not None), "an export format has a suffix, only it"


def test_a_format_must_say_what_it_holds():
    with pytest.raises(ValueError, match="expected one of: triples, quads, story, solutions"):
        Format("hdt", "triple", None)


def test_suffixes_and_media_types_name_one_format_each():
    suffixes = [f.suffix for f in EXPORT_FORMATS.values()]
    assert len(suffixes) == len(set(suffixes))
    served = [m for f in FORMATS.values() if f.result_writer for m in (f.media, *f.media_aliases) if m]
    assert len(served) == len(set(served)) == len(MEDIA_FORMAT)


def test_the_commands_offer_what_the_registry_holds():
    assert QUERY_FORMATS == SELECT_FORMATS + GRAPH_FORMATS
    query_help = CliRunner().invoke(main, ["query", "--help"]).output
    assert "[" + "|".join(QUERY_FORMATS) + "]" in " ".join(query_help.split()), query_help
    export_help = " ".join(CliRunner().invoke(main, ["export", "--help"]).output.split())
    assert all(name in export_help for name in EXPORT_FORMATS)
    bad = CliRunner().invoke(main, ["export", "--format", "rdfxml"])  # a query format, not an export one
    assert bad.exit_code == 2 and ", ".join(EXPORT_FORMATS) in bad.output


@pytest.mark.parametrize("accept,graph,expected", [
    ("text/csv", False, "csv"), ("application/json", False, "json"), ("text/xml", False, "xml"),
    ("application/xml", True, "rdfxml"), ("text/plain", True, "nt"), ("application/x-turtle", True, "turtle"),
    ("text/csv;q=0.5, application/sparql-results+xml", False, "xml"),
    ("application/trig", True, "turtle"), ("*/*", False, "json"), ("text/turtle", False, "json"),
])
def test_negotiation_reads_the_registry(accept, graph, expected):
    assert negotiate(accept, graph) == expected

# ------------------------------------------------------------------ node types


def test_node_types_are_the_iri_folders_and_the_view_s_legend(seed_graph):
    assert {t.folder for t in NODE_TYPES} <= set(NODE_KINDS)
    assert [type_folder(c) for c in ("Person", "Organization", "Place", "Book", "Movie", "CreativeWork")] == \
        ["person", "organization", "place", "work", "work", "work"]
    assert type_folder("SportsTeam") == "sportsteam"
    assert TYPE_OF_CLASS[SDO.Book] == TYPE_OF_CLASS[SDO.CreativeWork]
    data = graph_data(list(seed_graph))
    assert data["types"] == [[t.key, t.label, t.colour, t.shape] for t in NODE_TYPES]
    for n in data["nodes"]:
        assert n["id"].split("/")[-2] == NODE_TYPES[n["type"]].folder, n["id"]

# ------------------------------------------------------------------ the SPARQL lexer


def test_code_only_blanks_comments_strings_and_iris():
    query = "SELECT * # SERVICE \"\nWHERE { ?s <http://x/a#b> 'a # b' ; ?p \"\"\"x\n{\"\"\" }"
    assert code_only(query) == "SELECT *  \nWHERE { ?s <> \"\" ; ?p \"\" }"


def test_braces_and_where_skip_what_is_not_code():
    query = "PREFIX where: <http://x/where#> SELECT ?where WHERE { ?s ?p '}' { ?a ?b ?c } } # }"
    assert [t for t, _ in braces_and_where(query)] == ["where", "open", "open", "close", "close"]
    assert query[:where_group_start(query)].endswith("WHERE {")
    assert where_group_start("SELECT * # WHERE {\r{ ?s ?p ?o }") is None  # a comment ends at \r too
