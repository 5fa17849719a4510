"""Analyse a built graph: statistics and paths (networkx), explanations and conflicts, SHACL validation."""
