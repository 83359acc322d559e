"""Analysis: the scored sentence table, units, smoothing, band and envelope, turns, shapes.

Imports :mod:`arc.text` and :mod:`arc.score`, never the charts above it.
"""
