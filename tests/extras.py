"""Which optional scorer extras are installed, and the skip reason that says how to add them."""

import importlib.util
import re

#: The import name of each extra's package.
PACKAGES = {"afinn": "afinn", "textblob": "textblob", "nrc": "nrclex"}
#: What a test that needs them says when one is missing.
INSTALL = "needs the scorer extras: pip install -e '.[scorers]' (or .[test])"


def missing(*extras: str) -> list[str]:
    """The extras among ``extras`` whose package is not installed (none asked: none missing)."""
    return [e for e in extras if importlib.util.find_spec(PACKAGES[e]) is None]


def needs(text: str) -> list[str]:
    """The extras a README line or notebook needs, read from the scorer names in it."""
    found = [e for e in PACKAGES if re.search(rf"\b{e}\b", text)]
    if "--emotions" in text or "emotions_chart" in text:
        found.append("nrc")
    return sorted(set(found))
