"""Fonts for non-Latin text: fallback families, the missing-glyph line, quiet drawing."""

import io
import logging
import os
import subprocess
import sys
import warnings

import matplotlib
import numpy as np
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font

import arc.charts.fonts
from arc.charts.fonts import FontChoice, font_for, missing_glyph_warning, quiet_glyph_warnings

ARC = "⌒"  # U+2312 ARC: not in DejaVu Sans, in DejaVu Sans Mono (both ship with matplotlib)
CJK = "漢字物語、東京の夜"


def default_font() -> tuple[str, str]:
    """Matplotlib's default sans-serif font, found independently of arc.charts.fonts."""
    path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    return FT2Font(path).family_name, path


def covers(path: str, ch: str) -> bool:
    return ord(ch) in FT2Font(path).get_charmap()


def fonts_covering(ch: str) -> list[str]:
    """Installed families (other than Last Resort's boxes) with a glyph for *ch*."""
    return sorted(
        {
            entry.name
            for entry in font_manager.fontManager.ttflist
            if not entry.name.startswith("Last Resort") and covers(entry.fname, ch)
        }
    )


def glyph_warnings(caught) -> list[str]:
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def glyph_records(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if "Glyph" in r.getMessage() or "does not have a glyph" in r.getMessage()
    ]


def render(text: str, **text_kws) -> np.ndarray:
    """Draw *text* on a small figure, save it as PNG, and return the drawn pixels."""
    fig = Figure(figsize=(2, 1), dpi=100)
    fig.text(0.1, 0.4, text, fontsize=24, **text_kws)
    fig.savefig(io.BytesIO(), format="png")
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[..., 0].copy()


def ink(pixels: np.ndarray) -> np.ndarray:
    """The drawn part of an image, cropped to the bounding box of non-white pixels."""
    ys, xs = np.nonzero(pixels < 255)
    assert ys.size, "nothing was drawn"
    return pixels[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


# --- what needs which font ------------------------------------------------------------------


def test_plain_english_needs_only_the_default_font():
    choice = font_for(["The Death of Ivan Ilyich", "Chapter 3", "“Well, I never!”"])
    assert choice == FontChoice((default_font()[0],), "", "")
    assert choice.families[0] == matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    assert missing_glyph_warning(choice) is None


@pytest.mark.parametrize("text", ["Война и мир", "Ἰλιάς καὶ Ὀδύσσεια", "Ελληνικά, русский"])
def test_cyrillic_and_greek_are_in_the_default_font(text):
    name, path = default_font()
    assert all(covers(path, ch) for ch in text if not ch.isspace())  # the premise
    choice = font_for([text])
    assert choice.families == (name,)
    assert choice.missing == ""
    assert missing_glyph_warning(choice) is None


def test_whitespace_control_and_format_characters_are_ignored():
    choice = font_for(["a\tb\nc\r\x07\u200b\u200d\u200f\u00ad\u2028\u3000", None, ""])
    assert choice.missing == ""
    assert choice.families == (default_font()[0],)


def test_cjk_is_reported_missing_when_no_installed_font_has_it():
    # This machine (fc-list: DejaVu only) has no CJK font; matplotlib's STIXGeneral happens to
    # have a few kana, so which characters stay missing is asked of the fonts themselves.
    uncovered = "".join(ch for ch in CJK if not fonts_covering(ch))
    assert uncovered, "a CJK font is installed: this test needs a machine without one"
    choice = font_for(["A title", CJK])
    assert choice.families[0] == default_font()[0]
    assert choice.missing_chars == uncovered
    count = len(uncovered)
    assert choice.missing.startswith(f"{count} characters such as '{uncovered[0]}', ")
    line = missing_glyph_warning(choice)
    assert line is not None and "\n" not in line
    assert line.startswith(f"no installed font has glyphs for {count} characters such as '漢'")
    assert line.endswith(
        "they are drawn as boxes (install a font that covers them, e.g. Noto Sans CJK)"
    )


def test_kana_in_a_symbol_font_is_found_per_character():
    choice = font_for(["の"])  # U+306E, in matplotlib's STIXGeneral
    assert choice.missing == ""
    assert choice.families[1:] == tuple(fonts_covering("の"))[:1]


def test_missing_when_no_candidate_font_covers_it():
    """Independent of what is installed: an empty candidate list covers nothing."""
    choice = font_for(["Chapter 一", "Chapter 二 🙂"], fonts=[])
    assert choice.missing_chars == "一二🙂"
    assert choice.missing == "3 characters: '一', '二', '🙂'"
    line = missing_glyph_warning(choice)
    assert line is not None and "'一'" in line and "they are drawn as boxes" in line
    assert "Noto Sans CJK or Noto Emoji" in line


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("नमस्ते", "Noto Sans Devanagari"), ("สวัสดี", "Noto Sans Thai"), ("🙂", "Noto Emoji")],
)
def test_the_warning_suggests_a_font_for_the_script(text, suggestion):
    choice = font_for([text], fonts=[])
    line = missing_glyph_warning(choice)
    assert line is not None and f"e.g. {suggestion})" in line
    assert repr(text[0]) in line


def test_one_missing_character_is_singular():
    line = missing_glyph_warning(font_for(["ok 字 ok 字"], fonts=[]))
    assert line == (
        "no installed font has glyphs for 1 character: '字'; it is drawn as a box "
        "(install a font that covers it, e.g. Noto Sans CJK)"
    )


# --- choosing a fallback font, and matplotlib using it --------------------------------------


