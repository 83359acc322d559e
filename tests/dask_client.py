"""Runs arc corpus through a Dask client in a process of its own, for tests/test_corpus_dask.py.

A ``distributed.Client`` leaves threads behind in the process that made it, and a process
with other threads must not fork (arc.parallel.why_alone): so the test process never makes
one. ``python -m tests.dask_client MODE ADDRESS [CORPUS OUT [PGID]]`` prints one JSON line.

MODE: ``wait`` (until the cluster has its workers), ``run`` (no cache), ``cached`` (the
workers' own caches), ``lose`` (kill the process group PGID, a worker and its nanny, as soon
as the cluster is busy, then finish the run).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time


def main(argv: list[str]) -> dict[str, object]:
    from distributed import Client

    from arc.corpora.run import corpus

    mode, address = argv[0], argv[1]
    with Client(address, timeout="30s") as client:
        if mode == "wait":
            client.wait_for_workers(int(argv[2]), timeout=120)
            return {"workers": len(client.scheduler_info()["workers"])}
        folder, out = argv[2], argv[3]
        killed = threading.Event()
        if mode == "lose":
            pgid = int(argv[4])

            def kill_when_busy() -> None:
                end = time.monotonic() + 60
                while time.monotonic() < end:
                    if any(client.processing().values()):
                        os.killpg(pgid, signal.SIGKILL)
                        killed.set()
                        return
                    time.sleep(0.01)

            threading.Thread(target=kill_when_busy, daemon=True).start()
        result = corpus([folder], out, client=client, cache=mode == "cached", part_texts=3)
        return {
            "failed": result.failed,
            "threads": sum(client.nthreads().values()),
            "killed": killed.is_set(),
        }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
