"""Which optional extras (the scorers, the page) are installed, and the skip reason to add them."""

import importlib.util
import re
import tomllib
from pathlib import Path

#: The import name of each extra's package.
PACKAGES = {"afinn": "afinn", "textblob": "textblob", "nrc": "nrclex", "page": "bokeh"}
#: What a test that needs them says when one is missing.
INSTALL = "needs the scorer or page extras: pip install -e '.[scorers,page]' (or .[test])"


def missing(*extras: str) -> list[str]:
    """The extras among ``extras`` whose package is not installed (none asked: none missing)."""
    return [e for e in extras if importlib.util.find_spec(PACKAGES[e]) is None]


def needs(text: str) -> list[str]:
    """The extras a README line or notebook needs, read from the scorer names in it."""
    found = [e for e in PACKAGES if re.search(rf"\b{e}\b", text)]
    if "--emotions" in text or "emotions_chart" in text:
        found.append("nrc")
    if "arc.interactive" in text or re.search(r"-o \S+\.html\b", text):
        found.append("page")
    return sorted(set(found))


def installed_by(command: str) -> set[str]:
    """The scorer extras whose packages ``pip install -e '.[a,b]'`` in ``command`` installs.

    Read from pyproject.toml's optional dependencies, so an extra that lists the scorers'
    packages (``test``, ``notebook``) counts as installing them.
    """
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text("utf-8"))["project"]["optional-dependencies"]
    asked = re.search(r"-e '?\.\[([\w,-]+)\]", command)
    names: set[str] = set()
    for extra in asked.group(1).split(",") if asked else []:
        names |= _names(extras[extra])
    return {e for e in PACKAGES if _names(extras[e]) <= names}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[; ]", req, maxsplit=1)[0].lower() for req in requirements}
