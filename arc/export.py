"""Writing a scores table as CSV, JSON (a list of records) or Parquet, byte-for-byte stable.

A CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) opens
as a formula in a spreadsheet, so by default such text cells are written with a ``'`` in
front, as OWASP advises against CSV injection; JSON and Parquet keep every text exact.
"""

from __future__ import annotations

import io
import json
import math
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from arc.errors import MissingDependencyError
from arc.text.io import atomic_write

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_STARTS", "escape_formula_cells", "to_json", "write_table"]

#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_json(df: pd.DataFrame) -> str:
    """The frame as a JSON list of records; floats keep full precision, NaN becomes null."""
    records = [
        {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
        for row in df.to_dict(orient="records")
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def escape_formula_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells starting like a formula begin with ``'``.

    Only string cells of text (object or string) columns change; numbers, missing values and
    other text stay as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["=SUM(A1)", "- Hi", "ok"], "n": [-1, 2, 3]})
    >>> escaped = escape_formula_cells(df)
    >>> escaped.text.tolist(), escaped.n.tolist()
    (["'=SUM(A1)", "'- Hi", 'ok'], [-1, 2, 3])
    """
    import pandas as pd

    out = df.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype.kind in "biufcmM":  # numbers, booleans and times are never text
            continue
        cells = values.tolist()
        risky = [isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in cells]
        if any(risky):
            keep = None if isinstance(values.dtype, pd.CategoricalDtype) else values.dtype
            escaped = ["'" + v if r else v for v, r in zip(cells, risky, strict=True)]
            out[column] = pd.Series(escaped, index=values.index, dtype=keep)
    return out


def write_table(df: pd.DataFrame, path: str | Path | None, *, escape_formulas: bool = True) -> str:
    """Write ``df`` to ``path`` by its extension; with ``path=None`` return the CSV text.

    ``.parquet`` and ``.json`` keep every value exact. CSV (any other extension, or
    ``path=None``) is meant for spreadsheets: with ``escape_formulas`` (the default) a text
    cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (a line of
    dialogue "- Hello", a heading "=== PART ONE ===") is written with a single quote in
    front, ``'- Hello``, so that a spreadsheet shows it as text instead of running it as a
    formula (OWASP's advice against CSV injection). Numbers are never changed. Pass
    ``escape_formulas=False`` for the raw text, e.g. for a program that reads the CSV.
    """
    if path is None:
        return _csv(df, escape_formulas)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                "writing Parquet needs pyarrow; "
                "install it with: pip install 'arc-sentiment[parquet]'"
            ) from None
        buffer = io.BytesIO()
        with warnings.catch_warnings():  # old pyarrow (12) asks pandas 2.1 a deprecated thing
            warnings.filterwarnings("ignore", category=FutureWarning, module="pyarrow")
            df.to_parquet(buffer, index=False)
        data = buffer.getvalue()
    elif suffix == ".json":
        data = to_json(df).encode("utf-8")
    else:
        data = _csv(df, escape_formulas).encode("utf-8")
    with atomic_write(path) as handle:
        handle.write(data)
    return str(path)


def _csv(df: pd.DataFrame, escape: bool) -> str:
    return (escape_formula_cells(df) if escape else df).to_csv(index=False, lineterminator="\n")
