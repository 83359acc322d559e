"""A corpus's output folder: tables written in parts, so nothing written is ever lost.

Layout of ``OUTDIR``::

    texts/part-00000.parquet ...      one row per text           (a Parquet dataset)
    segments/part-00000.parquet ...   one row per text and grid point
    modes.parquet, loadings.parquet   the corpus's arcs decomposed (:mod:`arc.analysis.modes`)
    overview.png                      the overview chart
    .arc-corpus/part-00000.json       what each part holds: the files and the settings

Texts are taken in sorted path order and cut into parts of :data:`PART_TEXTS`; part ``c``
holds texts ``c*PART_TEXTS`` onwards, so the parts, and the bytes in them, are the same
however the work was spread. A part's two tables are written to hidden temporary names
and renamed into place (readers of the dataset skip names starting with ``.``), then its
record. A part counts as done only when its record names the same files (path, size and
modification time), the same settings and both tables are there, so a run that is killed
loses at most the parts it was writing, and running it again redoes only those (their
texts' analyses are found in the cache).

With ``--format csv`` the parts are ``.csv`` files; :func:`read_corpus` reads either.
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arc.errors import OutputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMATS",
    "PART_TEXTS",
    "Entry",
    "Store",
    "empty_table",
    "read_corpus",
    "read_table",
]

#: Texts per part: a killed run redoes at most this many (from the cache), and a corpus of
#: Project Gutenberg's size is some 750 files per table.
PART_TEXTS = 100
FORMATS = ("parquet", "csv")
_RECORDS = ".arc-corpus"
_TABLES = ("texts", "segments")


@dataclass(frozen=True)
class Entry:
    """A file of the corpus as the record knows it: its path, size and modification time."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> Entry:
        """The entry of ``path`` now (size and time -1 if it cannot be read: it will fail)."""
        try:
            st = os.stat(path)
        except OSError:
            return cls(path, -1, -1)
        return cls(path, st.st_size, st.st_mtime_ns)


