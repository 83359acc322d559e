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


def test_vader_features_are_shared_among_the_words_vader_scored(valence):
    """Only the intercept and the "!", "?" and capitals features are left to the last row."""
    from arc.score.valence import ValenceModel

    model = ValenceModel()
    w_excl, w_quest, w_caps = model.dense[3:]
    for text in [*SENTENCES[:4], "Yet from whom has not that rude hand rent away some dear one?"]:
        if not text:
            continue
        rest = dict(valence.parts(text))[REST]
        words = [w for w in text.split() if any(c.isalpha() for c in w)]
        caps = sum(w.strip("\"'(").istitle() or w.isupper() for w in words) / len(words)
        expected = (
            model.intercept + w_excl * text.count("!") + w_quest * text.count("?") + w_caps * caps
        )
        assert rest == pytest.approx(expected, abs=1e-9), text
    # one positive word: it takes all three VADER features' parts
    parts = dict(valence.parts("The meeting was lovely."))
    vader = get_scorer("vader").score("The meeting was lovely.")
    w_compound, w_pos, w_neg = model.dense[:3]
    word_alone = model.words.get("lovely", 0.0) / 2  # 1/sqrt(4 words)
    assert parts["lovely"] == pytest.approx(
        word_alone + w_compound * vader.compound + w_pos * vader.pos + w_neg * vader.neg
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


def test_word_shift_of_valence_adds_up_exactly():
    import arc
    from arc.analysis.wordshift import word_shift

    text = arc.example_path("alice").read_text("utf-8")
    a = arc.explain(text=text, segment="0-50%", scorer="valence")
    b = arc.explain(text=text, segment="50-100%", scorer="valence")
    shift = word_shift(a, b)
    assert shift.attrs["scorer"] == "valence"
    assert math.isclose(
        math.fsum(shift["shift"]), a.attrs["value"] - b.attrs["value"], abs_tol=1e-9
    )
    assert shift.attrs["explained"] == shift.attrs["difference"]
    assert any(w.startswith("NOT_") for w in shift["word"])  # negated words stay their own
    with pytest.raises(ValueError, match="one scorer"):
        word_shift(a, arc.explain(text=text, segment="50-100%"))


def test_cli_explain_valence_word_shift(capsys, tmp_path):
    assert main(["explain", "--scorer", "valence", "--between", "0-50%", "50-100%"]) == 0
    out = capsys.readouterr().out
    assert "in mean arc valence" in out.splitlines()[0]
    assert "words that raise the first stretch against the second:" in out
    assert main(["explain", "--scorer", "valence", "-o", str(tmp_path / "s.png")]) == 0
    assert (tmp_path / "s.png").stat().st_size > 10_000
