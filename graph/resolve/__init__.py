"""Resolve: merge the extractions of every article into one node per person, event and quotation, with each fact's evidence."""
