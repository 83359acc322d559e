"""Text: bytes to text, documents, paragraphs and sentences, chapters, paratext, Gutenberg.

The lowest layer above :mod:`arc.errors`: it imports nothing else of arc's.
"""
