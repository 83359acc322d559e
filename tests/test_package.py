"""The package's shape: its public names, light import, types, licence and packaging."""

import email.parser
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

import arc

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PROJECT = PYPROJECT["project"]
MINIMUM = ROOT / "constraints" / "minimum.txt"
# What a source distribution must carry for its tests, notebooks, benchmarks and docs to work.
SDIST_MUST_HAVE = {
    "arc",
    "tests",
    "docs",
    "notebooks",
    "scripts",
    "benchmarks",
    "constraints",
    "README.md",
    "LICENSE",
    "Makefile",
    "pyproject.toml",
}
# Extras whose lower bounds CI tests (.ci/run installs `.[test]` on constraints/minimum.txt;
# `test` includes `parquet`'s pyarrow, the scorers and `page`'s Bokeh). `notebook`
# (JupyterLab) is for people, not for CI.
TESTED_EXTRAS = ("parquet", "afinn", "textblob", "nrc", "scorers", "page", "test")
# The dependencies whose private parts arc uses (arc/_compat.py): each has an upper bound too,
# below its next minor release, and `make test-newest` tests its newest release regardless.
PRIVATE_PARTS_USED = {"nltk", "vadersentiment"}


def test_all_is_the_public_api():
    assert len(arc.__all__) == len(set(arc.__all__))
    assert set(arc.__all__) == set(arc._EXPORTS) | {"__version__"}
    for name in arc.__all__:
        assert getattr(arc, name) is not None
    # The documented entry points are there.
    assert {"analyze", "plot_arc", "read_text", "split_paragraphs", "split_sentences"} <= set(
        arc.__all__
    )


def test_import_arc_is_light():
    code = (
        "import sys, arc\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'nltk') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_analyze_does_not_import_pyplot():
    code = "import sys, arc; arc.analyze(); print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_py_typed_ships():
    from importlib import resources

    assert resources.files("arc").joinpath("py.typed").is_file()


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        arc.no_such_thing  # noqa: B018


# --------------------------------------------------------------------------- packaging


def _build(hook: str, directory: Path) -> Path:
    """Run hatchling's PEP 517 ``hook`` on the project, offline; the path of what it built."""
    code = "import sys, hatchling.build as b; print(getattr(b, sys.argv[1])(sys.argv[2]))"
    out = subprocess.run(
        [sys.executable, "-c", code, hook, str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return directory / out.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def wheel_metadata(tmp_path_factory):
    wheel = _build("build_wheel", tmp_path_factory.mktemp("wheel"))
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        message = email.parser.Parser().parsestr(zf.read(meta).decode("utf-8"))
    return message, names


def test_license_is_mit():
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 arc developers" in text
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    # PEP 639: the SPDX expression replaces the licence classifiers.
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]


def test_wheel_metadata_declares_the_license(wheel_metadata):
    message, names = wheel_metadata
    assert Version(message["Metadata-Version"]) >= Version("2.4")
    assert message["License-Expression"] == "MIT"
    assert message.get_all("License-File") == ["LICENSE"]
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert message["Name"] == "arc-sentiment" and message["Version"] == arc.__version__


def test_classifiers():
    classifiers = set(PROJECT["classifiers"])
    versions = {
        c.rsplit(" ", 1)[-1]
        for c in classifiers
        if c.count("::") == 2 and c.startswith("Programming Language :: Python :: 3.")
    }
    assert versions == {"3.11", "3.12", "3.13"}
    assert PROJECT["requires-python"] == f">={min(versions, key=Version)}"
    assert {"Typing :: Typed", "Operating System :: OS Independent"} <= classifiers


def test_sdist_carries_the_project():
    include = set(PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"])
    assert SDIST_MUST_HAVE - {"pyproject.toml"} <= include
    for name in SDIST_MUST_HAVE:
        assert (ROOT / name).exists(), name


def test_built_sdist_carries_the_project(tmp_path):
    sdist = _build("build_sdist", tmp_path)
    with tarfile.open(sdist) as tar:
        top = {Path(m.name).parts[1] for m in tar.getmembers() if len(Path(m.name).parts) > 1}
    assert top >= SDIST_MUST_HAVE


def _requirements() -> dict[str, list[Requirement]]:
    """Every requirement of the project by where it is declared."""
    groups = {"dependencies": [Requirement(r) for r in PROJECT["dependencies"]]}
    for extra, reqs in PROJECT["optional-dependencies"].items():
        groups[extra] = [Requirement(r) for r in reqs]
    groups["build-system"] = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    return groups


@pytest.mark.parametrize("tool", ["ruff", "mypy"])
def test_the_linter_and_the_type_checker_are_pinned(tool):
    (req,) = [r for r in _requirements()["test"] if r.name == tool]
    (spec,) = req.specifier
    assert spec.operator == "=="


def _bounds(req: Requirement) -> tuple[Version, Version | None]:
    """``req``'s lower bound (or pin) and its upper bound, if it has one; nothing else."""
    lower = [s for s in req.specifier if s.operator in (">=", "==")]
    upper = [s for s in req.specifier if s.operator == "<"]
    assert len(lower) == 1 and len(upper) <= 1, req
    assert len(req.specifier) == len(lower) + len(upper), req
    return Version(lower[0].version), Version(upper[0].version) if upper else None


def _minimum_pins() -> dict[str, Version]:
    pins = {}
    for line in MINIMUM.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        # Plain `name==version` lines: no options, no index or URL, no markers.
        name, sep, version = line.partition("==")
        assert sep and name.strip() == name and version.strip() == version, line
        assert not line.startswith("-") and "://" not in line and ";" not in line, line
        key = canonicalize_name(name)
        assert key not in pins, f"{name} pinned twice"
        pins[key] = Version(version)
    return pins


def test_minimum_constraints_are_the_declared_lower_bounds():
    """constraints/minimum.txt pins every tested dependency at exactly its lower bound."""
    groups = _requirements()
    bounds: dict[str, Version] = {}
    for group in ("dependencies", *TESTED_EXTRAS, "build-system"):
        for req in groups[group]:
            assert req.marker is None, req
            lower, _ = _bounds(req)  # a lower bound (or the linter's pin), maybe an upper one
            key = canonicalize_name(req.name)
            assert bounds.setdefault(key, lower) == lower, (
                f"{req.name} has two different lower bounds"
            )
    assert _minimum_pins() == bounds


def test_upper_bounds_only_where_private_parts_are_used():
    upper = {}
    for reqs in _requirements().values():
        for req in reqs:
            lower, high = _bounds(req)
            if high is not None:
                assert high > lower, req
                # below a minor release: 3.11, not 3.11.1 (patch releases of the bounded one pass)
                assert len(high.release) == 2, req
                upper[canonicalize_name(req.name)] = high
    assert set(upper) == PRIVATE_PARTS_USED
