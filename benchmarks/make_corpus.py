"""A corpus of N texts for ``arc corpus`` benchmarks, cut from the shared corpus's books.

Each book of the shared corpus (``../shared/corpus`` from the repository root, or
``--corpus DIR``; the ``.txt`` files its ``MANIFEST.tsv`` lists) is read with arc's own
parser (:func:`arc.text.document.load`): its story paragraphs (``doc.story``) are cut at
chapter boundaries (a run of paragraphs with one ``doc.chapters`` label is a piece); a book
without chapters is cut into pieces of about :data:`PIECE_WORDS` words at paragraph
boundaries. Each piece is written as one UTF-8 file: a title line (``Frankenstein — Chapter
5``), a blank line, then the piece's paragraphs as they stand in the book (line breaks
made LF), separated by blank lines.

Which pieces, in which order (the same N gives the same files, byte for byte):

1. whole chapters (level 1), taken round-robin over the books in manifest order (the first
   chapter of each book, then the second of each, ...), so a small corpus has every book;
2. when there are fewer than N of them (the shared corpus has 743 chapters of at least
   :data:`MIN_WORDS` words), each chapter cut in two halves at the paragraph boundary nearest
   its middle word (level 2, ``(part 1 of 2)``), then in thirds (level 3), and so on, each
   level round-robin like the first. A half overlaps its whole chapter: the corpus then
   holds the same prose twice in different cuts, never the same file twice (every file's
   bytes are checked distinct by their SHA-256, and a piece whose bytes were seen is
   skipped).

Pieces under :data:`MIN_WORDS` words are skipped. ``--bad K`` adds K files that arc cannot
analyse, in turn: binary (NUL bytes), empty, undecodable (bytes that are not text in any
encoding arc tries), and too short (one sentence). Files are named
``NNNNN-<book>-<chapter>.txt`` (``bad-NNN-<kind>.txt``), so sorted order is selection order.

Run it as::

    python benchmarks/make_corpus.py OUTDIR [-n 1000] [--bad K] [--corpus DIR]

OUTDIR must be new or empty (or hold only a corpus made by this script: ``--force``
replaces it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import random
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository root
CORPUS = ROOT.parent / "shared" / "corpus"  # ../shared/corpus from the repository root
PIECE_WORDS = 3_000  # a book without chapters is cut into pieces of about this many words
MIN_WORDS = 150  # shorter pieces are skipped (a prologue of 110 words, say)
MAX_LEVEL = 8  # cut each chapter into at most this many parts
BAD_KINDS = ("binary", "empty", "undecodable", "short")
_MARK = ".made-by-make_corpus"


@dataclass(frozen=True)
class Piece:
    """One file to write: its book, its label, and its text (title line included)."""

    book: str
    label: str
    text: str


def manifest(corpus: Path) -> list[dict[str, str]]:
    """The manifest's rows whose files are there; stop in one line when there is none."""
    path = corpus / "MANIFEST.tsv"
    if not path.is_file():
        raise SystemExit(
            f"make_corpus.py: error: no corpus at {corpus} (expected ../shared/corpus beside "
            "the repository, with MANIFEST.tsv); pass --corpus DIR"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("file")]
    return [r for r in rows if (corpus / r["file"]).is_file()]


def short_title(row: dict[str, str]) -> str:
    """The manifest's title before any parenthesis or ";" (``Frankenstein``)."""
    return (row.get("title") or Path(row["file"]).stem).split(" (")[0].split(";")[0].strip()


def book_runs(path: Path) -> list[tuple[str, list[str]]]:
    """The book's story as (label, paragraphs): one run per chapter, or ~3,000-word pieces."""
    from arc.text.document import load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = load(path)
    raw = [doc.text[p.start : p.end] for p in doc.paragraphs]
    raw = [r.replace("\r\n", "\n").replace("\r", "\n") for r in raw]
    story = doc.story
    runs: list[tuple[str, list[str]]] = []
    if any(doc.chapters[i] for i in story):
        for i in story:
            label = doc.chapters[i] or "front"
            if runs and runs[-1][0] == label:
                runs[-1][1].append(raw[i])
            else:
                runs.append((label, [raw[i]]))
        return [(f"Chapter {label}", paras) for label, paras in runs]
    words = 0
    for i in story:
        if not runs or words >= PIECE_WORDS:
            runs.append((f"Part {len(runs) + 1}", []))
            words = 0
        runs[-1][1].append(raw[i])
        words += len(raw[i].split())
    return runs


