"""``python -m arc`` and the ``arc`` command's entry point.

The entry point imports the command inside a ``try``, so a Ctrl-C that arrives while Python
is still importing arc ends in one line, like one that arrives later.

Once the command has returned (its files written and closed), the objects still alive are
frozen (:func:`gc.freeze`) before Python exits: the interpreter's last garbage collections
then skip them and the operating system takes back their memory at once, instead of Python
collecting and freeing the whole heap of pandas, matplotlib and the analysis object by
object. That tear-down took about 0.2 s of a 1.2 s ``arc plot``.
"""

import signal
import sys

#: Ctrl-Cs received while arc was being imported (an exception raised in a ``__del__`` is
#: dropped by Python, so the record decides).
_interrupts: list[int] = []


def _interrupt(signum: int, frame: object) -> None:
    _interrupts.append(signum)
    raise KeyboardInterrupt


def _unraisable(unraisable: "sys.UnraisableHookArgs") -> None:
    """Python's report of an exception it had to drop, except a signal's (arc records those)."""
    if isinstance(unraisable.exc_value, Exception) or unraisable.exc_value is None:
        sys.__unraisablehook__(unraisable)


def run() -> int:
    """Import and run the ``arc`` command; Ctrl-C during the import is one line too."""
    sys.unraisablehook = _unraisable  # a signal's exception dropped in a __del__: no report
    signal.signal(signal.SIGINT, _interrupt)
    try:
        from arc.cli import main
        from arc.cli.run import Terminated, stopped
    except KeyboardInterrupt:
        _interrupts.append(signal.SIGINT)
    except RuntimeError as exc:  # Ctrl-C while a class was being made is wrapped in this
        if not isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
            raise
        _interrupts.append(signal.SIGINT)
    if _interrupts:
        sys.stderr.write("arc: interrupted\n")
        return 130
    try:
        status = main()  # catches every signal from its first line on
        # Finished: a signal from here on waits, and is dropped when the process exits.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
    except KeyboardInterrupt:  # in an instant just before or after main's own handling
        return stopped(signal.SIGINT)
    except Terminated as exc:
        return stopped(exc.signum)
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
