"""Train arc's Punkt sentence-splitter parameters on public-domain novels.

Run once by a developer; the result, ``arc/data/punkt_english.json``, is committed so that
arc never downloads nltk data and never depends on what a machine happens to have.

    python scripts/train_punkt.py ../shared/corpus/*.txt
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

# Abbreviations every English text needs, whatever the training texts happened to contain.
KNOWN_ABBREVIATIONS = [
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "messrs",
    "mme",
    "mlle",
    "prof",
    "rev",
    "hon",
    "capt",
    "col",
    "gen",
    "lieut",
    "lt",
    "sgt",
    "maj",
    "gov",
    "sen",
    "rep",
    "jr",
    "sr",
    "esq",
    "co",
    "inc",
    "ltd",
    "vs",
    "etc",
    "i.e",
    "e.g",
    "viz",
    "cf",
    "vol",
    "ch",
    "chap",
    "no",
    "p",
    "pp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "a.m",
    "p.m",
    "u.s",
    "ft",
    "mt",
    "ave",
]

START = re.compile(r"^\*\*\* ?START OF.*$", re.M)
END = re.compile(r"^\*\*\* ?END OF.*$", re.M)


def body(text: str) -> str:
    """Drop a Project Gutenberg header and footer when present."""
    start = START.search(text)
    end = END.search(text)
    return text[start.end() if start else 0 : end.start() if end else len(text)]


def main(paths: list[str]) -> None:
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    sources = []
    for path in sorted(paths):
        raw = Path(path).read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        trainer.train(body(text.replace("\r\n", "\n")), finalize=False)
        sources.append({"file": Path(path).name, "sha256": hashlib.sha256(raw).hexdigest()})
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types.update(KNOWN_ABBREVIATIONS)
    data = {
        "format": "arc-punkt-1",
        "trained_on": sources,
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    out = Path(__file__).resolve().parent.parent / "arc" / "data" / "punkt_english.json"
    out.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(data['abbrev_types'])} abbreviations)")


if __name__ == "__main__":
    main(sys.argv[1:])
