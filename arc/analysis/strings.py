"""Text columns of a scored table, made cheaply: straight into Arrow where pandas keeps them so.

A novel's sentence texts are the largest part of its table; these build the ``text``,
``role`` and ``chapter`` columns without a Python string per sentence where they can.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from arc.text.segment import join_lines

__all__ = ["TEXT_BLOCK", "arrow_strings", "sentence_texts", "string_column"]


def arrow_strings() -> Any:
    """The dtype pandas gives a column of strings, if it keeps them in Arrow; else None.

    pandas 3 with pyarrow does (``StringDtype(storage="pyarrow")``); pandas 2, or pandas 3
    without pyarrow, keeps them as Python objects.
    """
    dtype = _inferred_string_dtype()
    if getattr(dtype, "storage", None) != "pyarrow":
        return None
    try:
        import pyarrow  # noqa: F401  (pandas may hold it while arc cannot import it)
    except ImportError:
        return None
    return dtype


@functools.cache
def _inferred_string_dtype() -> Any:
    """What pandas infers for a column of strings, asked once (a corpus asks for every text)."""
    import pandas as pd

    return pd.Series(["x"]).dtype


def string_column(values: list[str | None]) -> Any:
    """``values`` as the column pandas would make of them, in memory from the system allocator.

    Where pandas keeps strings in Arrow, it converts them with Arrow's default pool
    (mimalloc), which keeps whole segments resident; the system allocator's pool holds what
    the column needs. A list with no string at all is left to pandas (an object column).
    """
    dtype = arrow_strings()
    if dtype is None or all(v is None for v in values):
        return values
    import pandas as pd
    import pyarrow as pa

    array = pa.array(
        values, type=pa.large_string(), from_pandas=True, memory_pool=pa.system_memory_pool()
    )
    return pd.array(array, dtype=dtype)


#: Sentences' texts are made this many at a time from their offsets (:func:`sentence_texts`).
TEXT_BLOCK = 1024
#: What separates the sentences of a block while their line breaks are joined: a character
#: no match of :func:`~arc.text.segment.join_lines` takes in, and whose UTF-8 byte appears
#: nowhere else. A text that holds it has its sentences joined one at a time instead.
_SEPARATOR = "\x00"


def sentence_texts(source: str, starts: np.ndarray, ends: np.ndarray) -> Any:
    """The sentences' ``text`` column, made from their offsets as the splitter makes them.

    A sentence's text is ``join_lines(source[start:end])``, as
    :func:`~arc.text.segment.split_sentences` makes it. Here the texts are made at the end,
    a block of :data:`TEXT_BLOCK` at a time, rather than kept from the splitting: they are
    the largest part of a sentence frame. A block's sentences are joined with
    :data:`_SEPARATOR` between them and their line breaks joined in one pass (no match
    crosses the separator, so each piece is its sentence's text). Where pandas keeps strings
    in Arrow (pandas 3 with pyarrow), the block's UTF-8 bytes go straight into the one
    buffer of an Arrow array of the dtype pandas infers for strings, each sentence ending
    where a separator byte stood, so no sentence is ever a ``str`` of its own (Arrow's
    conversion of a list holds every ``str`` until it is done), in memory from the system
    allocator (see :func:`string_column`). Otherwise the texts are a list of ``str``, as
    pandas is given any column.
    """
    n = len(starts)
    dtype = arrow_strings() if n else None
    whole = _SEPARATOR not in source
    texts: list[str] = []
    data = bytearray()
    offsets = np.zeros(n + 1, dtype=np.int64)
    for k in range(0, n, TEXT_BLOCK):
        bounds = zip(
            starts[k : k + TEXT_BLOCK].tolist(), ends[k : k + TEXT_BLOCK].tolist(), strict=True
        )
        if not whole:
            pieces = [join_lines(source[s:e]) for s, e in bounds]
            if dtype is None:
                texts += pieces
                continue
            for j, piece in enumerate(pieces, k + 1):
                data += piece.encode("utf-8")
                offsets[j] = len(data)
            continue
        block = join_lines(_SEPARATOR.join([source[s:e] for s, e in bounds]))
        if dtype is None:
            texts += block.split(_SEPARATOR)
            continue
        encoded = block.encode("utf-8")
        cuts = np.flatnonzero(np.frombuffer(encoded, dtype=np.uint8) == ord(_SEPARATOR))
        m = len(cuts) + 1
        offsets[k + 1 : k + m] = len(data) + cuts - np.arange(m - 1)
        data += encoded.replace(_SEPARATOR.encode(), b"")
        offsets[k + m] = len(data)
    if dtype is None:
        return texts
    import pandas as pd
    import pyarrow as pa

    values = pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data))
    return pd.array(values, dtype=dtype)
