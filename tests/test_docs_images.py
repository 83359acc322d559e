"""The README's and the gallery's images are what `make docs` draws today: none is stale."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from arc.charts.render import png_digest
from tests.extras import INSTALL, missing

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_spec = importlib.util.spec_from_file_location(
    "make_screenshots", ROOT / "scripts" / "make_screenshots.py"
)
make_screenshots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_screenshots)
#: The interactive page's screenshots (scripts/make_screenshots.py), taken in Chromium.
SHOTS = make_screenshots.SHOTS


def test_every_readme_image_is_current(tmp_path):
    lacking = missing("afinn", "textblob", "nrc")
    if lacking:  # docs/validation.png shows every scorer
        pytest.skip(f"{' '.join(lacking)}: {INSTALL}")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_docs.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    drawn = sorted(tmp_path.glob("*.png"))
    assert [p.name for p in drawn] == sorted(
        p.name for p in DOCS.glob("*.png") if p.name not in SHOTS
    )
    readme = (ROOT / "README.md").read_text("utf-8")
    gallery = (DOCS / "gallery.md").read_text("utf-8")
    for fresh in drawn:
        assert f"docs/{fresh.name}" in readme or f"]({fresh.name})" in gallery, fresh.name
        committed = DOCS / fresh.name
        # The chart's data fingerprint, not its pixels (those vary with matplotlib's version).
        assert png_digest(fresh) is not None
        assert png_digest(committed) == png_digest(fresh), f"run `make docs`: {fresh.name}"


def test_the_pages_screenshots_are_current_and_in_the_readme():
    """Each screenshot shows the chart its static image beside it shows (their fingerprints)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    for shot, (_, chart) in SHOTS.items():
        assert f"docs/{shot}" in readme, shot
        assert png_digest(DOCS / shot) is not None, shot
        assert png_digest(DOCS / shot) == png_digest(DOCS / chart), (
            f"run `make docs`: {shot} shows an older {chart}"
        )
    assert {p.name for p in DOCS.glob("page_*.png")} == set(SHOTS)


def test_the_gallery_shows_every_chart_kind_with_how_to_read_it():
    """docs/gallery.md: one image of every chart kind, each with a few words on reading it."""
    gallery = (DOCS / "gallery.md").read_text("utf-8")
    images = [line for line in gallery.splitlines() if line.startswith("![")]
    kinds = ["story", "novel", "chance", "poem", "smoothers", "compare", "scorers", "valence"]
    kinds += ["emotions"]
    kinds += ["smoothing check", "word shift", "validation", "corpus"]
    sections = gallery.split("\n## ")[1:]
    assert len(sections) == len(kinds) == len(images)
    for kind, section in zip(kinds, sections, strict=True):
        assert kind in section.splitlines()[0].lower(), (kind, section.splitlines()[0])
        words = [ln for ln in section.splitlines()[1:] if ln and not ln.startswith("![")]
        assert len(" ".join(words).split(". ")) >= 2, f"{kind}: say how to read it"
    assert "(../README.md)" in gallery or "README" in gallery
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "docs/gallery.md" in readme
