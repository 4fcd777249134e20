"""The pieces of `kg serve`: request parsing, content negotiation, query running, result
writing and static files. kg/sparql/serve.py ties them to an HTTP server."""
