"""An API that says what it means: a string is never guessed, bad arguments get one clear line,
parameters cannot run for hours, and a warning in ``df.attrs`` is a Python warning too."""

import io
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pytest

import arc
from arc.analysis.frame import frame
from arc.analysis.smoothing import (
    LOWESS_MAX_WORK,
    MAX_IT,
    MAX_LOW_PASS_SIZE,
    MAX_POLYORDER,
    MAX_X_REVERSE_LEN,
)
from arc.errors import ArcWarning, EmptyInputError, MissingInputError
from arc.text.document import load
from tests import texts
from tests.books import MAGI

AS_TEXT = r"\(to analyse a string as text, pass text='\.\.\.'\)"


@pytest.fixture
def no_stdin(monkeypatch):
    """Standard input that fails the test if anything reads it."""

    class Untouchable(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, b):
            raise AssertionError("the library read standard input")

    stream = io.TextIOWrapper(io.BufferedReader(Untouchable()))
    monkeypatch.setattr(sys, "stdin", stream)
    return stream


# --------------------------------------------------------------------------- a string is a path


@pytest.mark.parametrize(
    "source",
    ["mystory", "It was a dark and stormy night.", "She smiled.\n\nHe wept.", "typo.txt", "a/b"],
)
def test_a_string_that_names_no_file_is_refused(source, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MissingInputError, match=f"^no such file: .* {AS_TEXT}$"):
        arc.analyze(source)
    with pytest.raises(MissingInputError, match="no such file"):
        load(source)


def test_the_message_quotes_the_string():
    with pytest.raises(MissingInputError) as caught:
        arc.analyze("mystory")
    assert str(caught.value) == (
        "no such file: 'mystory' (to analyse a string as text, pass text='...')"
    )


def test_a_long_text_in_source_is_quoted_short_on_one_line():
    story = texts.STORY * 50
    with pytest.raises(MissingInputError) as caught:
        arc.analyze(story)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 200 and message.startswith("no such file: ")


def test_an_empty_string_is_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # "" used to mean ".", "is a directory"
    with pytest.raises(MissingInputError, match=f"^no such file: '' {AS_TEXT}$"):
        arc.analyze("")


def test_a_directory_or_device_string_is_refused(tmp_path, no_stdin):
    with pytest.raises(MissingInputError, match=f"is a directory, not a text file {AS_TEXT}"):
        arc.analyze(str(tmp_path))
    if os.path.exists("/dev/null"):
        with pytest.raises(MissingInputError, match="is not a regular file"):
            arc.analyze("/dev/null")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_string_naming_a_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(MissingInputError, match="is not a regular file"):
        arc.analyze(str(fifo))


def test_dash_is_not_standard_input(tmp_path, monkeypatch, no_stdin):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MissingInputError, match=f"no such file: '-' {AS_TEXT}"):
        arc.analyze("-")
    with pytest.raises(MissingInputError, match="no such file"):
        arc.analyze(Path("-"))
    (tmp_path / "-").write_text("A file named dash. She was happy.", encoding="utf-8")
    assert arc.analyze("-").text.iloc[0] == "A file named dash. She was happy."
    assert arc.analyze(Path("-")).text.iloc[0] == "A file named dash. She was happy."


