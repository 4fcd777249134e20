"""What survey authors ask of their lists: defects (audit), and how lists compare.

Submodules are imported where used: the pipeline needs only the audit.
"""
