"""Paths of the public-domain books committed as test data."""

from pathlib import Path

BOOKS = Path(__file__).resolve().parent / "data" / "books"
FRANKENSTEIN = BOOKS / "frankenstein_pg84.txt"
ALICE = BOOKS / "alice30.txt"
NORTHANGER = BOOKS / "northanger_abbey.txt"
MAGI = BOOKS / "gift_of_the_magi_pg7256.txt"
WAR_AND_PEACE = BOOKS / "war_and_peace_pg2600-8_excerpt.txt"
