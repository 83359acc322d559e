"""``python -m arc`` and the ``arc`` command's entry point.

The entry point imports the command inside a ``try``, so a Ctrl-C that arrives while Python
is still importing arc ends in one line, like one that arrives later.
"""

import sys


def run() -> int:
    """Import and run the ``arc`` command; Ctrl-C during the import is one line too."""
    try:
        from arc.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("arc: interrupted\n")
        return 130
    except RuntimeError as exc:  # Ctrl-C while a class was being made is wrapped in this
        if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
            sys.stderr.write("arc: interrupted\n")
            return 130
        raise
    return main()


if __name__ == "__main__":
    sys.exit(run())
