"""The terminal of a session: prompts on it even when stdout is redirected, stop signals, repair."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from types import FrameType
from typing import Any

# NOTE: SIGTERM and SIGHUP stop a session the way Ctrl-C does (the answers saved, the resume line
# printed); a stop signal that arrives while a save is being written waits for the save.
SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
NAMES: dict[int, str] = {
    signal.SIGTERM: "SIGTERM",
    signal.SIGHUP: "SIGHUP",
    signal.SIGINT: "SIGINT",
}


class Stopped(Exception):
    """The session was told to stop by a signal (SIGTERM, or SIGHUP when the terminal closed)."""

    def __init__(self, signum: int) -> None:
        super().__init__(NAMES.get(signum, str(signum)))
        self.signum = signum


_state: dict[str, Any] = {"saving": False, "held": None, "received": None}


def _stop(signum: int, frame: FrameType | None) -> None:
    _state["received"] = signum
    if _state["saving"]:
        _state["held"] = signum
        return
    raise KeyboardInterrupt if signum == signal.SIGINT else Stopped(signum)


def received() -> int | None:
    """The stop signal that arrived during the session, if any."""
    value: int | None = _state["received"]
    return value


@contextmanager
def saving() -> Iterator[None]:
    """Hold back stop signals while a save is written; act on one as soon as the save is done."""
    _state["saving"] = True
    try:
        yield
    finally:
        _state["saving"] = False
    held, _state["held"] = _state["held"], None
    if held is not None:
        raise KeyboardInterrupt if held == signal.SIGINT else Stopped(held)


@contextmanager
def session_terminal() -> Iterator[None]:
    """Prompts on the terminal, stop signals caught, and the terminal as it was afterwards."""
    from prompt_toolkit.application.current import create_app_session, get_app_session

    # NOTE: an output already chosen for the session (a test's) is kept, as prompt_toolkit's
    # own create_app_session does; otherwise the prompts go to the terminal, not to stdout.
    chosen = get_app_session()._output is not None
    with ExitStack() as stack:
        output = None if chosen else _terminal_output(stack)
        stack.enter_context(create_app_session(output=output))
        previous = {signum: signal.signal(signum, _stop) for signum in SIGNALS}
        _state.update(saving=False, held=None, received=None, modes=_terminal_modes())
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            if _state["received"] is not None:
                repair()


def _terminal_output(stack: ExitStack) -> Any:
    """Where prompts go: stdout or stderr if either is the terminal, else the terminal itself."""
    from prompt_toolkit.output.defaults import create_output

    for stream in (sys.stdout, sys.stderr):
        if stream is not None and stream.isatty():
            return create_output(stdout=stream)
    try:
        tty = stack.enter_context(open("/dev/tty", "w", encoding="utf-8"))  # noqa: SIM115
    except OSError:
        return create_output(stdout=sys.stderr)
    return create_output(stdout=tty)


def _terminal_modes() -> list[Any] | None:
    """The terminal's modes now, to put back after a signal (None without a terminal)."""
    try:
        import termios

        return termios.tcgetattr(sys.stdin.fileno())
    except (ImportError, OSError, ValueError, AttributeError):
        return None


def repair() -> None:
    """Cooked mode and a visible cursor again, whatever state a stopped prompt left them in."""
    from prompt_toolkit.application.current import get_app_session

    modes = _state.get("modes")
    with suppress(Exception):
        output = get_app_session().output
        output.show_cursor()
        output.reset_attributes()
        output.flush()
    if modes is not None:
        with suppress(Exception):
            import termios

            termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, modes)
