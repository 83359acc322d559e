"""Nothing lost, nothing endless: input bounds, outputs that keep what they were, signals, stdio."""

import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from arc.cli import MAX_SIZE_MB, main
from arc.text.io import atomic_write, vignette_text

ARC = [sys.executable, "-m", "arc"]


def run(*args, **kwargs):
    env = {**os.environ, "MPLBACKEND": "Agg"}
    return subprocess.run([*ARC, *args], capture_output=True, env=env, check=False, **kwargs)


def one_line(result, status, *needles):
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line and not line.startswith(("usage:", " "))]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(vignette_text(), encoding="utf-8")
    return path


# ------------------------------------------------------------------------ endless input


def test_a_device_is_refused(tmp_path):
    one_line(run("score", "/dev/zero", cwd=tmp_path), 2, "not a regular file or a pipe")
    assert list(tmp_path.iterdir()) == []


def test_endless_standard_input_is_bounded(tmp_path):
    zeros = subprocess.Popen(["cat", "/dev/zero"], stdout=subprocess.PIPE)
    result = run("score", "-", "--max-size", "1", stdin=zeros.stdout, cwd=tmp_path, timeout=60)
    zeros.kill()
    zeros.wait()
    one_line(result, 2, "over the 1 MB limit", "--max-size")


