"""Redraw the README's and the gallery's images in docs/ from the vignette and the test books.

Run with ``make docs``; every image comes from the ``arc`` command, so the README shows
exactly what a user gets.
"""

from __future__ import annotations

import sys
from pathlib import Path

from arc.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

CHARTS = [
    ["plot", "-o", DOCS / "final_goodbyes.png"],
    ["plot", "--example", "frankenstein", "-o", DOCS / "frankenstein.png"],
    [
        "plot",
        "--example",
        "frankenstein",
        "--smooth",
        "all",
        "-o",
        DOCS / "frankenstein_methods.png",
    ],
    [
        "compare",
        "--example",
        "frankenstein",
        "--example",
        "alice",
        "--example",
        "northanger",
        "-o",
        DOCS / "compare.png",
    ],
    [
        "explain",
        "--example",
        "frankenstein",
        "--between",
        "0-50%",
        "50-100%",
        "-o",
        DOCS / "frankenstein_shift.png",
    ],
    ["validate", "-o", DOCS / "validation.png"],
    # The gallery (docs/gallery.md): every other chart kind.
    ["plot", "--example", "alice", "-o", DOCS / "alice.png"],
    ["plot", str(ROOT / "docs" / "examples" / "winter_letters.txt"), "-o", DOCS / "poems.png"],
    [
        "plot",
        "--example",
        "frankenstein",
        "--scorer",
        "vader,afinn,textblob",
        "-o",
        DOCS / "frankenstein_scorers.png",
    ],
    [
        "plot",
        "--example",
        "frankenstein",
        "--scorer",
        "vader,valence",
        "-o",
        DOCS / "frankenstein_valence.png",
    ],
    ["plot", "--example", "frankenstein", "--emotions", "-o", DOCS / "frankenstein_emotions.png"],
    ["plot", "--example", "frankenstein", "--smooth-check", "-o", DOCS / "frankenstein_check.png"],
]


def chapters(folder: Path) -> None:
    """Write each chapter of the three example books to ``folder`` as a text of its own."""
    from arc.text.document import load
    from arc.text.examples import EXAMPLES, example_path

    folder.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLES:
        doc = load(example_path(name))
        pieces: dict[str, list[str]] = {}
        for span, role, chapter in zip(doc.paragraphs, doc.roles, doc.chapters, strict=True):
            if role == "body" and chapter is not None:
                pieces.setdefault(chapter, []).append(doc.text[span.start : span.end])
        for k, (chapter, paragraphs) in enumerate(pieces.items(), 1):
            text = f"{doc.title}, chapter {chapter}\n\n" + "\n\n".join(paragraphs) + "\n"
            (folder / f"{name}_{k:02d}.txt").write_text(text, encoding="utf-8")


def corpus_overview(folder: Path) -> int:
    """The corpus overview chart of the example books' chapters, as docs/corpus_overview.png."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        chapters(Path(work) / "chapters")
        out = Path(work) / "out"
        status = main(["corpus", str(Path(work) / "chapters"), "-o", str(out), "--no-cache"])
        if status == 0:
            shutil.copyfile(out / "overview.png", folder / "corpus_overview.png")
    return status


def run(folder: Path = DOCS) -> int:
    """Draw every README image into ``folder`` (docs/ by default); the exit status."""
    for args in CHARTS:
        status = main([str(folder / a.name) if isinstance(a, Path) else a for a in args])
        if status:
            return status
    return corpus_overview(folder)


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS))
