"""View: the interactive HTML page of the graph, its data, layout and template."""
