"""SPARQL: the embedded store and query command, parameter binding, the endpoint (kg serve) and pushing to a remote store."""
