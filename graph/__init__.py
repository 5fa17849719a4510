"""kg-news: a knowledge-graph builder for news articles.

The pipeline reads as a sentence, one subpackage or module a step:

    load.py (articles) -> rules/ (load and check) -> match/ (per article, pure)
    -> resolve/ (merge across articles) -> rdf/ (emit triples with provenance, Turtle)
    -> write.py (outputs, atomically) -> view/ (HTML)

build.py runs it (runtime/ holds the cache and the engines); sparql/ and analyse/
read a built graph; evaluate/ scores one against hand-annotated articles; cli.py is
the one command-line boundary.
"""

__version__ = "0.1.0"
