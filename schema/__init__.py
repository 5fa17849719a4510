"""Marks `schema/` as the package `graph._schema` in an installed wheel (see graph/resources.py).

The folder holds data only: the ontology, the SHACL shapes, the rules and the shipped queries.
"""
