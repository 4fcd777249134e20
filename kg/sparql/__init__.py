"""Everything SPARQL: the embedded store, saved queries and their parameters, the local
endpoint (`kg serve`) and loading another server (`kg publish`).

Submodules are imported where used, so that reading this package loads no store library.
"""
