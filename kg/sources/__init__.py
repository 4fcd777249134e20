"""Readers that turn list files into sections and entries with line-level provenance."""

from kg.sources.base import READERS, ListReadError, read_list
from kg.sources.markdown import read_markdown

__all__ = ["READERS", "ListReadError", "read_list", "read_markdown"]