class Store:
    """The output folder of one corpus run: which parts are done, and writing the others."""

    def __init__(self, folder: str | os.PathLike[str], fmt: str, settings: dict[str, Any]) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        self.folder = Path(folder)
        self.format = fmt
        self.settings = settings
        self._lock: Any = None

    def open(self) -> None:
        """Create the folder, or check that an existing one is a corpus folder of arc's."""
        folder = self.folder
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{folder} is not a folder; give a folder for the corpus tables")
        if folder.is_dir() and any(folder.iterdir()) and not (folder / _RECORDS).is_dir():
            raise OutputError(
                f"{folder} is not empty and holds no arc corpus; give a new or empty folder"
            )
        try:
            for name in (_RECORDS, *_TABLES):
                (folder / name).mkdir(parents=True, exist_ok=True)
            self._lock = (folder / _RECORDS / "lock").open("a")
        except OSError as exc:
            raise OutputError(f"cannot write in {folder}: {exc.strerror}") from None
        try:  # one run at a time: two would write the same parts
            import fcntl

            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no lock
            pass
        except OSError:
            self._lock.close()
            raise OutputError(
                f"another arc corpus run is writing {folder}; wait for it, or give another folder"
            ) from None
        for path in folder.glob("*/.tmp-*"):  # left by a run killed while writing
            with contextlib.suppress(OSError):
                path.unlink()

    def close(self) -> None:
        """Let another run write the folder."""
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.close()
            self._lock = None

    def done(self, part: int, entries: Sequence[Entry]) -> bool:
        """Whether part ``part`` was written for exactly these files and settings."""
        try:
            record = json.loads(self._record(part).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return (
            record.get("settings") == self.settings
            and record.get("files") == [[e.path, e.size, e.mtime_ns] for e in entries]
            and all(self._part(table, part).is_file() for table in _TABLES)
        )

    def forget_beyond(self, parts: int) -> None:
        """Remove the parts numbered ``parts`` and up, and parts in the other format."""
        other = [f for f in FORMATS if f != self.format]
        for table in (_RECORDS, *_TABLES):
            for path in (self.folder / table).glob("part-*"):
                number = path.name.split(".")[0].removeprefix("part-")
                stale = not number.isdigit() or int(number) >= parts
                if stale or path.suffix.lstrip(".") in other:
                    with contextlib.suppress(OSError):
                        path.unlink()

    def write(
        self, part: int, entries: Sequence[Entry], texts: pd.DataFrame, segments: pd.DataFrame
    ) -> None:
        """Write part ``part``'s two tables, then its record: the part is done only then."""
        self._record(part).unlink(missing_ok=True)
        for table, df in zip(_TABLES, (texts, segments), strict=True):
            self._atomic(self._part(table, part), lambda tmp, df=df: self._write_table(df, tmp))
        record = {
            "settings": self.settings,
            "files": [[e.path, e.size, e.mtime_ns] for e in entries],
        }
        text = json.dumps(record, indent=1, ensure_ascii=False)
        self._atomic(self._record(part), lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def read_part(
        self, table: str, part: int, columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """A part of a table as it was written (some of its columns, if given)."""
        from arc.corpora.summary import SEGMENT_COLUMNS, TEXT_COLUMNS

        kinds = {"texts": TEXT_COLUMNS, "segments": SEGMENT_COLUMNS}[table]
        if columns is not None:
            kinds = {name: kinds[name] for name in columns}
        return _read(self._part(table, part), kinds)

    def write_extra(self, name: str, df: pd.DataFrame) -> Path:
        """Write a corpus-wide table (``modes``, ``loadings``) beside the parts."""
        path = self.folder / f"{name}.{self.format}"
        self._atomic(path, lambda tmp: self._write_table(df, tmp))
        return path

    def remove_extra(self, name: str) -> None:
        """Remove a corpus-wide table that no longer describes the corpus."""
        for fmt in FORMATS:
            (self.folder / f"{name}.{fmt}").unlink(missing_ok=True)

    def _write_table(self, df: pd.DataFrame, path: Path) -> None:
        if self.format == "parquet":
            with warnings.catch_warnings():  # old pyarrow (12) asks pandas 2.1 a deprecated thing
                warnings.filterwarnings("ignore", category=FutureWarning, module="pyarrow")
                df.to_parquet(path, index=False)
        else:
            df.to_csv(path, index=False, lineterminator="\n")

    def _part(self, table: str, part: int) -> Path:
        return self.folder / table / f"part-{part:05d}.{self.format}"

    def _record(self, part: int) -> Path:
        return self.folder / _RECORDS / f"part-{part:05d}.json"

    @staticmethod
    def _atomic(path: Path, write: Any) -> None:
        tmp = path.with_name(f".tmp-{path.name}")
        try:
            write(tmp)
            os.replace(tmp, path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def read_corpus(folder: str | os.PathLike[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The texts and segments tables of a corpus folder, whichever format it was written in.

    Parts are read in order, so the rows come in text order. ``pandas.read_parquet(folder /
    "texts")``, Dask's ``read_parquet`` and DuckDB's ``read_parquet('texts/*.parquet')`` read
    the same Parquet tables directly.
    """
    return read_table(folder, "texts"), read_table(folder, "segments")


def read_table(
    folder: str | os.PathLike[str], table: str, columns: Sequence[str] | None = None
) -> pd.DataFrame:
    """One table of a corpus folder (``texts`` or ``segments``), or some of its columns."""
    import pandas as pd

    from arc.corpora.summary import SEGMENT_COLUMNS, TEXT_COLUMNS

    kinds = {"texts": TEXT_COLUMNS, "segments": SEGMENT_COLUMNS}[table]
    if columns is not None:
        kinds = {name: kinds[name] for name in columns}
    where = Path(folder) / table
    parts = sorted(where.glob("part-*.parquet")) or sorted(where.glob("part-*.csv"))
    frames = [_read(path, kinds) for path in parts]
    return pd.concat(frames, ignore_index=True) if frames else empty_table(kinds)


def _read(path: Path, kinds: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    if path.suffix == ".parquet":
        return pd.read_parquet(path, columns=list(kinds))
    # Floats are read back exactly: pandas 3 does so by default; before, only when asked.
    exact = {} if int(pd.__version__.split(".")[0]) >= 3 else {"float_precision": "round_trip"}
    df = pd.read_csv(path, usecols=list(kinds), keep_default_na=False, na_values=[""], **exact)
    return df[list(kinds)].astype(kinds)


def empty_table(columns: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in columns.items()})
