"""RDF: the vocabulary and IRIs, facts emitted as triples with their provenance, the canonical Turtle writer and the export formats."""
