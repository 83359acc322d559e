"""Public-domain example texts shipped with arc, so every example in the docs runs as written.

``arc plot --example frankenstein`` and ``arc.example_path("frankenstein")`` read them. The
files are Project Gutenberg texts byte for byte (their sources: ``arc/data/examples/README.md``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["EXAMPLES", "example_path"]

#: Example name -> (file in arc/data/examples, what it is).
EXAMPLES: dict[str, tuple[str, str]] = {
    "frankenstein": ("frankenstein_pg84.txt", "Mary Shelley, Frankenstein (1818), Gutenberg #84"),
    "alice": ("alice30.txt", "Lewis Carroll, Alice's Adventures in Wonderland (1865), #11"),
    "northanger": ("northanger_abbey.txt", "Jane Austen, Northanger Abbey (1817)"),
}


def example_path(name: str) -> Path:
    """The path of the example text ``name`` (see :data:`EXAMPLES`).

    Examples
    --------
    >>> example_path("frankenstein").name
    'frankenstein_pg84.txt'
    """
    try:
        file, _ = EXAMPLES[name]
    except KeyError:
        raise ValueError(f"unknown example {name!r}; choose from {', '.join(EXAMPLES)}") from None
    return Path(str(resources.files("arc").joinpath("data", "examples", file)))
