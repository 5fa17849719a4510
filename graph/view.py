"""Render the graph as one self-contained, offline HTML page (vis-network, inlined).

The page carries its data as JSON inside a <script type="application/json"> block,
escaped so that no text from an article can close the block or become markup;
every label, tooltip and panel text is set with textContent, never innerHTML.
vis-network comes from the pyvis package and is inlined: no request leaves the page.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyvis
from rdflib import RDF, RDFS, Literal, URIRef

from graph.vocab import KG, OA, PROV, SDO

TEMPLATE = Path(__file__).resolve().parent / "templates" / "view.html"
VIS_JS = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"

# node type -> (legend label, colour, shape); the first type a node has in this order wins
NODE_STYLES = {
    str(SDO.Person): ("Person", "#e15759", "dot"),
    str(SDO.Event): ("Event", "#f28e2b", "diamond"),
    str(SDO.Quotation): ("Quotation", "#76b7b2", "box"),
    str(SDO.NewsArticle): ("Article", "#4e79a7", "square"),
    str(SDO.Organization): ("Organisation", "#59a14f", "triangle"),
    str(SDO.CreativeWork): ("Work", "#b07aa1", "star"),
    str(SDO.Book): ("Work", "#b07aa1", "star"),
    str(SDO.Movie): ("Work", "#b07aa1", "star"),
    str(SDO.Place): ("Place", "#edc948", "triangleDown"),
}
EDGE_PROPERTIES = [SDO.spouse, SDO.parent, SDO.sibling, SDO.organizer, SDO.attendee, SDO.about, SDO.location,
                   KG.platform, SDO.workFeatured, SDO.creator, SDO.isPartOf, PROV.wasDerivedFrom]


def _json_for_html(data) -> str:
    """JSON that is safe inside <script>: no <, >, & or line separators appear literally."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def graph_data(triples) -> dict:
    """Nodes, edges and per-node facts for the view, all sorted."""
    by_s = defaultdict(lambda: defaultdict(list))
    # only what the view reads: most triples are provenance, and grouping them all dominated the time
    wanted = {RDF.type, RDFS.label, SDO.startDate, SDO.alternateName, SDO.text, *EDGE_PROPERTIES}
    for s, p, o in triples:
        if p in wanted:
            by_s[s][p].append(o)
    labels = {s: str(min(ps[RDFS.label], key=str)) for s, ps in by_s.items() if ps.get(RDFS.label)}
    prop_labels = {str(s): labels[s] for s in labels}
    nodes = {}
    for s, ps in by_s.items():
        types = {str(t) for t in ps.get(RDF.type, [])}
        style = next((NODE_STYLES[t] for t in NODE_STYLES if t in types), None)
        if style is None or not isinstance(s, URIRef):
            continue
        dates = sorted(str(d) for d in ps.get(SDO.startDate, []))
        nodes[s] = {
            "id": str(s),
            "label": labels.get(s, str(s).rsplit("/", 1)[-1]),
            "type": style[0],
            "color": style[1],
            "shape": style[2],
            "dates": dates,
            "aliases": sorted(str(a) for a in ps.get(SDO.alternateName, [])),
            "text": str(ps[SDO.text][0]) if ps.get(SDO.text) else "",
        }
    g = nx.MultiDiGraph()
    g.add_nodes_from(sorted(map(str, nodes)))
    edges = []
    for s in nodes:
        for p in EDGE_PROPERTIES:
            for o in by_s[s].get(p, []):
                if o in nodes and (p not in (SDO.spouse, SDO.sibling) or str(s) < str(o)):
                    edges.append({"from": str(s), "to": str(o), "label": prop_labels.get(str(p), str(p).rsplit("/", 1)[-1])})
                    g.add_edge(str(s), str(o))
    edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    degree = dict(nx.Graph(g).degree())
    for n in nodes.values():
        n["size"] = 10 + min(30, 3 * degree.get(n["id"], 0))
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}


def render_html(triples, title: str = "Knowledge graph") -> str:
    """The whole page as a string: deterministic for the same triples."""
    data = graph_data(triples)
    legend = sorted({(n["type"], n["color"], n["shape"]) for n in data["nodes"]})
    page = TEMPLATE.read_text(encoding="utf-8")
    vis = VIS_JS.read_text(encoding="utf-8").replace("</script", "<\\/script")
    return (page.replace("{{VIS_JS}}", vis)
                .replace("{{DATA}}", _json_for_html({"graph": data, "legend": legend, "title": title})))
