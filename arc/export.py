"""Writing a scores table as CSV, JSON (a list of records) or Parquet, byte-for-byte stable."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from arc.errors import MissingDependencyError
from arc.io import atomic_write

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_json", "write_table"]


def to_json(df: pd.DataFrame) -> str:
    """The frame as a JSON list of records; floats keep full precision, NaN becomes null."""
    records = [
        {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
        for row in df.to_dict(orient="records")
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def write_table(df: pd.DataFrame, path: str | Path | None) -> str:
    """Write ``df`` to ``path`` by its extension; with ``path=None`` return the CSV text."""
    if path is None:
        return df.to_csv(index=False, lineterminator="\n")
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
        df.to_parquet(buffer, index=False)
        data = buffer.getvalue()
    elif suffix == ".json":
        data = to_json(df).encode("utf-8")
    else:
        data = df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    with atomic_write(path) as handle:
        handle.write(data)
    return str(path)