def test_a_file_over_the_limit_names_the_option_that_reads_it(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("She smiled. " * 200_000, encoding="utf-8")  # 2.4 MB
    line = one_line(run("score", str(big), "--max-size", "2"), 2, "over the 2 MB limit")
    assert "--max-size 3" in line
    assert run("score", str(big), "--max-size", "3", "--unit", "bins").returncode == 0


def test_the_default_limit_is_far_above_a_novel():
    assert MAX_SIZE_MB * 1_000_000 > 10 * 3_226_653  # ten times War and Peace


# ------------------------------------------------------------------------- the output


@pytest.mark.parametrize("spelling", ["same", "dot", "absolute", "link"])
def test_the_input_is_never_overwritten(tmp_path, story, spelling):
    source = tmp_path / "s.csv"
    source.write_bytes(story.read_bytes())
    out = {"same": "s.csv", "dot": "./s.csv", "absolute": str(source), "link": "l.csv"}[spelling]
    if spelling == "link":
        (tmp_path / "l.csv").symlink_to(source)
    result = run("score", "s.csv", "-o", out, cwd=tmp_path)
    one_line(result, 1, "it is the input")
    assert source.read_bytes() == story.read_bytes()


@pytest.mark.parametrize("mode", [0o600, 0o444, 0o640])
def test_an_existing_output_keeps_its_mode(tmp_path, mode):
    out = tmp_path / "v.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(mode)
    assert main(["score", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert out.read_text(encoding="utf-8").startswith("index,")


def test_a_new_output_gets_the_umask_mode(tmp_path):
    out = tmp_path / "v.csv"
    assert main(["score", "-o", str(out)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_an_output_link_is_written_through(tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert main(["score", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("index,")


@pytest.mark.parametrize(
    ("output", "needle"),
    [("missing/x.png", "does not exist"), ("x.xyz", "unknown format")],
)
def test_the_output_is_checked_before_the_work(tmp_path, output, needle, monkeypatch):
    import arc.cli.commands

    def no_work(*args, **kwargs):
        raise AssertionError("the text was read before the output was checked")

    monkeypatch.setattr(arc.cli.commands, "load_input", no_work)
    monkeypatch.chdir(tmp_path)
    assert main(["plot", "-o", output]) == 1


def test_a_read_only_folder_is_reported_before_the_work(tmp_path):
    if os.geteuid() == 0:
        # root writes anywhere; a folder on a read-only path still shows the check
        one_line(run("score", "-o", "/proc/x.csv"), 1, "cannot write")
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    one_line(run("score", "-o", str(folder / "x.csv")), 1, "not writable")


# ---------------------------------------------------------------------------- signals

_SIGNAL_DURING_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    import arc.text.io
    from arc.cli import main

    real_replace = arc.text.io.os.replace

    def replace(src, dst):
        os.kill(os.getpid(), signal.{name})
        return real_replace(src, dst)

    arc.text.io.os.replace = replace
    sys.exit(main(["score", "--unit", "sentence", "-o", sys.argv[1]]))
    """
)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_the_write_leaves_nothing(tmp_path, name):
    out = tmp_path / "v.json"
    result = subprocess.run(
        [sys.executable, "-c", _SIGNAL_DURING_WRITE.format(name=name), str(out)],
        capture_output=True,
        check=False,
    )
    signum = getattr(signal, name)
    one_line(result, 128 + signum, f"stopped by {name}")
    assert list(tmp_path.iterdir()) == []


_SIGNAL_AFTER_THE_RENAME = _SIGNAL_DURING_WRITE.replace(
    "    os.kill(os.getpid(), signal.{name})\n    return real_replace(src, dst)",
    "    real_replace(src, dst)\n    os.kill(os.getpid(), signal.{name})",
)
assert _SIGNAL_AFTER_THE_RENAME != _SIGNAL_DURING_WRITE


def test_a_signal_after_the_rename_says_the_file_is_written(tmp_path):
    out = tmp_path / "v.json"
    result = subprocess.run(
        [sys.executable, "-c", _SIGNAL_AFTER_THE_RENAME.format(name="SIGTERM"), str(out)],
        capture_output=True,
        check=False,
    )
    one_line(result, 128 + signal.SIGTERM, f"stopped by SIGTERM after writing {out}")
    assert out.read_bytes().rstrip().endswith(b"]")
    assert list(tmp_path.iterdir()) == [out]


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_a_signal_soon_after_the_start_is_never_lost(tmp_path, name):
    """Sent at 15 moments in the first 0.3 s of a command that takes longer: never status 0.

    A signal landing in a ``__del__`` was dropped by Python ("Exception ignored") and the
    command ran on to status 0; now its record decides the status.
    """
    from tests.books import FRANKENSTEIN

    signum = getattr(signal, name)
    env = {**os.environ, "MPLBACKEND": "Agg"}
    for i in range(15):
        delay = 0.02 + 0.02 * i
        (tmp_path / "f.png").unlink(missing_ok=True)
        proc = subprocess.Popen(
            [*ARC, "plot", str(FRANKENSTEIN), "-o", "f.png"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        time.sleep(delay)
        start = time.monotonic()
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
        text = err.decode()
        assert proc.returncode != 0, (delay, text)
        if "Could not import runpy" in text or "Fatal Python error" in text:  # Python starting
            continue
        assert proc.returncode in (128 + signum, -signum), (delay, proc.returncode, text)
        assert "Exception ignored" not in text, text
        if "after writing" in text:  # it had finished: the file is whole
            assert (tmp_path / "f.png").stat().st_size > 0
        else:
            assert not (tmp_path / "f.png").exists(), text
        assert time.monotonic() - start < 30


def test_atomic_write_removes_its_temporary_file_on_any_exception(tmp_path):
    with pytest.raises(KeyboardInterrupt), atomic_write(tmp_path / "x.csv") as handle:
        handle.write(b"partial")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_sigterm_while_scoring_a_book_leaves_nothing(tmp_path):
    from tests.books import FRANKENSTEIN

    book = tmp_path / "book.txt"  # a long book: still scoring when the signal comes
    book.write_bytes(FRANKENSTEIN.read_bytes() * 8)
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "MPLBACKEND": "Agg"}
    proc = subprocess.Popen(
        [*ARC, "score", str(book), "--unit", "sentence", "-o", "f.json"],
        cwd=out,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err
    assert not [p for p in out.iterdir() if p.name.startswith(".arc-")]
    written = out / "f.json"
    if proc.returncode != 0:
        # 143: arc's handler ran; -15: the signal came while Python was still starting
        # (before arc had loaded), so the default action ended it, equally without a file.
        assert proc.returncode in (128 + signal.SIGTERM, -signal.SIGTERM)
        if written.exists():  # the signal came after the file was complete: a whole file
            assert written.read_bytes().rstrip().endswith(b"]")
    else:  # it finished first on a fast machine
        assert written.read_bytes().rstrip().endswith(b"]")


# ------------------------------------------------------------------- standard streams


@pytest.fixture
def full_device(tmp_path):
    """A device that is always full: /dev/full, or one made like it where that is not it."""
    dev = Path("/dev/full")
    try:
        st = dev.stat()
        if stat.S_ISCHR(st.st_mode) and (os.major(st.st_rdev), os.minor(st.st_rdev)) == (1, 7):
            return dev
    except OSError:
        pass
    made = tmp_path / "full"
    try:
        os.mknod(made, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        os.close(os.open(made, os.O_WRONLY))
    except (OSError, AttributeError) as exc:
        pytest.skip(f"no full device here: /dev/full is not one and one cannot be made ({exc})")
    return made


@pytest.mark.parametrize(
    "args",
    [
        ["score"],
        ["turns"],
        ["plot", "-o", "v.png"],
        ["explain"],
        ["shape"],
        ["validate"],
        ["--help"],
        ["--version"],
        ["plot", "--help"],
    ],
    ids=" ".join,
)
def test_a_full_standard_output(tmp_path, full_device, args):
    """Every command, its help and its version say that a full stdout lost their output."""
    with open(full_device, "wb") as full:
        result = subprocess.run(
            [*ARC, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            env={**os.environ, "MPLBACKEND": "Agg"},
            check=False,
        )
    one_line(result, 1, "cannot write to standard output", "No space left")


def test_a_closed_standard_input():
    code = "import sys; sys.stdin.close(); from arc.cli import main; sys.exit(main(['score', '-']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    one_line(result, 2, "standard input is closed")


@pytest.mark.parametrize("command", ["score", "plot"])
def test_a_closed_standard_output(tmp_path, command):
    result = subprocess.run(
        [*ARC, command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        check=False,
        pass_fds=(),
        preexec_fn=lambda: os.close(1),
    )
    one_line(result, 1, "standard output is closed")
    assert not list(Path(tmp_path).rglob("*.png"))


def test_a_tiny_dpi_is_a_usage_error(tmp_path):
    one_line(run("plot", "--dpi", "3", "-o", "x.png", cwd=tmp_path), 2, "--dpi", "between 20")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("delay", [0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4])
def test_ctrl_c_at_any_moment_is_one_line(tmp_path, delay):
    from tests.books import FRANKENSTEIN

    env = {**os.environ, "MPLBACKEND": "Agg"}
    proc = subprocess.Popen(
        [*ARC, "plot", str(FRANKENSTEIN), "-o", "f.png"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    text = err.decode()
    if proc.returncode == 0:  # finished before the signal
        return
    if "Traceback" in text:
        # Only Python's own start-up may report it: the interrupt landed before arc's first
        # line ran (a busy machine can take longer than the delay to get there), so no frame
        # of the traceback is one of arc's files (the README says so).
        # The one frame of arc's it may hold is __main__.py's own module level, importing
        # the signal module its handler needs: no handler can be in place before that.
        import arc

        package = Path(arc.__file__).resolve().parent
        frames = re.findall(r'File "([^"]+)", line \d+, in (\S+)', text)
        ours = [
            (Path(f).name, where)
            for f, where in frames
            if Path(f).resolve().is_relative_to(package)
        ]
        assert frames and set(ours) <= {("__main__.py", "<module>")}, text
        return
    assert proc.returncode in (130, -signal.SIGINT)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".arc-")]


# ------------------------------------------------------------------------ examples


@pytest.mark.parametrize("name", ["frankenstein", "alice", "northanger"])
def test_every_example_ships_and_is_read_by_name(name):
    import arc

    path = arc.example_path(name)
    assert path.is_file() and path.stat().st_size > 100_000
    assert name in arc.EXAMPLES


def test_an_example_is_a_path_for_the_command(tmp_path):
    import arc

    a = run("score", "--example", "alice", "--bins", "10").stdout
    b = run("score", str(arc.example_path("alice")), "--bins", "10").stdout
    assert a == b and a.count(b"\n") == 11


def test_an_example_and_a_path_together_are_refused(tmp_path, story):
    one_line(run("score", str(story), "--example", "alice"), 2, "not both")


def test_compare_needs_a_text():
    one_line(run("compare"), 2, "at least one PATH")


# --------------------------------------------------------------- options that conflict


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (
            ["plot", "--example", "frankenstein", "--smooth", "savgol", "--span", "0.001"],
            "use at least 0.01",
        ),
        (["plot", "--smooth", "rolling", "--span", "0.2"], "use at least 0.3"),
        (["plot", "--smooth", "dct", "--span", "0.3"], "dct has none"),
        (["compare", "--example", "alice", "--smooth", "dct", "--span", "0.3"], "dct has none"),
        (["score", "--window", "500", "--bins", "10"], "takes no bins"),
        (["plot", "--unit", "paragraph", "--bins", "10"], "takes no bins"),
        (["score", "--unit", "sentence", "--window", "100"], "takes no window"),
    ],
)
def test_an_option_that_cannot_apply_is_refused(tmp_path, args, needle):
    one_line(run(*args, "-o", "x.png" if args[0] != "score" else "x.csv", cwd=tmp_path), 2, needle)
    assert list(tmp_path.iterdir()) == []
