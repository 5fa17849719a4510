"""kg-news: a knowledge-graph builder for news articles.

The pipeline reads as a sentence, one module a step:
load (articles) -> rules (load and validate) -> match (per article, pure)
-> resolve (merge across articles) -> emit (RDF with provenance)
-> write (Turtle, atomically) -> view (HTML).
"""

__version__ = "0.1.0"
