"""When the cyclic garbage collector runs: paused while a brief is built and while the app starts.

Loading a brief and starting the app allocate many small containers and free few of them, so
the collector would only rescan them over and over (a third of the start-up time, measured);
nothing they build forms a cycle that needs collecting. Every pause of the collector lives here.
"""

from __future__ import annotations

import gc

_paused_for_start = False


class paused:  # lower case: used like a function, `with collector.paused():`
    """Pause the collector for the block, then restore it as it was (on every way out).

    A class rather than @contextmanager: resuming a generator on the way out allocates, which
    would start a collection while the block's objects are still referenced.
    """

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self._was_enabled:
            gc.enable()


def pause_for_start() -> None:
    """Turn the collector off until ``resume_after_start`` (the app's first paint)."""
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def resume_after_start() -> bool:
    """Turn the collector back on if ``pause_for_start`` turned it off; whether it did.

    What start-up built lives as long as the app, so it is frozen out of later collections.
    """
    global _paused_for_start
    if not _paused_for_start:
        return False
    _paused_for_start = False
    gc.freeze()
    gc.enable()
    return True
