"""A small corpus for the corpus tests: Alice's chapters, O. Henry's story, and bad files."""

from __future__ import annotations

import re
from pathlib import Path

from tests.books import ALICE, MAGI

#: The bad files a corpus test adds, and the words their status must hold.
BAD = {
    "binary.txt": (b"\x00\x01\x02\x03 not text \x00" * 40, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n  ", "no text"),
    "short.txt": (b"It rained.", "needs at least"),
}


def write_corpus(folder: Path, *, chapters: int = 12, bad: bool = False) -> list[Path]:
    """Alice's first ``chapters`` chapters (one file each) and The Gift of the Magi."""
    folder.mkdir(parents=True, exist_ok=True)
    text = ALICE.read_text(encoding="utf-8")
    pieces = re.split(r"\n\s*CHAPTER [IVXL]+\s*\n", text)[1:]
    paths = []
    for i, piece in enumerate(pieces[:chapters], 1):
        path = folder / f"alice_{i:02d}.txt"
        path.write_text(f"Alice, chapter {i}\n\n{piece.strip()}\n", encoding="utf-8")
        paths.append(path)
    magi = folder / "magi.txt"
    magi.write_bytes(MAGI.read_bytes())
    paths.append(magi)
    if bad:
        for name, (data, _) in BAD.items():
            (folder / name).write_bytes(data)
            paths.append(folder / name)
    return sorted(paths)
