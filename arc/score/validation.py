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
    "SETS",
    "RatedSet",
    "classes",
    "format_r",
    "is_train",
    "macro_f1",
    "read_rated",
    "result_lines",
    "shipped_set",
    "shipped_sets",
    "validate",
]

#: The results table's columns.
COLUMNS = ("set", "scorer", "n", "pearson", "spearman", "f1")
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
) -> RatedSet:
    """A user's file of hand-rated texts: CSV (or TSV) with columns ``text`` and ``rating``.

    The file is decoded as any text arc reads (:func:`arc.text.io.read_text`: BOM, UTF-16,
    legacy encodings); a ``.tsv`` or ``.tab`` file, or one whose header has a tab and no
    comma, is tab-separated. Column names are matched without regard to case or spaces;
    other columns are ignored. ``rating`` may be on any numeric scale: ``scale`` is its
    (lowest, highest), by default the lowest and highest rating in the file.

    Raises
    ------
    arc.errors.InputError
        The file cannot be read, is empty or binary (see :func:`arc.text.io.read_text`).
    arc.errors.TableError
        No ``text`` or ``rating`` column, a rating that is not a number, a row without
        text, or fewer than 3 rows.
    """
    import io

    import pandas as pd

    from arc.text.io import read_text

    path = Path(path)
    text = read_text(path, encoding)
    header = text.split("\n", 1)[0]
    tab = path.suffix.lower() in (".tsv", ".tab") or ("\t" in header and "," not in header)
    try:
        table = pd.read_csv(
            io.StringIO(text),
            sep="\t" if tab else ",",
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv_error()) as exc:
        reason = " ".join(str(exc).split())
        raise TableError(
            f"{path} is not a readable {'TSV' if tab else 'CSV'} table ({reason})"
        ) from None
    names = {str(c).strip().lower(): c for c in table.columns}
    missing = [c for c in ("text", "rating") if c not in names]
    if missing:
        found = ", ".join(repr(str(c)) for c in table.columns) or "none"
        raise TableError(
            f"{path} has no {' or '.join(repr(m) for m in missing)} column (columns found: "
            f"{found}); give a CSV or TSV whose header names the columns text and rating"
        )
    texts = [str(t) for t in table[names["text"]]]
    raw = [str(r).strip() for r in table[names["rating"]]]
    ratings = []
    for row, (t, r) in enumerate(zip(texts, raw, strict=True), start=2):
        try:
            value = float(r)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise TableError(
                f"{path}, row {row}: the rating {r!r} is not a number; every "
                "row needs a numeric rating"
            )
        if not t.strip():
            raise TableError(f"{path}, row {row}: the text is empty; every row needs a text")
        ratings.append(value)
    if len(texts) < 3:
        raise TableError(
            f"{path} has {len(texts)} rated row{'s' * (len(texts) != 1)}; "
            "correlations need at least 3"
        )
    lo, hi = scale if scale is not None else (min(ratings), max(ratings))
    if not lo < hi:
        raise TableError(
            f"{path}: every rating is {ratings[0]:g}, so there is nothing to "
            "correlate with; rate texts of different sentiment"
        )
    ids = tuple(str(k) for k in range(1, len(texts) + 1))
    return RatedSet(path.stem, path.stem, ids, tuple(texts), tuple(ratings), (lo, hi))


def csv_error() -> type[Exception]:
    """The csv module's error class (pandas' Python engine raises it for a bad quote)."""
    import csv

    return csv.Error


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
    """Pearson r; NaN when either side is constant (no correlation to speak of)."""
    import numpy as np

    x, y = x - x.mean(), y - y.mean()
    denom = math.sqrt(float(np.dot(x, x)) * float(np.dot(y, y)))
    return float(np.dot(x, y)) / denom if denom > 0 else math.nan


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
    truth = classes(y, HUMAN_NEUTRAL_SHARE * (hi - lo), (lo + hi) / 2)
    return {
        "set": set_name,
        "scorer": scorer,
        "n": int(mask.sum()),
        "pearson": round(_pearson(x, y), DECIMALS),
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
        Columns :data:`COLUMNS`. For a shipped set: each scorer on the whole set (``set``
        is its name), then each scorer and the ensemble on its test half
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
    lines = [f"{'set':<{width}}  {'scorer':<{swidth}}  {'n':>6}  pearson  spearman      f1"]
    previous = None
    for row in results.itertuples(index=False):
        if previous is not None and row.set != previous:
            lines.append("")
        previous = row.set
        figures = f"{format_r(row.pearson):>7}  {format_r(row.spearman):>8}  {format_r(row.f1):>6}"
        lines.append(f"{row.set:<{width}}  {row.scorer:<{swidth}}  {row.n:>6}  {figures}")
    return lines


def format_r(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.3f}"
