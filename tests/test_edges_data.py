"""Nothing lost at the edges: outputs that are devices or pipes, books in one file, mixed bytes."""

import codecs
import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from arc.errors import DecodingError, OutputError
from arc.text.io import atomic_write, check_output, decode, vignette_text

ARC = [sys.executable, "-m", "arc"]


def run(*args, **kwargs):
    env = {**os.environ, "MPLBACKEND": "Agg"}
    return subprocess.run(
        [*ARC, *args], capture_output=True, env=env, check=False, timeout=120, **kwargs
    )


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


def null_device(path: Path, minor: int = 3) -> Path:
    """A private character device at ``path``: like /dev/null (minor 3) or /dev/full (7).

    Never the real /dev: a write that renames over a device would destroy the system's own.
    """
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD); the FIFO tests cover writing in place")
    return path


def read_fifo(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """A reader for the FIFO ``path`` in a thread, as ``cat path`` would be."""
    got: list[bytes] = []

    def reader() -> None:
        with open(path, "rb") as handle:
            got.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread, got


# --------------------------------------------------------------- devices and FIFOs as output


@pytest.mark.parametrize("command", ["score", "plot"])
def test_a_device_named_as_output_stays_a_device(tmp_path, story, command):
    out = null_device(tmp_path / ("dev.csv" if command == "score" else "dev.png"))
    result = run(command, str(story), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert stat.S_ISCHR(os.lstat(out).st_mode)  # written into, not renamed over
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, "story.txt"])


def test_a_link_to_a_device_keeps_link_and_device(tmp_path, story):
    device = null_device(tmp_path / "null")
    link = tmp_path / "out.csv"
    link.symlink_to(device)
    result = run("score", str(story), "-o", str(link), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_full_device_is_one_line_and_nothing_made(tmp_path, story):
    device = null_device(tmp_path / "full", minor=7)  # writes fail with ENOSPC, like /dev/full
    link = tmp_path / "full.csv"
    link.symlink_to(device)
    one_line(run("score", str(story), "-o", str(link), cwd=tmp_path), 1, "full.csv", "space")
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "full.csv", "story.txt"]


def test_a_fifo_named_as_output_is_written_into_like_cat(tmp_path, story):
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    thread, got = read_fifo(fifo)
    result = run("score", str(story), "-o", str(fifo), cwd=tmp_path)
    thread.join(timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert not thread.is_alive() and got[0].startswith(b"index,role,chapter,text")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "story.txt"]


def test_atomic_write_into_a_fifo_sends_only_finished_output(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RuntimeError), atomic_write(fifo) as handle:
        handle.write(b"half")
        raise RuntimeError("failed part-way")
    thread, got = read_fifo(fifo)  # the failed write never opened it: this reader is the first
    with atomic_write(fifo) as handle:
        handle.write(b"whole")
    thread.join(timeout=60)
    assert got == [b"whole"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert check_output(fifo) == fifo


def test_a_socket_is_refused_with_one_line(tmp_path, story):
    import socket

    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(OutputError, match="socket"):
            check_output(path)
        one_line(run("score", str(story), "-o", str(path), cwd=tmp_path), 1, "socket")
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


# ------------------------------------------------------------- half UTF-8, half cp1252; BOMs


def frankenstein_text() -> str:
    from arc import example_path

    return example_path("frankenstein").read_text(encoding="utf-8").removeprefix("\ufeff")


@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["no-bom", "bom"])
def test_utf8_then_cp1252_keeps_both_halves(bom):
    text = bom + frankenstein_text()
    data = text[:200_000].encode("utf-8") + text[200_000:].encode("cp1252")
    notes: list[str] = []
    got = decode(data, collect=notes)
    assert got == decode(text.encode("utf-8"))  # no mojibake, no U+FFFD, in either half
    assert "\u201a\u00c4" not in got and "\ufffd" not in got
    assert "\u2019" in got[:200_000] and "\u2019" in got[200_000:]
    first = len(text[:200_000].encode("utf-8"))
    assert len(notes) == 1 and "read as cp1252" in notes[0]
    assert re.search(
        r"\d[\d,]* bytes at byte offsets [\d,]+-[\d,]+ \(lines [\d,]+-[\d,]+\)", notes[0]
    )
    start = int(re.search(r"offsets ([\d,]+)", notes[0]).group(1).replace(",", ""))
    assert start >= first and data[start] >= 0x80


def test_a_few_bad_bytes_in_utf8_are_still_replaced():
    text = frankenstein_text()[:50_000]
    data = text.encode("utf-8") + b" caf\xe9.\n"
    notes: list[str] = []
    got = decode(data, collect=notes)
    assert got.endswith("caf\ufffd.\n") and "U+FFFD" in notes[0]


def test_cp1252_file_stays_cp1252():
    text = frankenstein_text()[:100_000]
    notes: list[str] = []
    assert decode(text.encode("cp1252"), collect=notes) == text and notes == []


def test_utf16_bom_before_utf8_text_is_read_as_utf8_with_a_warning():
    text = frankenstein_text()[:20_000]
    for tail in ("", "x"):  # an even and an odd number of bytes after the mark
        notes: list[str] = []
        got = decode(codecs.BOM_UTF16_LE + (text + tail).encode("utf-8"), collect=notes)
        assert got == text + tail
        assert len(notes) == 1 and "utf-16 byte-order mark" in notes[0], notes
        assert "read as UTF-8" in notes[0]


def test_real_utf16_with_bom_still_reads_silently():
    text = frankenstein_text()[:20_000]
    notes: list[str] = []
    assert decode(text.encode("utf-16"), collect=notes) == text and notes == []


def test_a_utf16_bom_before_neither_is_refused():
    with pytest.raises(DecodingError, match="utf-16 BOM but is not utf-16 text"):
        decode(codecs.BOM_UTF16_LE + bytes(range(0x80, 0x100)) * 8)


def test_cli_warns_once_for_mixed_bytes(tmp_path):
    text = frankenstein_text()
    path = tmp_path / "mixed.txt"
    path.write_bytes(text[:200_000].encode("utf-8") + text[200_000:].encode("cp1252"))
    result = run("score", str(path), "-o", str(tmp_path / "out.csv"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode().count("read as cp1252") == 1
    assert "\u201a\u00c4" not in (tmp_path / "out.csv").read_text(encoding="utf-8")


# ------------------------------------------------------------------- several books in one file


def test_a_second_gutenberg_book_is_not_dropped_silently(tmp_path):
    from arc import example_path
    from arc.text.gutenberg import find_boilerplate

    books = [example_path(name).read_text(encoding="utf-8") for name in ("frankenstein", "alice")]
    text = "\n".join(book.removeprefix("\ufeff") for book in books)
    bounds = find_boilerplate(text)
    assert bounds.warning is not None and "2 Project Gutenberg books" in bounds.warning
    path = tmp_path / "two.txt"
    path.write_text(text, encoding="utf-8")
    result = run("score", str(path), "-o", str(tmp_path / "out.csv"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "2 Project Gutenberg books" in result.stderr.decode()


def test_one_gutenberg_book_has_no_such_warning():
    from arc import example_path
    from arc.text.gutenberg import find_boilerplate

    text = example_path("alice").read_text(encoding="utf-8").removeprefix("\ufeff")
    assert find_boilerplate(text).warning is None
