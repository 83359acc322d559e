"""``python -m arc`` and the ``arc`` command's entry point.

The entry point imports the command inside a ``try``, so a Ctrl-C that arrives while Python
is still importing arc ends in one line, like one that arrives later.

Once the command has returned (its files written and closed), the objects still alive are
frozen (:func:`gc.freeze`) before Python exits: the interpreter's last garbage collections
then skip them and the operating system takes back their memory at once, instead of Python
collecting and freeing the whole heap of pandas, matplotlib and the analysis object by
object. That tear-down took about 0.2 s of a 1.2 s ``arc plot``.
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
    status = main()
    _leave_heap_to_exit()
    return status


def _leave_heap_to_exit() -> None:
    """Freeze every live object, so that exiting does not collect and free them one by one.

    Only for a process about to exit: frozen objects are never collected. Objects that
    need an action at exit get it as before (``atexit`` handlers, ``weakref.finalize``, the
    flushing of standard output and error); only ``__del__`` methods of objects in reference
    cycles that are still alive at exit do not run, which Python never promises anyway.
    """
    import gc

    gc.freeze()


if __name__ == "__main__":
    sys.exit(run())
