"""Scoring: the scorer protocol, the VADER engine, other readers, the ensemble, validation.

Imports :mod:`arc.text` and nothing above it.
"""
