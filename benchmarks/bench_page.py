"""The interactive page (issue #21): its size, how long it takes to write, and how it answers.

For each text (the vignette, Frankenstein, and War and Peace from ../shared/corpus, 33,056
sentences, 32,140 of them story), ``arc plot TEXT -o page.html`` is run in a fresh process
and timed (wall clock, the median of ``--rounds``), and the file's size taken with
``os.stat``. Then, in headless Chromium (Debian's; tests/browser.py), each page is opened
from its file ``--rounds`` times and, each time:

- *ready*: milliseconds from navigation to the page's script being done (BokehJS has drawn
  the chart, the text is unpacked, every point's tooltip is filled): ``arcPage.loaded``,
  ``performance.now()`` at that moment;
- *hover* and *click*: ``--points`` unit points spread over the story are hovered, then
  clicked, with real pointer events (selenium's actions); the page records, for each, the
  milliseconds from the pointer event's ``timeStamp`` to the first animation frame after
  its tooltip is shown or its passage written (``arcPage.timings``): what a reader waits.
  Median and slowest are reported.

    python benchmarks/bench_page.py [--corpus DIR] [--rounds N] [--points N] [--json]

Exit status 0 whatever the figures; 1, with one line, when the corpus or Chromium is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The goals of issue #21.
LIMITS = {"final_goodbyes": 1_500_000, "war_and_peace": 5_000_000}


def texts(corpus: Path) -> dict[str, list[str]]:
    """The texts measured: name -> the arguments of ``arc plot`` that read it."""
    novel = corpus / "tolstoy_war_and_peace_pg2600-8.txt"
    if not novel.is_file():
        raise SystemExit(f"bench_page.py: error: no War and Peace in {corpus}")
    return {
        "final_goodbyes": [],
        "frankenstein": ["--example", "frankenstein"],
        "war_and_peace": [str(novel)],
    }


def build(args: list[str], out: Path, rounds: int) -> float:
    """Seconds ``arc plot ... -o out`` takes in a fresh process, median of ``rounds``."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "arc", "plot", *args, "-o", str(out)],
            check=True,
            capture_output=True,
            env={**os.environ, "MPLBACKEND": "Agg"},
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def in_browser(driver, page: Path, rounds: int, points: int) -> dict[str, float]:
    """Ready, hover and click milliseconds of one page (see the module docstring)."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    from tests.browser import open_page

    ready, hover, click = [], [], []
    for _ in range(rounds):
        open_page(driver, page, timeout=120)
        ready.append(driver.execute_script("return window.arcPage.loaded"))
        n = driver.execute_script("return window.arcPage.data.units.index.length")
        driver.execute_script("window.arcPage.timings.length = 0")
        for k in range(points):
            at = driver.execute_script(
                "return window.arcPage.locate(arguments[0])", (2 * k + 1) * n // (2 * points)
            )
            for pressed in (False, True):
                actions = ActionBuilder(driver)
                actions.pointer_action.move_to_location(round(at["x"]), round(at["y"]))
                if pressed:
                    actions.pointer_action.click()
                actions.perform()
        time.sleep(0.3)
        for t in driver.execute_script("return window.arcPage.timings"):
            (hover if t["what"] == "hover" else click).append(t["ms"])
    return {
        "ready_ms": statistics.median(ready),
        "hover_ms_median": statistics.median(hover),
        "hover_ms_max": max(hover),
        "click_ms_median": statistics.median(click),
        "click_ms_max": max(click),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--points", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from tests.browser import chromium, missing_reason

    if missing_reason() is not None:
        print(f"bench_page.py: error: {missing_reason()}", file=sys.stderr)
        return 1
    report: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, chromium(1200, 1300) as driver:
        for name, plot_args in texts(args.corpus).items():
            page = Path(tmp) / f"{name}.html"
            seconds = build(plot_args, page, args.rounds)
            report[name] = {"bytes": page.stat().st_size, "write_s": seconds}
            report[name].update(in_browser(driver, page, args.rounds, args.points))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"{'text':16} {'size':>11} {'limit':>9} {'write':>7} {'ready':>8} "
        f"{'hover med/max':>15} {'click med/max':>15}"
    )
    for name, r in report.items():
        limit = f"{LIMITS[name] / 1e6:g} MB" if name in LIMITS else ""
        print(
            f"{name:16} {r['bytes']:>11,} {limit:>9} {r['write_s']:>6.1f}s "
            f"{r['ready_ms']:>6.0f}ms {r['hover_ms_median']:>6.1f}/{r['hover_ms_max']:<6.1f}ms "
            f"{r['click_ms_median']:>6.1f}/{r['click_ms_max']:<6.1f}ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
