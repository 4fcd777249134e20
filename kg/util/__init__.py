"""Small helpers every stage may use: output paths, shipped files, GC pauses, text tables.

Nothing here imports a pipeline stage, so any module can use them without a cycle.
"""