def test_text_is_never_read_as_a_path(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is swordfish.", encoding="utf-8")
    df = arc.analyze(text=str(secret))
    assert df.text.tolist() == [str(secret)]
    assert "swordfish" not in "".join(df.text)
    with pytest.raises(EmptyInputError, match="text has no letters"):  # not standard input
        load(text="-")


def test_a_string_naming_a_regular_file_is_that_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(texts.CRLF)
    by_str, by_path = arc.analyze(str(path)), arc.analyze(path)
    assert by_str.text.tolist() == by_path.text.tolist()
    assert by_str.attrs["name"] == by_path.attrs["name"] == "story"


def test_bytes_none_and_paths_work_as_before(tmp_path):
    path = tmp_path / "story.cp1252"
    path.write_bytes(texts.CP1252)
    assert load(path, "cp1252").text == load(texts.CP1252, "cp1252").text
    assert load(texts.UTF16).name is None
    assert load(None).name == "final_goodbyes" and load().text == arc.vignette_text()
    assert arc.analyze(texts.UTF16).text.tolist() == arc.analyze(text=texts.STORY).text.tolist()


def test_name_is_recorded_for_bytes_and_text():
    assert load(texts.UTF16, None, name="stdin").name == "stdin"
    assert arc.analysis.frame.frame(load(text=texts.STORY, name="mine")).attrs["name"] == "mine"
    with pytest.raises(EmptyInputError, match=r"^stdin is empty"):
        load(b"", name="stdin")


def test_text_and_source_together_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"either source .* or text='\.\.\.', not both"):
        arc.analyze(tmp_path / "story.txt", text="She smiled.")
    with pytest.raises(ValueError, match="already decoded"):
        arc.analyze(text="She smiled.", encoding="cp1252")
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        arc.analyze(text=b"She smiled.")
    with pytest.raises(TypeError, match=r"pass text='\.\.\.'"):
        arc.analyze(12345)


def test_text_keeps_the_checks_of_a_file():
    with pytest.raises(EmptyInputError, match="only whitespace"):
        arc.analyze(text="  \n\t ")
    with pytest.raises(arc.errors.DecodingError, match="lone surrogate"):
        arc.analyze(text="She smiled \ud800.")
    crlf = arc.analyze(text=texts.STORY.replace("\n", "\r\n"))
    assert crlf.text.tolist() == arc.analyze(text=texts.STORY).text.tolist()


# --------------------------------------------------------------------------- clear errors


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"unit": "window", "window": 1.5}, "window must be a positive whole number, not 1.5"),
        ({"unit": "window", "step": 0}, "step must be a positive whole number, not 0"),
        ({"unit": "window", "window": 0}, "window must be a positive whole number, not 0"),
        ({"unit": "window", "step": -5}, "step must be a positive whole number, not -5"),
        ({"unit": "bins", "bins": 2.5}, "bins must be a positive whole number, not 2.5"),
        ({"unit": "bins", "bins": True}, "bins must be a positive whole number, not True"),
        ({"unit": "paragraph", "step": 0}, "unit 'paragraph' takes no step"),
        ({"unit": "sentence", "bins": 50}, "unit 'sentence' takes no bins"),
        ({"unit": "bins", "window": 500}, "unit 'bins' takes no window; it takes bins"),
    ],
)
def test_unit_parameters_are_checked(options, message):
    with pytest.raises(ValueError, match=f"^{message}"):
        arc.analyze(**options)


@pytest.mark.parametrize(
    ("sources", "kind"),
    [("a.txt", "string"), (Path("a.txt"), "path"), (b"She smiled.", "bytes object")],
)
def test_compare_takes_a_list_not_one_source(sources, kind):
    # A string used to be taken for a list of one-character paths.
    message = f"^compare takes a list of paths or frames, not one {kind};"
    with pytest.raises(TypeError, match=message):
        arc.compare(sources)


def test_compare_refuses_one_frame_and_no_frames(vignette_sentences):
    with pytest.raises(TypeError, match="not one frame; wrap it in a list"):
        arc.compare(vignette_sentences)
    with pytest.raises(ValueError, match="at least one path or frame"):
        arc.compare([])


def test_compare_points_texts_in_strings_to_frames(vignette_sentences):
    with pytest.raises(MissingInputError, match=r"arc\.analyze\(text=\.\.\., unit='sentence'\)"):
        arc.compare([vignette_sentences, "Short\n\nIt was good. It was bad."])


# --------------------------------------------------------------------------- bounded smoothers


@pytest.mark.parametrize(
    ("method", "params", "message"),
    [
        ("lowess", {"it": 10**6}, f"it must be at most {MAX_IT}"),
        ("savgol", {"polyorder": 10**6}, f"polyorder must be at most {MAX_POLYORDER}"),
        ("dct", {"x_reverse_len": 10**8}, f"x_reverse_len must be at most {MAX_X_REVERSE_LEN:,}"),
        ("dct", {"low_pass_size": 10**6}, f"low_pass_size must be at most {MAX_LOW_PASS_SIZE:,}"),
    ],
)
def test_parameters_that_would_run_for_hours_are_refused_at_once(method, params, message):
    start = time.perf_counter()
    with pytest.raises(ValueError, match=message):
        arc.smooth(np.zeros(50), method, **params)
    assert time.perf_counter() - start < 1


