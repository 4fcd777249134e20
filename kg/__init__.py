"""surveykg: curated paper lists as a typed taxonomy knowledge graph."""

__version__ = "0.1.0"
