"""How well each scorer agrees with people: correlations and macro-F1 against human ratings.

arc ships the four sets of VADER's authors (Hutto & Gilbert, ICWSM-14; MIT licence, see
``arc/data/validation/SOURCE.md``): 4,200 tweets, 10,605 movie-review snippets, 3,708
Amazon-review sentences and 5,190 sentences of New York Times editorials, each with the
mean of about 20 people's ratings on −4..+4. A user's own file of hand-rated sentences (CSV
or TSV with columns ``text`` and ``rating``, any numeric scale) is validated the same way.

The texts are scored **as they are**: the shipped ones keep their HTML entities (``&amp;``),
as they did when VADER's published figures were computed. With them, VADER (vaderSentiment
3.3.2) gives Pearson r 0.872, 0.427, 0.590 and 0.503; unescaping the entities with
``html.unescape`` would give 0.873 on the tweets (the other sets are unchanged).

Figures per set and scorer: Pearson and Spearman correlation with the human rating, and
macro-F1 over three classes (negative, neutral, positive):

* a **human** rating is neutral within ±\u2009:data:`HUMAN_NEUTRAL_SHARE` of its scale's range
  around the scale's mid-point (±0.5 on −4..+4); a user file's scale is the lowest and
  highest rating it holds, unless given;
* a **scorer's** value is neutral within its declared ``neutral`` band around 0 (VADER's
  authors' ±0.05 for compound), the ensemble's within ±0.125 (the human band / 4).

The split: an item is in the **train** half when its document number is even
(:func:`is_train`), in the **test** half otherwise. The ensemble (:mod:`arc.score.ensemble`) is
fitted on the train halves only, so it is reported on the test halves only, set
``"<set>:test"``, beside every scorer on the same items; every scorer is also reported on
the whole set.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from arc.errors import ArcWarning, MissingDependencyError, TableError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


__all__ = [
    "COLUMNS",
    "HUMAN_NEUTRAL_SHARE",
    "INTERVAL_LEVEL",
    "SETS",
    "RatedSet",
    "classes",
    "difference_interval",
    "format_r",
    "is_train",
    "macro_f1",
    "pearson_interval",
    "read_rated",
    "result_lines",
    "shipped_set",
    "shipped_sets",
    "validate",
]

#: The results table's columns.
COLUMNS = ("set", "scorer", "n", "pearson", "pearson_low", "pearson_high", "spearman", "f1")
#: The level of the interval around each Pearson r (``pearson_low`` … ``pearson_high``).
INTERVAL_LEVEL = 0.95
#: A human rating within this share of its scale's range of the mid-point is neutral.
HUMAN_NEUTRAL_SHARE = 0.0625
#: The shipped sets: name -> (file in arc/data/validation, label).
SETS = {
    "tweets": ("tweets_GroundTruth.txt", "Tweets"),
    "movie_reviews": ("movieReviewSnippets_GroundTruth.txt", "Movie-review snippets"),
    "amazon_reviews": ("amazonReviewSnippets_GroundTruth.txt", "Amazon reviews"),
    "nyt_editorials": ("nytEditorialSnippets_GroundTruth.txt", "NYT editorials"),
}
#: The scale of the shipped sets' ratings.
SHIPPED_SCALE = (-4.0, 4.0)
ENSEMBLE = "ensemble"
TEST = ":test"
#: Decimals kept in the results, so the same input gives the same bytes everywhere.
DECIMALS = 6


@dataclass(frozen=True)
class RatedSet:
    """Texts with a human rating each: ``ids``, ``texts``, ``ratings`` in the same order.

    ``scale`` is the ratings' scale (lowest, highest); ``train`` tells, for a shipped set,
    which items are in the train half (empty for a user's file: no part of it was fitted on).
    """

    name: str
    label: str
    ids: tuple[str, ...]
    texts: tuple[str, ...]
    ratings: tuple[float, ...]
    scale: tuple[float, float]
    train: tuple[bool, ...] = ()

    def __len__(self) -> int:
        return len(self.texts)


def is_train(item_id: str) -> bool:
    """Whether a shipped item is in the train half: its document number is even.

    The document number is the id before ``_`` (an Amazon review's or an editorial's
    sentences, ``"12_3"``, all fall on the same side) or the whole id (a tweet, a snippet).

    Examples
    --------
    >>> is_train("12_3"), is_train("7"), is_train("4200")
    (True, False, True)
    """
    return int(item_id.split("_", 1)[0]) % 2 == 0


def shipped_set(name: str) -> RatedSet:
    """One of the shipped sets (:data:`SETS`), read from the package's data.

    Examples
    --------
    >>> s = shipped_set("tweets")
    >>> len(s), s.ratings[0], s.texts[0][:25]
    (4200, 2.726315789, 'Somehow I was blessed wit')
    """
    try:
        filename, label = SETS[name]
    except KeyError:
        raise ValueError(f"unknown set {name!r}; choose from {', '.join(SETS)}") from None
    data = resources.files("arc").joinpath("data", "validation", filename).read_bytes()
    ids, texts, ratings = [], [], []
    for line in data.decode("utf-8").splitlines():
        if line.strip():
            item_id, rating, text = line.split("\t", 2)
            ids.append(item_id)
            ratings.append(float(rating))
            texts.append(text)
    train = tuple(is_train(i) for i in ids)
    return RatedSet(name, label, tuple(ids), tuple(texts), tuple(ratings), SHIPPED_SCALE, train)


def shipped_sets() -> list[RatedSet]:
    """The four shipped sets, in :data:`SETS` order."""
    return [shipped_set(name) for name in SETS]


def read_rated(
    path: str | Path,
    *,
    scale: tuple[float, float] | None = None,
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> RatedSet:
    """A user's file of hand-rated texts: CSV (or TSV) with columns ``text`` and ``rating``.

    The file is decoded as any text arc reads (:func:`arc.text.io.read_text`: BOM, UTF-16,
    legacy encodings; at most ``max_bytes``, by default :data:`arc.text.io.MAX_BYTES`); a
    ``.tsv`` or ``.tab`` file, or one whose header has a tab and no comma, is tab-separated.
    Column names are matched without regard to case or spaces; other columns are ignored,
    but every row must have as many fields as the header. ``rating`` is a plain decimal
    number (``-2``, ``3.5``, ``1e-3``; not ``1_000``, ``inf`` or ``nan``) on any scale:
    ``scale`` is its (lowest, highest), by default the lowest and highest rating in the
    file; every rating must lie on it. Error messages quote the file's content only as a
    short excerpt.

    Raises
    ------
    ValueError
        ``scale`` is not two finite numbers, the lower first.
    arc.errors.InputError
        The file cannot be read, is empty or binary (see :func:`arc.text.io.read_text`).
    arc.errors.TableError
        No ``text`` or ``rating`` column, a row with more or fewer fields than the header, a
        rating that is not a number or lies outside ``scale``, ratings too far apart for a
        float, a row without text, or fewer than 3 rows.
    """
    import csv
    import io

    from arc.text.io import MAX_BYTES, read_text

    if scale is not None:
        lo, hi = (float(v) for v in scale)
        if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
            raise ValueError(f"scale must be two finite numbers, the lower first, not {scale!r}")
    path = Path(path)
    text = read_text(path, encoding, max_bytes=MAX_BYTES if max_bytes is None else max_bytes)
    header_line = text.split("\n", 1)[0]
    tab = path.suffix.lower() in (".tsv", ".tab") or (
        "\t" in header_line and "," not in header_line
    )
    kind = "TSV" if tab else "CSV"
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(max(limit, len(text) + 1))  # a long text is not an error
        records = [
            r
            for r in csv.reader(io.StringIO(text), delimiter="\t" if tab else ",", strict=True)
            if any(f.strip() for f in r)
        ]
    except csv.Error as exc:
        raise TableError(f"{path} is not a readable {kind} table ({exc})") from None
    finally:
        csv.field_size_limit(limit)
    header = records[0] if records else []
    names: dict[str, int] = {}
    for k, c in enumerate(header):
        names.setdefault(c.strip().lower(), k)
    missing = [c for c in ("text", "rating") if c not in names]
    if missing and len(header) < 2:  # quoted nowhere: it may be any file, say a secret's
        raise TableError(
            f"{path} is not a CSV or TSV table: its first line has no comma or tab; give a "
            "CSV or TSV whose header names the columns text and rating"
        )
    if missing:
        found = ", ".join(excerpt(c) for c in header[:MAX_QUOTED]) or "none"
        if len(header) > MAX_QUOTED:
            found += f" and {len(header) - MAX_QUOTED} more"
        raise TableError(
            f"{path} has no {' or '.join(repr(m) for m in missing)} column (columns found: "
            f"{found}); give a CSV or TSV whose header names the columns text and rating"
        )
    texts, ratings = [], []
    for row, fields in enumerate(records[1:], start=2):
        if len(fields) != len(header):
            raise TableError(
                f"{path}, row {row}: {len(fields)} field{'s' * (len(fields) != 1)} where the "
                f"header has {len(header)}"
                + (
                    f"; quote a text that holds a {'tab' if tab else 'comma'}"
                    * (len(fields) > len(header))
                )
            )
        t, r = fields[names["text"]], fields[names["rating"]].strip()
        value = float(r) if NUMBER.fullmatch(r) else math.nan
        if not math.isfinite(value):
            raise TableError(
                f"{path}, row {row}: the rating {excerpt(r)} is not a number; every "
                "row needs a numeric rating"
            )
        if scale is not None and not lo <= value <= hi:
            raise TableError(
                f"{path}, row {row}: the rating {r} is outside the scale {lo:g} to {hi:g}; "
                "give the scale the ratings were made on"
            )
        if not t.strip():
            raise TableError(f"{path}, row {row}: the text is empty; every row needs a text")
        texts.append(t)
        ratings.append(value)
    if len(texts) < 3:
        raise TableError(
            f"{path} has {len(texts)} rated row{'s' * (len(texts) != 1)}; "
            "correlations need at least 3"
        )
    if scale is None:
        lo, hi = min(ratings), max(ratings)
    if not lo < hi:
        raise TableError(
            f"{path}: every rating is {ratings[0]:g}, so there is nothing to "
            "correlate with; rate texts of different sentiment"
        )
    if not math.isfinite(hi - lo):
        raise TableError(
            f"{path}: the ratings run from {lo:g} to {hi:g}, too far apart to compute with; "
            "rate on a smaller scale"
        )
    ids = tuple(str(k) for k in range(1, len(texts) + 1))
    return RatedSet(path.stem, path.stem, ids, tuple(texts), tuple(ratings), (lo, hi))


#: A rating: a plain decimal number, with an optional sign, point and exponent.
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
#: The most characters of a file's content an error message quotes, and columns it names.
EXCERPT = 20
MAX_QUOTED = 5


def excerpt(value: str, limit: int = EXCERPT) -> str:
    """``value`` quoted, cut to ``limit`` characters with the cut marked (for error messages).

    Examples
    --------
    >>> excerpt("rating"), excerpt("x" * 30, 5)
    ("'rating'", "'xxxxx'… (first 5 of 30 characters)")
    """
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… (first {limit} of {len(value):,} characters)"


def classes(values: np.ndarray, neutral: float, mid: float = 0.0) -> np.ndarray:
    """Three classes: −1 (negative), 0 (neutral), +1 (positive).

    A value is positive when it is at least ``neutral`` above ``mid`` (and above it),
    negative when at least ``neutral`` below, neutral otherwise; VADER's own rule for
    compound with ``neutral=0.05``.

    Examples
    --------
    >>> import numpy as np
    >>> classes(np.array([-0.5, -0.05, 0.0, 0.049, 0.05]), 0.05).tolist()
    [-1, -1, 0, 0, 1]
    """
    import numpy as np

    d = np.asarray(values, dtype=float) - mid
    return np.where((d >= neutral) & (d > 0), 1, np.where((d <= -neutral) & (d < 0), -1, 0))


def macro_f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    """The mean F1 over the classes found in either ``truth`` or ``predicted``.

    F1 of a class is 2·TP / (2·TP + FP + FN); a class in neither is left out of the mean.

    Examples
    --------
    >>> import numpy as np
    >>> macro_f1(np.array([1, 0, -1, 1]), np.array([1, 0, 1, 1]))
    0.6
    """
    import numpy as np

    t, p = np.asarray(truth), np.asarray(predicted)
    scores = []
    for c in np.union1d(t, p):
        tp = np.sum((t == c) & (p == c))
        scores.append(2 * tp / (np.sum(t == c) + np.sum(p == c)))
    return float(np.mean(scores)) if scores else math.nan


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson r; NaN when either side is constant (no correlation to speak of).

    Values so large that their squares overflow are first scaled down (r does not change).
    """
    import numpy as np

    with np.errstate(over="ignore", invalid="ignore"):
        xd, yd = x - x.mean(), y - y.mean()
        num, sx, sy = float(np.dot(xd, yd)), float(np.dot(xd, xd)), float(np.dot(yd, yd))
    if not all(math.isfinite(v) for v in (num, sx, sy, sx * sy)):
        xs, ys = np.max(np.abs(x)), np.max(np.abs(y))
        if xs > 0 and ys > 0 and math.isfinite(xs) and math.isfinite(ys):
            return _pearson(x / xs, y / ys)
        return math.nan
    denom = math.sqrt(sx * sy)
    return num / denom if denom > 0 else math.nan


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rho: Pearson r of the ranks (ties get their mean rank)."""
    from scipy.stats import rankdata

    return _pearson(rankdata(x), rankdata(y))


def _scorers(names: list[str] | None) -> list[str]:
    """The scorers to validate: those asked for, or every installed one (with a warning)."""
    from arc.score.scorers import SCORERS, get_scorer

    if names is not None:
        for name in names:
            get_scorer(name)  # an unknown name or a missing extra fails here, before work
        return list(names)
    found = []
    for name in SCORERS:
        try:
            get_scorer(name)
        except MissingDependencyError as exc:
            warnings.warn(f"scorer {name} left out: {exc}", ArcWarning, stacklevel=3)
        else:
            found.append(name)
    return found


def score_set(rated: RatedSet, scorers: list[str]) -> dict[str, np.ndarray]:
    """Each scorer's value for every text of ``rated``, by scorer name."""
    import numpy as np

    from arc.score.scorers import get_scorer

    return {
        name: np.array([s.compound for s in get_scorer(name).score_many(rated.texts)], dtype=float)
        for name in scorers
    }


def _row(
    set_name: str,
    scorer: str,
    values: np.ndarray,
    rated: RatedSet,
    mask: np.ndarray,
    neutral: float,
) -> dict[str, object]:
    import numpy as np

    y = np.asarray(rated.ratings, dtype=float)[mask]
    x = values[mask]
    lo, hi = rated.scale
    truth = classes(y, HUMAN_NEUTRAL_SHARE * (hi - lo), lo / 2 + hi / 2)
    r = _pearson(x, y)
    low, high = pearson_interval(r, len(y), INTERVAL_LEVEL)
    return {
        "set": set_name,
        "scorer": scorer,
        "n": int(mask.sum()),
        "pearson": round(r, DECIMALS),
        "pearson_low": round(low, DECIMALS),
        "pearson_high": round(high, DECIMALS),
        "spearman": round(_spearman(x, y), DECIMALS),
        "f1": round(macro_f1(truth, classes(x, neutral)), DECIMALS),
    }


def validate(sets: list[RatedSet] | None = None, scorers: list[str] | None = None) -> pd.DataFrame:
    """Pearson, Spearman and 3-class macro-F1 of each scorer (and the ensemble) per set.

    Parameters
    ----------
    sets
        Rated sets (:func:`read_rated`, :func:`shipped_set`); default: the four shipped.
    scorers
        Names from :data:`arc.score.scorers.SCORERS`; default: every installed scorer (the others
        left out with an :class:`~arc.errors.ArcWarning`).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`; ``pearson_low``/``pearson_high`` bound the 95 % interval
        of ``pearson`` (:func:`pearson_interval`). For a shipped set: each scorer on the whole
        set (``set`` is its name; not a scorer fitted on the sets' train halves, such as
        ``valence``), then each scorer and the ensemble on its test half
        (``"<name>:test"``). For a user's file: each scorer and the ensemble on all of it.
        The ensemble is there when at least two of :data:`arc.score.ensemble.KNOWN` are scored.
    """
    import numpy as np
    import pandas as pd

    from arc.score import ensemble
    from arc.score.scorers import scorer_info

    names = _scorers(scorers)
    rows = []
    combined = [n for n in names if n in ensemble.KNOWN]
    for rated in shipped_sets() if sets is None else sets:
        values = score_set(rated, names)
        if len(combined) >= 2:
            values[ENSEMBLE] = ensemble.combine({n: values[n] for n in combined})
        neutral = {n: scorer_info(n).neutral for n in names} | {ENSEMBLE: ensemble.NEUTRAL}
        every = np.ones(len(rated), dtype=bool)
        if rated.train:
            for name in names:
                if getattr(scorer_info(name), "fitted", False):
                    continue  # fitted on the train half: measured on the test half alone
                rows.append(_row(rated.name, name, values[name], rated, every, neutral[name]))
            every = ~np.array(rated.train)
        part = rated.name + (TEST if rated.train else "")
        for name in values:
            rows.append(_row(part, name, values[name], rated, every, neutral[name]))
    df = pd.DataFrame(rows, columns=list(COLUMNS))
    df.attrs["human_neutral_share"] = HUMAN_NEUTRAL_SHARE
    return df


def result_lines(results: pd.DataFrame) -> list[str]:
    """The results as an aligned text table, one line per row, with a header."""
    width = max(len("set"), *(len(str(s)) for s in results["set"]))
    swidth = max(len("scorer"), *(len(str(s)) for s in results["scorer"]))
    head = f"{'set':<{width}}  {'scorer':<{swidth}}  {'n':>6}  pearson  {'95% interval':<14}"
    lines = [f"{head}  spearman      f1"]
    previous = None
    for row in results.itertuples(index=False):
        if previous is not None and row.set != previous:
            lines.append("")
        previous = row.set
        interval = f"{format_r(row.pearson_low)} to {format_r(row.pearson_high)}"
        if math.isnan(row.pearson_low):
            interval = "—"
        figures = (
            f"{format_r(row.pearson):>7}  {interval:<14}  "
            f"{format_r(row.spearman):>8}  {format_r(row.f1):>6}"
        )
        lines.append(f"{row.set:<{width}}  {row.scorer:<{swidth}}  {row.n:>6}  {figures}")
    return lines


def format_r(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.3f}"


def pearson_interval(r: float, n: int, level: float = 0.95) -> tuple[float, float]:
    """The ``level`` interval of a Pearson r from ``n`` pairs, by Fisher's z transform.

    ``atanh(r) ± z / sqrt(n - 3)``, mapped back with ``tanh``: the usual interval for a
    correlation of roughly normal data. NaN for an r that is NaN or from fewer than 4 pairs.

    Examples
    --------
    >>> [round(v, 3) for v in pearson_interval(0.5, 103)]
    [0.339, 0.632]
    >>> pearson_interval(0.5, 3)
    (nan, nan)
    """
    from statistics import NormalDist

    if not (math.isfinite(r) and n > 3 and -1.0 <= r <= 1.0):
        return (math.nan, math.nan)
    if abs(r) == 1.0:
        return (r, r)
    z = math.atanh(r)
    half = NormalDist().inv_cdf(0.5 + level / 2) / math.sqrt(n - 3)
    return (math.tanh(z - half), math.tanh(z + half))


def difference_interval(
    r1: float, r2: float, r12: float, n: int, level: float = 0.95
) -> tuple[float, float]:
    """The ``level`` interval of ``r1 - r2``, two scorers' r with the same ratings of ``n`` items.

    The two r share the ratings and the scorers agree with each other by ``r12``, so their
    intervals overlap far more than their difference is uncertain. Zou's interval
    (G. Y. Zou, "Toward using confidence intervals to compare correlations", Psychological
    Methods 12, 2007; overlapping correlations) combines each r's Fisher interval
    (:func:`pearson_interval`) with the two r's own correlation. NaN where either is NaN.

    Examples
    --------
    >>> [round(v, 3) for v in difference_interval(0.575, 0.428, 0.75, 5303)]
    [0.131, 0.163]
    """
    l1, u1 = pearson_interval(r1, n, level)
    l2, u2 = pearson_interval(r2, n, level)
    if not all(math.isfinite(v) for v in (l1, u1, l2, u2, r12)):
        return (math.nan, math.nan)
    c = ((r12 - r1 * r2 / 2) * (1 - r1**2 - r2**2 - r12**2) + r12**3) / ((1 - r1**2) * (1 - r2**2))
    low = (
        r1
        - r2
        - math.sqrt(max(0.0, (r1 - l1) ** 2 + (u2 - r2) ** 2 - 2 * c * (r1 - l1) * (u2 - r2)))
    )
    high = (
        r1
        - r2
        + math.sqrt(max(0.0, (u1 - r1) ** 2 + (r2 - l2) ** 2 - 2 * c * (u1 - r1) * (r2 - l2)))
    )
    return (low, high)
