"""Charts: chart data, layout, captions and theme, and the renderers that draw them.

Reads the analysis below it; nothing below imports it.
"""
