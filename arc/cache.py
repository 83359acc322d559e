"""Work arc has done once, kept on disk so that no command does it twice.

A text's scored sentence table costs most of an analysis; a corpus summary of a text costs
the rest. Both are kept in one folder, shared by ``arc plot``, ``arc compare`` and
``arc corpus``, under a key made of everything they depend on: the text's content (a
hash), the unit and its parameters, each scorer's name and version, arc's version and
pandas' (:func:`key`). Change any of them and the entry is simply not found; plotting a
book again with another smoother finds its scored table and does not score it again.

Where: ``$ARC_CACHE_DIR`` if set, else the user's cache folder (``platformdirs``:
``~/.cache/arc`` on Linux). ``ARC_CACHE_DIR=off`` (or ``--no-cache``) turns it off.

How it stays sound:

- each entry is one file, written to a temporary name in its own folder and renamed into
  place (atomic on POSIX), so runs in parallel never see half an entry, and two writing the
  same entry both write the same bytes;
- each file starts with a magic string and the SHA-256 of its payload, checked on every
  read: a truncated or damaged entry is reported as missing (and removed), so it is
  computed again, never trusted;
- the folder is bounded (:data:`DEFAULT_LIMIT`, ``$ARC_CACHE_SIZE`` in MB): when a write
  takes it over, the least recently used entries are removed (each hit refreshes its
  entry's time);
- entries are pickles, which run code when loaded: the folder is created private (mode
  0700) and only ever read from the user's own cache folder or the one they name.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import pickle
import tempfile
import threading
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_LIMIT",
    "OFF",
    "Cache",
    "default_cache",
    "key",
]

#: Bytes the cache may hold before its least recently used entries are removed (2 GB).
DEFAULT_LIMIT = 2 * 1024**3
#: ``ARC_CACHE_DIR`` set to this (or empty) turns the cache off.
OFF = ("off", "0", "no", "none", "")
_MAGIC = b"arc-cache-1\n"
_DIGEST = hashlib.sha256().digest_size
#: A write checks the folder's size once in this many writes (and on the first), so a big
#: corpus does not list the folder after every text.
_CHECK_EVERY = 32


class Cache:
    """A folder of entries, each a pickled value under a string key (see the module doc).

    Examples
    --------
    >>> import tempfile
    >>> store = Cache(tempfile.mkdtemp())
    >>> store.get("frames", "abc") is None
    True
    >>> store.put("frames", "abc", {"n": 1})
    >>> store.get("frames", "abc")
    {'n': 1}
    """

    def __init__(self, folder: str | os.PathLike[str], limit: int = DEFAULT_LIMIT) -> None:
        self.folder = Path(folder)
        self.limit = int(limit)
        self.hits = 0
        self.misses = 0
        self._writes = 0
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """Picklable (for a process pool or a cluster): the lock is made anew."""
        state = self.__dict__.copy()
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Cache({str(self.folder)!r}, limit={self.limit})"

    def path(self, kind: str, name: str) -> Path:
        """Where entry ``name`` of ``kind`` lives (two levels, so no folder grows huge)."""
        return self.folder / kind / name[:2] / f"{name}.pickle"

    def get(self, kind: str, name: str) -> Any | None:
        """The value kept under ``name``, or ``None`` if there is none or it is damaged."""
        path = self.path(kind, name)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        head = len(_MAGIC) + _DIGEST
        payload = data[head:]
        if (
            data[: len(_MAGIC)] != _MAGIC
            or hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]
        ):
            self._discard(path)
            self.misses += 1
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # written by a pandas or arc this one cannot read: redo it
            self._discard(path)
            self.misses += 1
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used
        self.hits += 1
        return value

    def put(self, kind: str, name: str, value: Any) -> None:
        """Keep ``value`` under ``name``; a cache that cannot be written is left alone.

        A full disk or a read-only folder loses the entry, never the work that made it.
        """
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self.path(kind, name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                self.folder.chmod(0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return
        with self._lock:
            self._writes += 1
            check = self._writes % _CHECK_EVERY == 1
        if check:
            self.trim()

    def trim(self, limit: int | None = None) -> int:
        """Remove the least recently used entries until the folder holds at most ``limit``.

        Returns the number of entries removed. Leftover temporary files older than an hour
        (from a process killed mid-write) go too.
        """
        import time

        limit = self.limit if limit is None else limit
        entries: list[tuple[float, int, Path]] = []
        total = 0
        now = time.time()
        for path in self.folder.glob("*/*/*"):
            try:
                st = path.stat()
            except OSError:
                continue
            if path.name.startswith(".tmp-"):
                if now - st.st_mtime > 3600:
                    self._discard(path)
                continue
            entries.append((st.st_mtime, st.st_size, path))
            total += st.st_size
        removed = 0
        for _, size, path in sorted(entries, key=lambda e: (e[0], str(e[2]))):
            if total <= limit:
                break
            self._discard(path)
            total -= size
            removed += 1
        return removed

    def size(self) -> int:
        """Bytes the entries hold now."""
        total = 0
        for path in self.folder.glob("*/*/*.pickle"):
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    @staticmethod
    def _discard(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()


@functools.cache
def _versions() -> tuple[str, str]:
    """The versions of pandas and numpy (a pickle's format follows them), looked up once."""
    import numpy as np
    import pandas as pd

    return pd.__version__, np.__version__


def default_cache() -> Cache | None:
    """The user's cache (``$ARC_CACHE_DIR`` or platformdirs' cache folder), or ``None`` if off."""
    folder = os.environ.get("ARC_CACHE_DIR")
    if folder is not None and folder.strip().lower() in OFF:
        return None
    if folder is None:
        import platformdirs

        folder = platformdirs.user_cache_dir("arc", appauthor=False)
    limit = DEFAULT_LIMIT
    size = os.environ.get("ARC_CACHE_SIZE")
    if size:
        try:
            limit = int(float(size) * 1024**2)
        except ValueError:
            raise ValueError(f"ARC_CACHE_SIZE must be a number of MB, not {size!r}") from None
    return Cache(folder, limit)


def key(*parts: Any) -> str:
    """A hex key for ``parts`` (JSON-able values), with arc's and pandas' versions in it.

    Examples
    --------
    >>> key("abc", "paragraph") == key("abc", "paragraph") != key("abc", "sentence")
    True
    """
    from arc._version import __version__

    blob = json.dumps([__version__, *_versions(), *parts], default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
