"""The speed and memory goals of issue #18 ("One analysis, computed once"), measured in one run.

What is measured
----------------
Every command is the installed ``arc`` beside this Python (``.venv/bin/arc``, else
``python -m arc``), each run a fresh process with ``MPLBACKEND=Agg`` and the rest of the
environment as it is. Runs of the things compared are interleaved (the order reversed every
other round, so drift in machine speed hits all alike), one untimed run of each first (disk
caches, matplotlib's font cache, byte code where it is written); each figure is the
**median** of ``--rounds`` runs (default 9) and a ratio is the ratio of medians. Beside the
wall-clock seconds (the goal), the CPU seconds of each process (user + system, its children
included, from ``os.wait4``) are given: on a busy machine they move far less than the wall
clock. A note names every series whose slowest run is more than 15 % slower than its fastest.

(1) A book: ``arc plot BOOK`` against ``arc score BOOK --unit sentence`` (its CSV to
    /dev/null) plus the floor: a fresh Python that imports pandas and matplotlib and saves a
    trivial PNG with the Agg backend (``bench_speed.FLOOR_CODE``). BOOK is
    ``--example frankenstein`` by default (``--book NAME|PATH``). Goal: plot / (score + floor)
    at most 1.3. ``arc plot BOOK --no-band --no-null`` is timed too, for information.
(2) Start-up: ``arc plot -o <tmp>.png`` (the vignette) against the same floor runs. Goal: at
    most 1.3. Whether arc's own modules load from byte code moves this ratio: pandas and
    matplotlib load the byte code their wheels were installed with, but arc, installed in
    editable mode, is compiled from source at every start where ``PYTHONDONTWRITEBYTECODE``
    is set (as in this workplace) until something run without it (``tests/test_cli.py``
    runs arc with a bare environment) has written ``arc/__pycache__``. So the vignette is
    timed three times: the installed arc as found (the header says how many of its modules
    have byte code), and two copies of the installed package put first on ``PYTHONPATH``
    (the same ``arc`` script and venv), one compiled to byte code beforehand, as a wheel
    install is, and one never compiled, run with ``PYTHONDONTWRITEBYTECODE=1``. All three
    are judged. ``--startup-variants`` times what else can move the ratio, one thing at a
    time from the compiled copy: ``python -m arc`` instead of the ``arc`` script,
    ``MPLBACKEND`` unset, the floor freezing its heap before it exits (``gc.freeze()``, as
    arc's entry point does, which spares it the tear-down of the heap, see
    ``arc/__main__.py``), arc's command run without that entry point (``arc.cli.main``
    called from ``python -c``: its heap torn down at exit like the floor's), and both
    without pyarrow (a folder first on ``PYTHONPATH`` whose
    ``pyarrow`` fails to import, as where it is not installed).
(3) Memory: the maximum RSS of a fresh Python running ``arc.analyze(NOVEL, unit="sentence")``
    (automatic workers: on two cores a long text is split between this process and one
    forked child; ``/usr/bin/time -v``'s "Maximum resident set size", which is
    ``os.wait4``'s ``ru_maxrss``: the largest of the process and its children, not their
    sum) minus the same for the baseline: a fresh Python that imports arc, analyses a
    one-line text (``unit="sentence"``: that imports pandas, numpy and Punkt and loads
    Punkt's parameters and VADER's lexicon), imports every module the analysis of NOVEL
    imports besides (found by an untimed probe run; nltk's packages excepted, which arc
    loads its own way), then reads and decodes NOVEL with ``arc.read_text`` and keeps the
    text, without analysing it. So the difference is what analysing the text costs on top
    of reading it. Divided by the file's size in MB (10^6 bytes); NOVEL is the largest text
    of the corpus's MANIFEST.tsv (War and Peace, 3.23 MB; ``--novel PATH``, repeatable).
    Medians of ``--memory-runs`` runs (default 3) of each, interleaved; ``workers=1`` is
    measured too, for information. Goal: at most 5 MiB per MB.

Run it with ``make bench-arch`` or::

    python benchmarks/bench_arch.py [--corpus DIR] [--book NAME|PATH] [--novel PATH ...]
                                    [--rounds 9] [--memory-runs 3] [--startup-variants]
                                    [--quick] [--json]

``--quick`` is a smoke run (3 rounds, 1 memory run); its figures are not for quoting. A run
takes about two minutes on two cores, two and a half with ``--startup-variants``. Progress
goes to standard error, the table (or ``--json``) to standard output. It is a report, not a
test: the exit status is 0 whatever the figures; 1, with one line, when the corpus or a file
given is missing.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analyze import _aligned  # the sibling scripts: table layout and helpers
from bench_speed import (
    FLOOR_CODE,
    MEMORY_GOAL,
    NOISY,
    PLOT_GOAL,
    TEXT_MB,
    WARMUP_TEXT,
    add_corpus,
    arc_command,
    environment,
    header,
    manifest,
    say,
    self_timed,
    series,
    title_of,
)

BOOK_GOAL = 1.3  # arc plot BOOK / (arc score BOOK --unit sentence + floor), at most
TIME = Path("/usr/bin/time")
ENV = {"MPLBACKEND": "Agg"}
# The floor, then the heap frozen before exit as arc's entry point does.
FLOOR_FROZEN = FLOOR_CODE + "import gc\ngc.freeze()\n"
# arc's command without its entry point (arc/__main__.py), which freezes the heap before exit.
ARC_UNFROZEN = "import sys\nfrom arc.cli import main\nsys.exit(main(sys.argv[1:]))\n"
# A package named pyarrow that cannot be imported: pandas then runs as without pyarrow.
NO_PYARROW = 'raise ImportError("pyarrow hidden by bench_arch.py")\n'
ANALYZE_CODE = """\
import sys
import arc
workers = None if sys.argv[2] == "auto" else int(sys.argv[2])
arc.analyze(sys.argv[1], unit="sentence", workers=workers)
"""
PROBE_CODE = """\
import json, sys
import arc
before = set(sys.modules)
frame = arc.analyze(sys.argv[1], unit="sentence")
print(json.dumps({"sentences": len(frame), "modules": sorted(set(sys.modules) - before)}))
"""
BASELINE_CODE = f"""\
import contextlib, importlib, json, sys
import arc
arc.analyze(text={WARMUP_TEXT!r}, unit="sentence")
for name in json.loads(sys.argv[2]):
    if name not in sys.modules and name.split(".")[0] != "nltk":
        with contextlib.suppress(Exception):
            importlib.import_module(name)