def test_the_limits_themselves_are_accepted(rng):
    values = rng.normal(size=1200)
    assert arc.smooth(values[:100], "lowess", it=MAX_IT).shape == (100,)
    assert arc.smooth(values, "savgol", polyorder=MAX_POLYORDER).shape == (1200,)
    out = arc.smooth(
        values[:MAX_LOW_PASS_SIZE],
        "dct",
        low_pass_size=MAX_LOW_PASS_SIZE,
        x_reverse_len=MAX_X_REVERSE_LEN,
    )
    assert out.shape == (MAX_X_REVERSE_LEN,) and np.isfinite(out).all()


def test_lowess_delta_zero_on_a_long_series_is_refused_at_once(rng):
    values = rng.normal(size=60_000)  # 60,000 fits of 12,000 values, 4 times: minutes
    start = time.perf_counter()
    with pytest.raises(ValueError, match=f"over the limit of {LOWESS_MAX_WORK:,} weights"):
        arc.smooth(values, "lowess", delta=0)
    assert time.perf_counter() - start < 1
    assert arc.smooth(values, "lowess").shape == (60_000,)  # delta=None: 1% of the text


def test_a_parameter_over_its_limit_is_not_called_too_short():
    # 3 values cannot take low_pass_size=10**6, but the limit is the thing to fix.
    with pytest.raises(ValueError, match="at most") as caught:
        arc.smooth([1.0, 2.0, 3.0], "dct", low_pass_size=10**6)
    assert not isinstance(caught.value, arc.TooShortError)


# --------------------------------------------------------------------------- warnings


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    text = MAGI.read_bytes().decode("utf-8-sig")
    path = tmp_path_factory.mktemp("damaged") / "damaged.txt"
    path.write_text(text.replace("*** END OF THE PROJECT", "*** END OF THE PROJEKT"), "utf-8")
    return path


def _arc_warnings(call):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = call()
    return result, [w for w in caught if issubclass(w.category, ArcWarning)]


@pytest.mark.parametrize("unit", ["paragraph", "sentence", "bins"])
def test_attrs_warnings_are_python_warnings_once(damaged, unit):
    params = {"bins": 10} if unit == "bins" else {}
    df, caught = _arc_warnings(lambda: arc.analyze(damaged, unit=unit, **params))
    assert df.attrs["warnings"] and "end marker" in df.attrs["warnings"][0]
    assert [str(w.message) for w in caught] == df.attrs["warnings"]
    assert caught[0].filename == __file__  # the warning points at the caller's line


def test_building_a_frame_from_a_document_warns_once(damaged):
    doc, at_load = _arc_warnings(lambda: load(damaged))
    assert at_load == [] and doc.warnings
    df, caught = _arc_warnings(lambda: frame(doc, "sentence"))
    assert [str(w.message) for w in caught] == doc.warnings == df.attrs["warnings"]
    assert caught[0].filename == __file__


def test_compare_warns_once_per_damaged_text(damaged):
    _, caught = _arc_warnings(lambda: arc.compare([damaged, MAGI], method="rolling"))
    assert len(caught) == 1 and "end marker" in str(caught[0].message)
    assert caught[0].filename == __file__


def test_a_clean_text_warns_nothing():
    df, caught = _arc_warnings(lambda: arc.analyze(MAGI))
    assert df.attrs["warnings"] == [] and caught == []


def test_a_notebook_user_sees_the_warning(damaged):
    with pytest.warns(ArcWarning, match="end marker"):
        arc.analyze(damaged)


def test_no_public_name_is_also_a_module_of_arc():
    """``arc.draw`` must stay the function even after ``import arc.<module>``."""
    import pkgutil

    modules = {m.name for m in pkgutil.iter_modules(arc.__path__)}
    assert not modules & set(arc.__all__)
