"""``arc corpus``: a folder of texts analysed into tables, on every core or a Dask cluster."""

from __future__ import annotations

import argparse
from typing import Any

from arc.cli.files import say, with_examples
from arc.cli.options import UsageError
from arc.errors import ArcError, MissingDependencyError

__all__ = ["cmd_corpus"]


class CorpusFailures(ArcError):
    """Some texts could not be analysed: the run finished, and says how many failed."""

    exit_status = 1


def cmd_corpus(args: argparse.Namespace) -> None:
    """Analyse every text of a corpus into tables: one row per text, one per text and grid point.

    Writes OUTDIR/texts and OUTDIR/segments (Parquet datasets that pandas, Dask and DuckDB
    read directly; --format csv for CSV), the corpus's modes and each text's loadings
    (Reagan et al.'s SVD of the arcs), and OUTDIR/overview.png. A text that cannot be read
    is recorded with its reason and the run goes on; the exit status is then 1. Run the
    same command again after an interruption: it does only what is left. Texts already
    scored come from arc's cache.

    Example:
        arc corpus books/ -o output/books            # every .txt file under books/
        arc corpus --example alice --example frankenstein -o output/examples
        arc corpus 'novels/*.txt' -o out --jobs 2
        arc corpus books/ -o out --scheduler tcp://10.0.0.5:8786   # a Dask cluster
        arc corpus books/ -o out --format csv --smooth lowess
    """
    from arc.cli.commands import user_cache
    from arc.parallel import EVERY_CPU

    args.paths = with_examples(args)
    if not args.paths:
        raise UsageError("give at least one PATH or --example NAME")

    if args.scheduler and args.jobs is not None:
        raise UsageError("--jobs sets local processes; leave it out with --scheduler")
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise MissingDependencyError(
                "Parquet tables need pyarrow: pip install 'arc-sentiment[parquet]', "
                "or pass --format csv"
            ) from None
    client = _client(args.scheduler) if args.scheduler else None
    from arc.corpora.run import corpus, summary_line

    try:
        result = corpus(
            args.paths,
            args.output,
            jobs=None if client is not None else (args.jobs or EVERY_CPU),
            client=client,
            grid=args.grid,
            smoother=args.smooth,
            scorer=args.scorer,
            fmt=args.format,
            # On a cluster each worker finds its own cache; here, this user's.
            cache=args.cache if client is not None else user_cache(args),
            encoding=args.encoding,
            max_bytes=args.max_size * 1_000_000,
            chart=args.chart,
        )
    finally:
        if client is not None:
            client.close()
    say(summary_line(result))
    if result.failed:
        raise CorpusFailures(
            f"{result.failed:,} of {len(result.texts):,} texts could not be analysed; "
            f"their status column says why ({result.folder}/texts)"
        )


def _client(address: str) -> Any:
    """A Dask client connected to the scheduler at ``address``; one line if it cannot be."""
    try:
        from distributed import Client
    except ImportError:
        raise MissingDependencyError(
            "--scheduler needs Dask: pip install 'arc-sentiment[dask]'"
        ) from None
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
