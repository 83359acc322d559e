"""Paths of the public-domain books committed as test data."""

from pathlib import Path

BOOKS = Path(__file__).resolve().parent / "data" / "books"
#: Whole books ship with arc as examples (arc/data/examples); tests read them there.
EXAMPLES = Path(__file__).resolve().parent.parent / "arc" / "data" / "examples"
FRANKENSTEIN = EXAMPLES / "frankenstein_pg84.txt"
ALICE = EXAMPLES / "alice30.txt"
NORTHANGER = EXAMPLES / "northanger_abbey.txt"
MAGI = BOOKS / "gift_of_the_magi_pg7256.txt"
WAR_AND_PEACE = BOOKS / "war_and_peace_pg2600-8_excerpt.txt"
