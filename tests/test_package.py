"""The package's shape: its public names, light import, and types."""

import subprocess
import sys

import arc


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
    import pytest

    with pytest.raises(AttributeError):
        arc.no_such_thing  # noqa: B018
