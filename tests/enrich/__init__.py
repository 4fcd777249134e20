"""Tests for kg.enrich: the things the lists name and the relations derived about them."""
