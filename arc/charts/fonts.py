"""Fonts for text in any script: fallback families for matplotlib, and one line for the rest.

Matplotlib draws text in DejaVu Sans, which has no CJK, Devanagari, Thai or emoji glyphs; it
then prints one "Glyph NNNN missing" warning per character and draws boxes. :func:`font_for`
picks installed fonts that cover those characters (for matplotlib's per-glyph font fallback)
and :func:`missing_glyph_warning` says, in one line, what no installed font can draw.

>>> choice = font_for(["Chapter 1", "The End"])
>>> choice.missing
''
>>> missing_glyph_warning(choice) is None
True

Nothing here imports matplotlib until a function is called, and nothing touches rcParams.
Fonts installed after matplotlib built its font list are seen once its cache is rebuilt
(delete the ``fontlist-*.json`` file in ``matplotlib.get_cachedir()``).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

__all__ = ["FontChoice", "font_for", "missing_glyph_warning", "quiet_glyph_warnings"]

#: How many example characters a description names.
EXAMPLES = 3

# Matplotlib's warnings about a missing glyph: the text layout's UserWarning ("Glyph 28450
# (\N{...}) missing from font(s) DejaVu Sans.", or "... missing from current font." before
# 3.6) and mathtext's log record ("Font 'rm' does not have a glyph for '\u6f22' [U+6f22] ...").
_GLYPH_WARNING = r"Glyph \d+ .*missing from"
_GLYPH_MESSAGE = re.compile(rf"{_GLYPH_WARNING}|Font .* does not have a glyph for", re.DOTALL)
# Loggers that report missing glyphs; created up front so that a filter can sit on them even
# before matplotlib imports the module that uses them.
_GLYPH_LOGGERS = ("matplotlib", "matplotlib.mathtext", "matplotlib.text", "matplotlib.font_manager")
# Unicode categories that draw nothing: controls, format characters (joiners, direction marks,
# soft hyphen), surrogates; whitespace is checked with str.isspace.
_INVISIBLE = {"Cc", "Cf", "Cs"}
# Scripts with a Noto font of the same name ("Noto Sans Devanagari", ...), by the first word
# of a character's Unicode name.
_NOTO_SCRIPTS = frozenset(
    {
        "ARABIC",
        "ARMENIAN",
        "BENGALI",
        "CHEROKEE",
        "DEVANAGARI",
        "ETHIOPIC",
        "GEORGIAN",
        "GUJARATI",
        "GURMUKHI",
        "HEBREW",
        "KANNADA",
        "KHMER",
        "LAO",
        "MALAYALAM",
        "MONGOLIAN",
        "MYANMAR",
        "ORIYA",
        "SINHALA",
        "SYRIAC",
        "TAMIL",
        "TELUGU",
        "THAANA",
        "THAI",
    }
)
_CJK = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC"})


@dataclass(frozen=True, slots=True)
class FontChoice:
    """Font families for some texts, and what none of the installed fonts can draw.

    Attributes
    ----------
    families
        A matplotlib font-family list for text artists (``fontfamily=list(families)``): the
        default sans-serif family first, then installed families that cover characters it
        lacks; matplotlib (>= 3.6) draws each glyph with the first family that has it.
        Mathtext (``$...$``) draws with its own fonts and does not use this list.
    missing
        A short description of the characters no installed font has, such as
        ``"3 characters: '漢', '字', '文'"``; empty when every character is covered.
    missing_chars
        Those characters themselves, each once, in order of first appearance.
    """

    families: tuple[str, ...]
    missing: str = ""
    missing_chars: str = ""


def font_for(
    texts: Iterable[str | None], *, fonts: Iterable[tuple[str, str]] | None = None
) -> FontChoice:
    """Choose font families that draw every character of *texts*, as far as fonts allow.

    Only characters matplotlib's default sans-serif font lacks are looked up, and only then are
    other fonts opened (each file's character map is read once per process); whitespace and
    invisible control or format characters are ignored. The result is deterministic: candidate
    fonts are tried in order of (name, path), and a family is added only when it covers a
    character that no earlier one does.

    Parameters
    ----------
    texts
        Every string the chart will draw (title, annotations, labels); ``None`` is skipped.
    fonts
        Candidate fonts as (family name, file path) pairs; by default each family matplotlib
        knows (``fontManager.ttflist``), at the file it uses for upright normal-weight text.

    Returns
    -------
    FontChoice
        The family list to draw with, and a description of what stays missing.
    """
    default_name, default_path = _default_font()
    wanted = _visible_chars(texts)
    default_map = _charmap(default_path)
    remaining = [ch for ch in wanted if ord(ch) not in default_map]
    families = [default_name]
    if remaining:
        candidates = _installed_fonts() if fonts is None else sorted(set(fonts))
        for name, path in candidates:
            if name in families or _is_last_resort(name, path):
                continue
            charmap = _charmap(path)
            if any(ord(ch) in charmap for ch in remaining):
                families.append(name)
                remaining = [ch for ch in remaining if ord(ch) not in charmap]
                if not remaining:
                    break
    missing_chars = "".join(remaining)
    return FontChoice(tuple(families), _describe(missing_chars), missing_chars)


def missing_glyph_warning(choice: FontChoice) -> str | None:
    """One line saying which characters no installed font can draw, or None if there are none.

    >>> choice = FontChoice(("DejaVu Sans",), "1 character: '字'", "字")
    >>> print(missing_glyph_warning(choice))  # doctest: +NORMALIZE_WHITESPACE
    no installed font has glyphs for 1 character: '字'; it is drawn as a box
    (install a font that covers it, e.g. Noto Sans CJK)
    """
    if not choice.missing:
        return None
    one = len(choice.missing_chars) == 1
    drawn = "it is drawn as a box" if one else "they are drawn as boxes"
    suggestions = _suggest_fonts(choice.missing_chars)
    example = f", e.g. {' or '.join(suggestions)}" if suggestions else ""
    return (
        f"no installed font has glyphs for {choice.missing}; {drawn} "
        f"(install a font that covers {'it' if one else 'them'}{example})"
    )


@contextmanager
def quiet_glyph_warnings() -> Iterator[None]:
    """Silence matplotlib's "Glyph ... missing from font" warnings while drawing or saving.

    Both forms are silenced: the ``UserWarning`` from text layout, and the log records of
    mathtext ("... does not have a glyph for ..."). Other warnings and log records pass. Use it
    around ``savefig`` / ``draw`` after reporting :func:`missing_glyph_warning` once. Like
    :class:`warnings.catch_warnings`, it changes process-wide state: not for use from threads.
    """
    log_filter = _GlyphLogFilter()
    loggers = _matplotlib_loggers()
    for logger in loggers:
        logger.addFilter(log_filter)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_GLYPH_WARNING, category=Warning)
            yield
    finally:
        for logger in loggers:
            logger.removeFilter(log_filter)


class _GlyphLogFilter(logging.Filter):
    """Drops log records about missing glyphs."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record except a missing-glyph one."""
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is not ours to judge
            return True
        return _GLYPH_MESSAGE.match(message) is None


def _matplotlib_loggers() -> list[logging.Logger]:
    """The "matplotlib" logger and every logger below it that exists, plus the known ones."""
    names = set(_GLYPH_LOGGERS)
    names.update(
        name
        for name, logger in list(logging.Logger.manager.loggerDict.items())
        if name.startswith("matplotlib.") and isinstance(logger, logging.Logger)
    )
    return [logging.getLogger(name) for name in sorted(names)]


def _visible_chars(texts: Iterable[str | None]) -> list[str]:
    """Each drawable character of *texts* once, in order of first appearance."""
    seen: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        for ch in text:
            if ch not in seen and not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE:
                seen[ch] = None
    return list(seen)


def _default_font() -> tuple[str, str]:
    """Family name and file of the font matplotlib uses for sans-serif text."""
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    for entry in font_manager.fontManager.ttflist:
        if _same_file(entry.fname, path):
            return entry.name, path
    from matplotlib.ft2font import FT2Font

    return FT2Font(path).family_name, path


def _installed_fonts() -> list[tuple[str, str]]:
    """Each font family matplotlib knows, with the file it picks for upright normal text.

    Families without an upright regular face (only Light, only Condensed, ...) are left out:
    matplotlib would log "Failed to find font weight normal" whenever it fell back on them.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager
    names = sorted(
        {
            entry.name
            for entry in manager.ttflist
            if entry.style == "normal"
            and _weight(entry.weight) == 400
            and entry.stretch == "normal"
            and not _is_last_resort(entry.name, entry.fname)
        }
    )
    fonts: list[tuple[str, str]] = []
    for name in names:
        try:
            path = manager.findfont(
                font_manager.FontProperties(family=[name]),
                fallback_to_default=False,
                rebuild_if_missing=False,
            )
        except ValueError:
            continue
        fonts.append((name, str(path)))
    return fonts


def _weight(weight: str | float) -> float:
    """A font weight as a number (400 is regular)."""
    if isinstance(weight, str):
        from matplotlib.font_manager import weight_dict

        return weight_dict.get(weight, 400)
    return weight


def _is_last_resort(name: str, path: str) -> bool:
    """Whether a font is Unicode's Last Resort font: a box for every code point, no glyphs."""
    return name.lower().startswith("last resort") or os.path.basename(path).startswith("LastResort")


def _charmap(path: str) -> frozenset[int]:
    """The code points a font file maps to glyphs (none if it cannot be read).

    Matplotlib >= 3.10 gives paths with the face index of a font collection (``.ttc``).
    """
    return _face_charmap(str(path), getattr(path, "face_index", 0))


@functools.cache
def _face_charmap(path: str, face_index: int) -> frozenset[int]:
    """The code points one face of a font file maps to glyphs, read once per process."""
    from matplotlib.ft2font import FT2Font

    try:
        # matplotlib before 3.10 takes face_index without declaring it in its stubs
        options: dict[str, Any] = {"face_index": face_index} if face_index else {}
        font = FT2Font(path, **options)
        return frozenset(font.get_charmap())
    except (OSError, RuntimeError, ValueError):
        return frozenset()


def _same_file(a: str, b: str) -> bool:
    """Whether two paths name the same file."""
    return a == b or os.path.realpath(a) == os.path.realpath(b)


def _describe(chars: str) -> str:
    """``"3 characters: '漢', '字', '文'"`` or ``"12 characters such as ..."``; "" for none."""
    if not chars:
        return ""
    count = len(chars)
    noun = "character" if count == 1 else "characters"
    shown = ", ".join(_show(ch) for ch in chars[:EXAMPLES])
    joiner = ":" if count <= EXAMPLES else " such as"
    return f"{count} {noun}{joiner} {shown}"


def _show(ch: str) -> str:
    """A character quoted, or its code point when it would not show on its own."""
    if ch.isprintable() and unicodedata.category(ch) not in {"Mn", "Me", "Co", "Cn"}:
        return f"'{ch}'"
    return f"U+{ord(ch):04X}"


def _suggest_fonts(chars: str) -> list[str]:
    """Up to two well-known fonts that cover *chars* (Noto, by script), for the hint."""
    suggestions: dict[str, None] = {}
    for ch in chars:
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        if script in _CJK or 0xFF00 <= ord(ch) <= 0xFFEF:
            suggestions["Noto Sans CJK"] = None
        elif script in _NOTO_SCRIPTS:
            suggestions[f"Noto Sans {script.title()}"] = None
        elif unicodedata.category(ch) == "So" and ord(ch) >= 0x1F000:
            suggestions["Noto Emoji"] = None
        if len(suggestions) == 2:
            break
    return list(suggestions)
