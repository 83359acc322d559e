"""arc's valence scorer (#23): its values, its parts, its provenance and its fit script."""

import csv
import hashlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from arc.cli import main
from arc.score.scorers import SCORERS, get_scorer, scorer_versions
from arc.score.valence import REST

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "arc" / "data" / "valence.json"
SENTENCES = [
    "The meeting is on Tuesday.",
    "I love this wonderful town!",
    "This is a terrible, awful mess.",
    "I do not like it, but the rain is awful!!",
    "",
    "WHAT?! No way... Never again.",
]


@pytest.fixture(scope="module")
def valence():
    return get_scorer("valence")


def test_registered_and_versioned_by_the_model_file():
    assert "valence" in SCORERS and SCORERS["valence"].value_range == (-1.0, 1.0)
    digest = hashlib.sha256(MODEL.read_bytes()).hexdigest()[:12]
    assert scorer_versions(["valence"])[0].startswith(f"valence={digest}:")


def test_values_signed_and_in_range(valence):
    values = [s.compound for s in valence.score_many(SENTENCES)]
    assert all(-1.0 <= v <= 1.0 for v in values)
    assert abs(values[0]) < valence.neutral
    assert values[1] > 0.3 and values[2] < -0.3 and values[3] < 0
    assert values == [valence.score(t).compound for t in SENTENCES]


def test_parts_add_up_exactly(valence):
    for text in SENTENCES:
        parts = valence.parts(text)
        assert parts[-1][0] == REST
        assert math.isclose(
            math.fsum(p for _, p in parts), valence.score(text).compound, rel_tol=0, abs_tol=1e-12
        )


def test_never_saw_fiction():
    data = ROOT / "scripts" / "data" / "emobank" / "emobank_nonfiction.csv"
    with data.open(encoding="utf-8", newline="") as f:
        genres = {row["category"] for row in csv.DictReader(f)}
    assert "fiction" not in genres and len(genres) == 6
    model = json.loads(MODEL.read_text("utf-8"))
    assert not any("fiction" in s and "non-fiction" not in s for s in model["sets"])
    assert "CC-BY 4.0" in json.dumps(model["sources"]) and "MIT" in json.dumps(model["sources"])


def test_fit_script_reproduces_the_model(tmp_path):
    out = tmp_path / "valence.json"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fit_valence.py"), "--fit-only", "-o", str(out)],
        check=True,
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert out.read_bytes() == MODEL.read_bytes()


def test_cli_validate(capsys):
    assert main(["validate", "--scorer", "valence"]) == 0
    out = capsys.readouterr().out
    assert "valence" in out and "tweets:test" in out


def test_validate_grades_it_on_the_test_halves_alone():
    """It learned from the train halves: a whole-set row would grade it on its own lessons."""
    from arc.score.validation import TEST, validate

    rows = validate(scorers=["vader", "valence"])
    mine = rows[rows["scorer"] == "valence"]
    assert len(mine) == 4 and mine["set"].str.endswith(TEST).all()
    assert (rows["scorer"] == "vader").sum() == 8  # VADER: whole sets and test halves


def test_explain_adds_up_to_the_scored_value():
    """Each word's part, weighted as the arc weighs its sentence, adds up to the value."""
    import arc
    from arc.text.paratext import STORY_ROLES

    units = arc.analyze(None, "paragraph", scorer="valence")
    for segment in (3, "2-5", "0-33%"):
        df = arc.explain(None, "paragraph", segment=segment, scorer="valence")
        assert set(df["rule"]) == {"valence"}
        assert math.isclose(math.fsum(df["contribution"]), df.attrs["value"], abs_tol=1e-9)
    one = arc.explain(None, "paragraph", segment=3, scorer="valence")
    scored = float(units.loc[units["index"] == 3, "compound"].iloc[0])
    assert math.isclose(one.attrs["value"], scored, abs_tol=1e-9)
    story = arc.explain(None, "paragraph", scorer="valence")
    mean = units.loc[units["role"].isin(STORY_ROLES), "compound"].mean()
    assert math.isclose(math.fsum(story["contribution"]), mean, abs_tol=1e-9)
    assert REST in set(story["token"])


def test_explain_string_is_its_parts():
    import arc

    text = "I do not like it, but the rain is awful!!"
    with pytest.warns(FutureWarning):
        df = arc.explain(text, scorer="valence")
    value = get_scorer("valence").score(text).compound
    assert math.isclose(math.fsum(df["contribution"]), value, abs_tol=1e-12)
    assert df.attrs["value"] == pytest.approx(value)


def test_cli_explain_valence(capsys):
    assert main(["explain", "--scorer", "valence", "--segment", "3"]) == 0
    out = capsys.readouterr().out
    assert "the mean arc valence of 7 sentences" in out
    assert "words that raise it:" in out
    assert REST in out


def test_cli_explain_valence_keeps_the_negation_mark(capsys):
    """A negated word is its own feature (NOT_love is not love), printed as the model reads it."""
    assert main(["explain", "--scorer", "valence", "--top", "50"]) == 0
    words = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line[:2] == "  "}
    assert "NOT_love" in words and "love" in words
    assert not any(w.startswith("not_") for w in words)


def test_cli_explain_valence_word_shift_refused(capsys, tmp_path):
    assert main(["explain", "--scorer", "valence", "--between", "0-50%", "50-100%"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "VADER's only" in err[0]
    assert main(["explain", "--scorer", "valence", "-o", str(tmp_path / "s.png")]) == 2
    assert not (tmp_path / "s.png").exists()