def cut(paras: list[str], parts: int) -> list[list[str]]:
    """``paras`` cut into ``parts`` runs at the paragraph boundaries nearest equal word counts."""
    counts = [len(p.split()) for p in paras]
    total = sum(counts)
    bounds = [0]
    seen = 0
    k = 1
    for i, n in enumerate(counts):
        if k < parts and seen + n / 2 >= total * k / parts and i > bounds[-1]:
            bounds.append(i)
            k += 1
        seen += n
    bounds.append(len(paras))
    return [paras[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def pieces(corpus: Path, n: int) -> tuple[list[Piece], dict[str, int]]:
    """The first ``n`` distinct pieces in selection order, and how many came from each level."""
    books = []
    for row in manifest(corpus):
        books.append((short_title(row), Path(row["file"]).stem, book_runs(corpus / row["file"])))
    chosen: list[Piece] = []
    seen: set[str] = set()
    levels: dict[str, int] = {}
    for level in range(1, MAX_LEVEL + 1):
        per_book = []
        for title, stem, runs in books:
            mine = []
            for label, paras in runs:
                parts = cut(paras, level) if level > 1 else [paras]
                if len(parts) < level:  # too few paragraphs to cut this finely
                    continue
                for j, part in enumerate(parts, 1):
                    if sum(len(p.split()) for p in part) < MIN_WORDS:
                        continue
                    name = label if level == 1 else f"{label} (part {j} of {level})"
                    body = "\n\n".join(p.strip("\n") for p in part)
                    mine.append(Piece(stem, name, f"{title} \u2014 {name}\n\n{body}\n"))
            per_book.append(mine)
        depth = max((len(m) for m in per_book), default=0)
        for i in range(depth):
            for mine in per_book:
                if i >= len(mine):
                    continue
                digest = hashlib.sha256(mine[i].text.encode("utf-8")).hexdigest()
                if digest in seen:
                    continue
                seen.add(digest)
                chosen.append(mine[i])
                levels[str(level)] = levels.get(str(level), 0) + 1
                if len(chosen) == n:
                    return chosen, levels
    return chosen, levels


def bad_bytes(kind: str, k: int) -> bytes:
    """A file arc cannot analyse, of ``kind``, different for each ``k``."""
    rng = random.Random(f"bad-{kind}-{k}")
    if kind == "binary":
        return bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 64
    if kind == "empty":
        return b""
    if kind == "undecodable":  # invalid UTF-8, and control bytes no text encoding has
        return b"\x81\x8d\x8f\x90\x9d\xff\xfe\xfd" * (64 + k) + bytes(range(1, 9)) * 16
    return f"Too short {k}.".encode()


def slug(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "_", label).strip("_")


def make(out: Path, n: int, bad: int, corpus: Path, force: bool = False) -> dict[str, object]:
    """Write the corpus into ``out``; returns what was written."""
    if out.exists() and any(out.iterdir()):
        if not (out / _MARK).is_file():
            raise SystemExit(f"make_corpus.py: error: {out} is not empty; give a new folder")
        if not force:
            raise SystemExit(f"make_corpus.py: error: {out} holds a corpus; --force replaces it")
        for path in out.iterdir():
            path.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / _MARK).write_text(f"n={n} bad={bad}\n", encoding="utf-8")
    chosen, levels = pieces(corpus, n)
    words = 0
    for k, piece in enumerate(chosen):
        name = f"{k:05d}-{piece.book}-{slug(piece.label)}.txt"
        (out / name).write_bytes(piece.text.encode("utf-8"))
        words += len(piece.text.split())
    for k in range(bad):
        kind = BAD_KINDS[k % len(BAD_KINDS)]
        (out / f"bad-{k:03d}-{kind}.txt").write_bytes(bad_bytes(kind, k))
    return {"texts": len(chosen), "bad": bad, "words": words, "levels": levels, "folder": str(out)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUTDIR", help="a new or empty folder")
    parser.add_argument("-n", type=int, default=1_000, help="texts to write (default 1000)")
    parser.add_argument("--bad", type=int, default=0, metavar="K", help="add K bad files")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help="the shared corpus (default: ../shared/corpus from the repository root)",
    )
    parser.add_argument("--force", action="store_true", help="replace a corpus made before")
    args = parser.parse_args(argv)
    if args.n < 1 or args.bad < 0:
        parser.error("-n must be at least 1 and --bad at least 0")
    made = make(args.out, args.n, args.bad, args.corpus, args.force)
    levels = ", ".join(f"level {k}: {v}" for k, v in made["levels"].items())  # type: ignore[attr-defined]
    note = "" if made["texts"] == args.n else f" (only {made['texts']} distinct pieces exist)"
    print(
        f"{made['texts']:,} texts{note} ({levels}; {made['words']:,} words) and "
        f"{made['bad']} bad files in {made['folder']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