text = arc.read_text(sys.argv[1])
"""
_MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")


# --------------------------------------------------------------------------- processes


class Process:
    """A command run in a fresh process: each call returns its wall seconds, keeps its CPU."""

    def __init__(self, cmd: list[str], cwd: str, env: dict[str, str], unset: tuple = ()):
        self.cmd, self.cwd = cmd, cwd
        self.env = {k: v for k, v in {**os.environ, **ENV, **env}.items() if k not in unset}
        self.cpu: list[float] = []

    def __call__(self) -> float:
        with tempfile.TemporaryFile() as errors:
            start = time.perf_counter()
            proc = subprocess.Popen(
                self.cmd,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            if code != 0:
                errors.seek(0)
                message = errors.read().decode(errors="replace")[-3000:]
                raise RuntimeError(f"{' '.join(self.cmd)} failed ({code}):\n{message}")
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        return seconds


def race(runs: dict[str, Process], rounds: int) -> dict[str, dict[str, Any]]:
    """Each run once untimed, then ``rounds`` interleaved rounds: wall and CPU series."""
    for run in runs.values():
        run()
        run.cpu.clear()
    wall = self_timed(dict(runs), rounds)
    return {name: {"wall": series(wall[name]), "cpu": series(runs[name].cpu)} for name in runs}


def ratio(times: dict[str, dict[str, Any]], top: str, *bottom: str) -> dict[str, float]:
    """``top`` over the sum of ``bottom``, medians of wall and of CPU seconds."""
    return {
        kind: times[top][kind]["median"] / sum(times[b][kind]["median"] for b in bottom)
        for kind in ("wall", "cpu")
    }


# --------------------------------------------------------------------------- (1) and (2)


def book_args(book: str) -> list[str]:
    """The command-line source of ``book``: ``--example NAME`` or a path."""
    from arc.text.examples import EXAMPLES

    if book in EXAMPLES:
        return ["--example", book]
    if not Path(book).is_file():
        raise SystemExit(f"bench_arch.py: error: no such file or example: {book}")
    return [str(Path(book).resolve())]


def arc_copies(tmp: Path) -> tuple[Path, Path]:
    """Two copies of the installed arc package: one compiled to byte code, one never compiled.

    Put first on ``PYTHONPATH``, each is the arc that the ``arc`` script beside this Python
    imports: the same code, with byte code as a wheel install has it, or compiled from
    source at every start as an editable install is where ``PYTHONDONTWRITEBYTECODE`` is set
    and nothing has written ``arc/__pycache__`` yet.
    """
    import arc

    package = Path(arc.__file__).parent
    compiled, source = tmp / "compiled", tmp / "source"
    for root in (compiled, source):
        shutil.copytree(package, root / "arc", ignore=shutil.ignore_patterns("__pycache__"))
    if not compileall.compile_dir(compiled / "arc", quiet=1):
        raise RuntimeError(f"could not compile a copy of {package}")
    return compiled, source


def speed(book: str, rounds: int, variants: bool) -> dict[str, Any]:
    """The floor, the vignette's chart and the book's chart and table, interleaved."""
    arc = arc_command()
    source = book_args(book)
    with tempfile.TemporaryDirectory(prefix="bench_arch_") as name:
        tmp = Path(name)
        compiled, plain = arc_copies(tmp)
        floor = [sys.executable, "-c", FLOOR_CODE, "floor.png"]
        vignette = [*arc, "plot", "-o", "vignette.png"]
        as_built = {"PYTHONPATH": str(compiled)}
        runs = {
            "floor": Process(floor, name, {}),
            "vignette": Process(vignette, name, {}),
            "vignette_compiled": Process(vignette, name, as_built),
            "vignette_source": Process(
                vignette, name, {"PYTHONPATH": str(plain), "PYTHONDONTWRITEBYTECODE": "1"}
            ),
            "book_score": Process([*arc, "score", *source, "--unit", "sentence"], name, {}),
            "book_plot": Process([*arc, "plot", *source, "-o", "book.png"], name, {}),
            "book_plot_bare": Process(
                [*arc, "plot", *source, "--no-band", "--no-null", "-o", "bare.png"], name, {}
            ),
        }
        if variants:
            hidden = tmp / "hidden" / "pyarrow"
            hidden.mkdir(parents=True)
            (hidden / "__init__.py").write_text(NO_PYARROW)
            without = os.pathsep.join((str(hidden.parent), str(compiled)))
            module = [sys.executable, "-m", "arc", "plot", "-o", "vignette.png"]
            runs.update(
                {
                    "floor_frozen": Process(
                        [sys.executable, "-c", FLOOR_FROZEN, "f.png"], name, {}
                    ),
                    "vignette_module": Process(module, name, as_built),
                    "vignette_unfrozen": Process(
                        [sys.executable, "-c", ARC_UNFROZEN, "plot", "-o", "vignette.png"],
                        name,
                        as_built,
                    ),
                    "vignette_no_backend": Process(vignette, name, as_built, ("MPLBACKEND",)),
                    "floor_no_pyarrow": Process(floor, name, {"PYTHONPATH": str(hidden.parent)}),
                    "vignette_no_pyarrow": Process(vignette, name, {"PYTHONPATH": without}),
                }
            )
        say(f"(1, 2) {len(runs)} commands, {rounds} interleaved rounds")
        times = race(runs, rounds)
    out: dict[str, Any] = {
        "arc": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(arc)),
        "book": " ".join(source if source[0] == "--example" else [Path(source[0]).name]),
        "rounds": rounds,
        "seconds": times,
        "book_ratio": ratio(times, "book_plot", "book_score", "floor"),
        "book_bare_ratio": ratio(times, "book_plot_bare", "book_score", "floor"),
        "plot_over_score": ratio(times, "book_plot", "book_score"),
        "vignette_ratio": ratio(times, "vignette", "floor"),
        "vignette_compiled_ratio": ratio(times, "vignette_compiled", "floor"),
        "vignette_source_ratio": ratio(times, "vignette_source", "floor"),
        "bytecode": bytecode_state(),
    }
    if variants:
        out["variants"] = {
            "arc compiled / floor (the reference)": out["vignette_compiled_ratio"],
            "arc compiled at every start / floor": out["vignette_source_ratio"],
            "the installed arc, as found / floor": out["vignette_ratio"],
            "python -m arc (compiled) / floor": ratio(times, "vignette_module", "floor"),
            "arc compiled, MPLBACKEND unset / floor": ratio(times, "vignette_no_backend", "floor"),
            "arc compiled / floor freezing its heap": ratio(
                times, "vignette_compiled", "floor_frozen"
            ),
            "arc compiled / floor, both without pyarrow": ratio(
                times, "vignette_no_pyarrow", "floor_no_pyarrow"
            ),
            "arc compiled, heap torn down at exit / floor": ratio(
                times, "vignette_unfrozen", "floor"
            ),
            "floor freezing its heap / floor": ratio(times, "floor_frozen", "floor"),
            "arc compiled / arc with its heap torn down": ratio(
                times, "vignette_compiled", "vignette_unfrozen"
            ),
            "floor without pyarrow / floor": ratio(times, "floor_no_pyarrow", "floor"),
        }
    out["book_pass"] = out["book_ratio"]["wall"] <= BOOK_GOAL
    for key in ("vignette", "vignette_compiled", "vignette_source"):
        out[f"{key}_pass"] = out[f"{key}_ratio"]["wall"] <= PLOT_GOAL
    return out


def bytecode_state() -> str:
    """Whether the installed arc loads byte code or is compiled at each start."""
    import arc

    package = Path(arc.__file__).parent
    cached = len(list(package.rglob("__pycache__/*.pyc")))
    modules = len(list(package.rglob("*.py")))
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return (
            f"PYTHONDONTWRITEBYTECODE is set; {cached} of arc's {modules} modules have byte "
            f"code in {package} (written by a run without the variable)"
        )
    return "PYTHONDONTWRITEBYTECODE is not set: arc's byte code is written by its first run"


# --------------------------------------------------------------------------- (3) memory


def max_rss_kib(code: str, args: list[str]) -> int:
    """The maximum RSS, KiB, of a fresh Python running ``code`` with ``args``.

    ``/usr/bin/time -v``'s figure where it is installed, else ``os.wait4``'s ``ru_maxrss``
    (the same number: GNU time reads it there).
    """
    cmd = [sys.executable, "-c", code, *args]
    env = {**os.environ, **ENV}
    if TIME.is_file():
        proc = subprocess.run([str(TIME), "-v", *cmd], capture_output=True, text=True, env=env)
        found = _MAX_RSS.search(proc.stderr)
        if proc.returncode != 0 or not found:
            raise RuntimeError(f"{' '.join(cmd[:3])} failed:\n{proc.stderr[-3000:]}")
        return int(found.group(1))
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd[:3])} failed")
    return usage.ru_maxrss


def probe(path: Path) -> dict[str, Any]:
    """One analysis of ``path`` in a fresh Python: its sentences and the modules it imports."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE_CODE, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"the probe of {path.name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def memory(path: Path, title: str, runs: int) -> dict[str, Any]:
    """Maximum RSS of analyze (automatic workers and ``workers=1``) and of the baseline."""
    say(f"(3) memory: {title}, {runs} runs of each")
    found = probe(path)
    modules = json.dumps(found["modules"])
    kinds: dict[str, Callable[[], int]] = {
        "baseline": partial(max_rss_kib, BASELINE_CODE, [str(path), modules]),
        "analyze": partial(max_rss_kib, ANALYZE_CODE, [str(path), "auto"]),
        "analyze_workers1": partial(max_rss_kib, ANALYZE_CODE, [str(path), "1"]),
    }
    kib: dict[str, list[int]] = {name: [] for name in kinds}
    for i in range(runs):
        for name in kinds if i % 2 == 0 else list(kinds)[::-1]:
            kib[name].append(kinds[name]())
    mib = {name: series([k / 1024 for k in v]) for name, v in kib.items()}
    mb = path.stat().st_size / TEXT_MB
    base = mib["baseline"]["median"]
    extra = mib["analyze"]["median"] - base
    extra1 = mib["analyze_workers1"]["median"] - base
    return {
        "text": path.name,
        "title": title,
        "bytes": path.stat().st_size,
        "sentences": found["sentences"],
        "runs": runs,
        "max_rss_mib": mib,
        "extra_mib": extra,
        "per_mb": extra / mb,
        "extra_workers1_mib": extra1,
        "per_mb_workers1": extra1 / mb,
        "method": "/usr/bin/time -v" if TIME.is_file() else "os.wait4 ru_maxrss",
        "goal": f"<= {MEMORY_GOAL:g}",
        "pass": extra / mb <= MEMORY_GOAL,
    }


# --------------------------------------------------------------------------- report


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    """Every figure of the report, as a JSON-ready dict."""
    if args.novel:
        for p in args.novel:
            if not p.is_file():
                raise SystemExit(f"bench_arch.py: error: no such file: {p}")
        novels = [(p.resolve(), p.name) for p in args.novel]
    else:
        rows = manifest(args.corpus)
        present = [r for r in rows if (args.corpus / r["file"]).is_file()]
        if not present:
            raise SystemExit(f"bench_arch.py: error: no texts of MANIFEST.tsv in {args.corpus}")
        largest = max(present, key=lambda r: int(r.get("bytes") or 0))
        path = args.corpus / largest["file"]
        novels = [(path, title_of(path, rows))]
    report: dict[str, Any] = {"environment": environment(args.corpus), "quick": args.quick}
    report["environment"]["arc"] = " ".join(arc_command())
    started = time.perf_counter()
    report["speed"] = speed(args.book, args.rounds, args.startup_variants)
    report["memory"] = [memory(path, title, args.memory_runs) for path, title in novels]
    report["environment"]["load_average_end"] = os.getloadavg()
    report["seconds_total"] = time.perf_counter() - started
    return report


def _x(r: dict[str, float]) -> str:
    return f"{r['wall']:.2f}x (CPU {r['cpu']:.2f}x)"


def _s(times: dict[str, Any], name: str) -> str:
    return f"{times[name]['wall']['median']:.2f} s"


def goals_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(goal, measured, target, PASS/FAIL) for each goal."""
    ok = {True: "PASS", False: "FAIL"}
    s, t = r["speed"], r["speed"]["seconds"]
    plot, score = _s(t, "book_plot"), _s(t, "book_score")
    rows = [
        (
            f"arc plot {s['book']} / (score --unit sentence + floor)",
            f"{_x(s['book_ratio'])}: {plot} / ({score} + {_s(t, 'floor')})",
            f"<= {BOOK_GOAL}x",
            ok[s["book_pass"]],
        )
    ]
    for key, how in (
        ("vignette", "the installed arc as found"),
        ("vignette_compiled", "arc's byte code compiled"),
        ("vignette_source", "arc compiled at every start"),
    ):
        measured = f"{_x(s[f'{key}_ratio'])}: {_s(t, key)} / {_s(t, 'floor')}"
        rows.append(
            (
                f"arc plot (vignette) / floor, {how}",
                measured,
                f"<= {PLOT_GOAL}x",
                ok[s[f"{key}_pass"]],
            )
        )
    for m in r["memory"]:
        mib = m["max_rss_mib"]
        measured = (
            f"{m['per_mb']:.1f} MiB/MB: ({mib['analyze']['median']:.1f} - "
            f"{mib['baseline']['median']:.1f} MiB) / {m['bytes'] / TEXT_MB:.2f} MB"
        )
        goal = f"analyze(sentence) peak RSS per MB, {m['title']}"
        rows.append((goal, measured, f"<= {MEMORY_GOAL:g} MiB/MB", ok[m["pass"]]))
    return rows


def table(r: dict[str, Any]) -> str:
    """The report: environment, the goals, then the details."""
    s = r["speed"]
    arc = f"arc: {r['environment']['arc']}; {s['bytecode']}"
    lines = header(r, "bench_arch.py: issue #18, one analysis computed once", arc)
    lines += _aligned(("goal", "measured (medians)", "target", "result"), goals_rows(r))
    lines.append(
        "judged on wall-clock medians of interleaved runs; a ratio is the ratio of the medians, "
        "CPU: the same with each process's user + system seconds"
    )
    lines += ["", f"(1, 2) fresh processes, {s['rounds']} interleaved rounds, seconds"]
    labels = {
        "floor": "floor: import pandas, matplotlib; savefig (Agg)",
        "vignette": f"{s['arc']} plot (vignette), the installed arc as found",
        "vignette_compiled": f"{s['arc']} plot (vignette), a copy of arc compiled",
        "vignette_source": f"{s['arc']} plot (vignette), a copy never compiled",
        "book_score": f"{s['arc']} score {s['book']} --unit sentence",
        "book_plot": f"{s['arc']} plot {s['book']}",
        "book_plot_bare": f"{s['arc']} plot {s['book']} --no-band --no-null",
        "floor_frozen": "floor, gc.freeze() before it exits",
        "vignette_module": "python -m arc plot (vignette), compiled copy",
        "vignette_unfrozen": "arc.cli.main plot (vignette), compiled copy, no gc.freeze()",
        "vignette_no_backend": f"{s['arc']} plot (vignette), compiled copy, MPLBACKEND unset",
        "floor_no_pyarrow": "floor, pyarrow hidden",
        "vignette_no_pyarrow": f"{s['arc']} plot (vignette), compiled copy, pyarrow hidden",
    }
    body = []
    for name, x in s["seconds"].items():
        w, c = x["wall"], x["cpu"]
        body.append(
            (
                labels.get(name, name),
                f"{w['median']:.3f}",
                f"{w['min']:.3f}",
                f"{w['max']:.3f}",
                f"{c['median']:.3f}",
            )
        )
    lines += _aligned(("run", "wall median", "min", "max", "CPU median"), body)
    lines.append(
        f"for information: plot / score {_x(s['plot_over_score'])}; "
        f"plot --no-band --no-null / (score + floor) {_x(s['book_bare_ratio'])}"
    )
    if "variants" in s:
        lines += ["", "(2) what moves the vignette's ratio (--startup-variants)"]
        lines += _aligned(
            ("comparison", "wall", "CPU"),
            [(k, f"{v['wall']:.2f}x", f"{v['cpu']:.2f}x") for k, v in s["variants"].items()],
        )
    lines += ["", "(3) maximum RSS of fresh Pythons, MiB (medians)"]
    body = []
    for m in r["memory"]:
        mib = m["max_rss_mib"]
        body.append(
            (
                m["title"],
                f"{m['bytes'] / TEXT_MB:.2f}",
                f"{m['sentences']:,}",
                f"{mib['baseline']['median']:.1f}",
                f"{mib['analyze']['median']:.1f}",
                f"{m['extra_mib']:.1f} ({m['per_mb']:.1f}/MB)",
                f"{mib['analyze_workers1']['median']:.1f}",
                f"{m['extra_workers1_mib']:.1f} ({m['per_mb_workers1']:.1f}/MB)",
            )
        )
    lines += _aligned(
        (
            "text",
            "MB",
            "sentences",
            "baseline",
            "analyze",
            "extra",
            "analyze workers=1",
            "extra",
        ),
        body,
    )
    lines.append(
        f"{r['memory'][0]['method']}, {r['memory'][0]['runs']} interleaved runs of each; "
        "baseline: import arc, analyze a one-line text, import what analysing the book "
        "imports, read and decode the book (arc.read_text); MB = 10^6 bytes of the file"
    )
    noisy = [labels.get(n, n) for n, x in s["seconds"].items() if x["wall"]["noisy"]]
    if noisy:
        lines += [
            "",
            f"NOTE: noisy series (slowest / fastest > {NOISY}): {'; '.join(noisy)}; the machine "
            "was busy: read the wall-clock ratios with care, the CPU ratios move less.",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run every measurement and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus(parser)
    parser.add_argument(
        "--book",
        default="frankenstein",
        metavar="NAME|PATH",
        help="the book of (1): an example's name or a file (default: frankenstein)",
    )
    parser.add_argument(
        "--novel",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="a text for (3), repeatable (default: the corpus's largest, War and Peace)",
    )
    parser.add_argument(
        "--rounds", type=int, default=None, metavar="N", help="(1, 2) rounds (default 9)"
    )
    parser.add_argument(
        "--memory-runs",
        type=int,
        default=None,
        metavar="N",
        help="(3) runs of each (default 3)",
    )
    parser.add_argument(
        "--startup-variants",
        action="store_true",
        help="(2) also time what moves the vignette's ratio (about a minute more)",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: 3 rounds, 1 memory run")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    for name, default, smoke in (("rounds", 9, 3), ("memory_runs", 3, 1)):
        if getattr(args, name) is None:
            setattr(args, name, smoke if args.quick else default)
    if min(args.rounds, args.memory_runs) < 1:
        parser.error("--rounds and --memory-runs must be at least 1")
    report = benchmark(args)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