def test_a_covering_font_is_added_after_the_default():
    name, path = default_font()
    assert not covers(path, ARC)  # the premise: the default font lacks the character
    choice = font_for([f"The {ARC} of a story"])
    assert choice.missing == ""
    assert choice.families[0] == name and len(choice.families) == 2
    assert choice.families[1] in fonts_covering(ARC)
    assert covers(
        font_manager.findfont(font_manager.FontProperties(family=[choice.families[1]])), ARC
    )


def test_matplotlib_draws_with_the_font_found():
    choice = font_for([ARC])
    fallback = choice.families[1]
    with warnings.catch_warnings(record=True) as with_fallback:
        warnings.simplefilter("always")
        drawn = render(ARC, fontfamily=list(choice.families))
    with warnings.catch_warnings(record=True) as default_only:
        warnings.simplefilter("always")
        boxed = render(ARC, fontfamily=[choice.families[0]])
    assert glyph_warnings(with_fallback) == []
    assert glyph_warnings(default_only) != []
    # The glyph drawn is the fallback font's: the same pixels as the fallback alone, and
    # not the default font's box.
    assert np.array_equal(ink(drawn), ink(render(ARC, fontfamily=[fallback])))
    assert not np.array_equal(ink(drawn), ink(boxed))


def test_injected_candidates(tmp_path):
    name, _ = default_font()
    mono = font_manager.findfont(font_manager.FontProperties(family=["DejaVu Sans Mono"]))
    assert covers(mono, ARC)
    unreadable = tmp_path / "broken.ttf"
    unreadable.write_bytes(b"not a font")
    fonts = [("Zed Mono", mono), ("Broken", str(unreadable)), ("Absent", "/no/such/font.ttf")]
    choice = font_for([ARC, "字"], fonts=fonts)
    assert choice.families == (name, "Zed Mono")
    assert choice.missing_chars == "字"
    # Sorted by name: "Alpha Mono" comes first and covers the character, so "Zed Mono" is
    # not needed; the order the candidates are given in does not matter.
    both = [("Zed Mono", mono), ("Alpha Mono", mono)]
    assert font_for([ARC], fonts=both).families == (name, "Alpha Mono")
    assert font_for([ARC], fonts=both[::-1]) == font_for([ARC], fonts=both)
    assert font_for([ARC], fonts=fonts[1:]).missing == f"1 character: '{ARC}'"


def test_the_last_resort_font_does_not_count_as_coverage():
    path = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "LastResortHE-Regular.ttf")
    if not os.path.exists(path):
        pytest.skip(f"matplotlib {matplotlib.__version__} has no Last Resort font")
    assert covers(path, "漢")  # its charmap claims every code point...
    choice = font_for(["漢"], fonts=[("Last Resort High-Efficiency", path)])
    assert choice.missing_chars == "漢"  # ...but its glyphs are boxes
    assert choice.families == (default_font()[0],)


def test_results_are_deterministic_and_font_files_are_read_once():
    texts = [ARC, CJK, "नमस्ते", "plain"]
    first = font_for(texts)
    misses = arc.charts.fonts._face_charmap.cache_info().misses
    assert font_for(texts) == first
    assert font_for(list(reversed(texts))).families == first.families
    assert arc.charts.fonts._face_charmap.cache_info().misses == misses


def test_font_for_leaves_rcparams_alone():
    before = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
    font_for([ARC, CJK])
    with quiet_glyph_warnings():
        render(CJK)
    after = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
    assert after == before


def test_importing_arc_fonts_does_not_import_matplotlib():
    code = "import sys, arc.charts.fonts; print('matplotlib' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


# --- quiet drawing --------------------------------------------------------------------------


def test_matplotlib_warns_about_missing_glyphs_without_quiet(caplog):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render(CJK)
        render(f"$x$ {CJK[0]} $漢$")  # mathtext reports through the "matplotlib" logger
    assert len(glyph_warnings(caught)) >= len(CJK)
    assert glyph_records(caplog)


def test_quiet_glyph_warnings_silences_them(caplog):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with quiet_glyph_warnings():
            render(CJK)
            render(f"$x$ {CJK[0]} $漢$")
            render("नमस्ते สวัสดี 🙂")
    assert glyph_warnings(caught) == []
    assert glyph_records(caplog) == []


def test_quiet_glyph_warnings_lets_other_warnings_through(caplog):
    logger = logging.getLogger("matplotlib.text")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with quiet_glyph_warnings():
            glyph = "Glyph 23383 (\\N{CJK UNIFIED IDEOGRAPH-5B57}) missing from font(s) X."
            warnings.warn(glyph, UserWarning, stacklevel=1)
            warnings.warn("something else entirely", UserWarning, stacklevel=1)
            logger.warning("Glyph 23383 (x) missing from font(s) DejaVu Sans.")
            logger.warning("an unrelated problem")
    assert [str(w.message) for w in caught] == ["something else entirely"]
    assert [r.getMessage() for r in caplog.records] == ["an unrelated problem"]


def test_quiet_glyph_warnings_restores_state():
    loggers = [logging.getLogger("matplotlib"), logging.getLogger("matplotlib.mathtext")]
    filters = [list(logger.filters) for logger in loggers]
    with pytest.raises(RuntimeError), quiet_glyph_warnings():
        raise RuntimeError("drawing failed")
    assert [list(logger.filters) for logger in loggers] == filters
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render("字")
    assert glyph_warnings(caught)
