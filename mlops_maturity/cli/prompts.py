"""The terminal's prompts: a list to pick or tick from, a line to type; erased once answered."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.application import Application
from prompt_toolkit.application.current import AppSession, get_app_session
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import FormattedTextControl, HSplit, Layout, Window
from prompt_toolkit.renderer import print_formatted_text as print_fragments
from prompt_toolkit.styles import Style

from mlops_maturity.cli.layout import DESCRIPTION, Item

STYLE = Style(
    [
        ("qmark", "fg:#5f819d"),
        ("question", "bold"),
        ("progress", "fg:ansicyan bold"),
        ("help", "italic"),
        ("note", "fg:ansiyellow"),
        ("problem", "fg:ansired"),
        ("hint", "fg:ansibrightblack"),
        ("separator", "fg:ansibrightblack"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "bold"),
        ("bold", "bold"),
    ]
)
# NOTE: the prompts look like questionary's but are built once per session on prompt_toolkit
# and run again for every question: building one questionary prompt takes about 55 ms (three
# prompt_toolkit applications, each loading every default key binding), more than the whole
# 50 ms allowed between an answer and the next question. Every prompt is erased once answered;
# the caller prints what stays on screen, laid out to the width.
PICK_HINT = "(Use arrow keys)"
TICK_HINT = "(Space ticks, Enter confirms)"


def width() -> int:
    """The prompts' terminal width now (read again for every question: terminals get resized)."""
    return get_app_session().output.get_size().columns


def say(lines: Sequence[str] | str, style: str = "") -> None:
    """Print lines to the person answering, on the prompts' terminal."""
    text = lines if isinstance(lines, str) else "\n".join(lines)
    output = get_app_session().output
    # NOTE: prompt_toolkit's own print_formatted_text merges its default styles anew on every
    # call (3.5 ms a line, measured); printing with our few styles takes 0.2 ms.
    fragments = FormattedText([(f"class:{style}" if style else "", f"{text}\n")])
    print_fragments(output, fragments, STYLE, color_depth=output.get_default_color_depth())
    output.flush()


@dataclass
class _List:
    """What the list prompt shows now; the one application reads it on every redraw."""

    message: str = ""
    instruction: str = ""
    items: Sequence[Item] = ()
    pointer: int = 0
    ticked: list[str] | None = None  # None: pick one item; a list: tick any
    keys: dict[str, str] = field(default_factory=dict)  # a key that answers at once

    def tokens(self) -> StyleAndTextTuples:
        out: StyleAndTextTuples = [("class:qmark", "?"), ("class:question", f" {self.message} ")]
        out += [("class:instruction", self.instruction), ("", "\n")]
        for index, item in enumerate(self.items):
            out += self._item(index, item)
        current = self.items[self.pointer] if self.items else None
        if current is not None and current.description:
            out.append(("", f"{DESCRIPTION}{current.description}\n"))
        out[-1] = (out[-1][0], out[-1][1].removesuffix("\n"))
        return out

    def _item(self, index: int, item: Item) -> StyleAndTextTuples:
        if item.separator:
            return [("class:separator", f"   {item.title}\n")]
        here = index == self.pointer
        out: StyleAndTextTuples = (
            [("class:pointer", " » "), ("[SetCursorPosition]", "")] if here else [("", "   ")]
        )
        if self.ticked is not None:
            out.append(("", "● " if item.value in self.ticked else "○ "))
        out.append(("class:highlighted" if here else "", f"{item.title}\n"))
        return out

    def move(self, step: int) -> None:
        for _ in range(len(self.items)):
            self.pointer = (self.pointer + step) % len(self.items)
            if not self.items[self.pointer].separator:
                return


@dataclass
class _Prompts:
    """The list application with the state it shows, and the line prompt, of one session."""

    lists: Application[Any]
    state: _List
    line: PromptSession[str]


def _list_application(state: _List) -> Application[Any]:
    control = FormattedTextControl(state.tokens, focusable=True, show_cursor=False)
    return Application(
        layout=Layout(HSplit([Window(control, dont_extend_height=True)])),
        key_bindings=_list_keys(state),
        style=STYLE,
        erase_when_done=True,
    )


def _list_keys(state: _List) -> KeyBindings:
    """Arrows (and j, k) move, Space ticks, Enter answers, Ctrl-C stops."""
    bindings = KeyBindings()
    bindings.add(Keys.Up)(lambda event: state.move(-1))
    bindings.add(Keys.Down)(lambda event: state.move(1))
    bindings.add("k")(lambda event: state.move(-1))
    bindings.add("j")(lambda event: state.move(1))

    @bindings.add(Keys.ControlC)
    @bindings.add(Keys.SIGINT)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt)

    @bindings.add(" ")
    def _tick(event: KeyPressEvent) -> None:
        value = state.items[state.pointer].value
        if state.ticked is not None and value in state.ticked:
            state.ticked.remove(value)
        elif state.ticked is not None:
            state.ticked.append(value)

    # NOTE: Enter typed ahead, before the prompt puts the terminal in raw mode, arrives as ^J.
    @bindings.add(Keys.Enter)
    @bindings.add(Keys.ControlJ)
    def _done(event: KeyPressEvent) -> None:
        if state.ticked is None:
            event.app.exit(result=state.items[state.pointer].value)
        else:
            ticked = state.ticked
            event.app.exit(result=[i.value for i in state.items if i.value in ticked])

    @bindings.add(Keys.Any)
    def _key(event: KeyPressEvent) -> None:
        if event.data in state.keys:
            event.app.exit(result=state.keys[event.data])

    return bindings


# NOTE: one set per prompt_toolkit session (a test opens several, each with its own input and
# output, and an application keeps the input and output it was built with).
_PROMPTS: weakref.WeakKeyDictionary[AppSession, _Prompts] = weakref.WeakKeyDictionary()


def _prompts() -> _Prompts:
    session = get_app_session()
    if session not in _PROMPTS:
        state = _List()
        line: PromptSession[str] = PromptSession(erase_when_done=True, style=STYLE)
        _PROMPTS[session] = _Prompts(_list_application(state), state, line)
    return _PROMPTS[session]


def _run_list(message: str, items: Sequence[Item], default: str | None, **how: Any) -> Any:
    prompts = _prompts()
    state = prompts.state
    values = [None if item.separator else item.value for item in items]
    first = next(i for i, item in enumerate(items) if not item.separator)
    state.message, state.items = message, items
    state.pointer = values.index(default) if default is not None and default in values else first
    state.instruction = how.get("instruction", PICK_HINT)
    state.ticked, state.keys = how.get("ticked"), how.get("keys", {})
    return prompts.lists.run()


def pick(
    message: str,
    items: Sequence[Item],
    default: str | None = None,
    keys: dict[str, str] | None = None,
) -> str:
    """One item of a list (``keys`` answer at once, like y or n)."""
    value: str = _run_list(message, items, default, keys=keys or {})
    return value


def tick(message: str, items: Sequence[Item], checked: Sequence[str] = ()) -> list[str]:
    """Any number of items of a list, those in ``checked`` ticked to begin with."""
    values: list[str] = _run_list(message, items, None, ticked=list(checked), instruction=TICK_HINT)
    return values


def typed(message: str, default: str = "") -> str:
    """A line of text (Enter confirms; the caller checks it and asks again when it is wrong)."""
    tokens = FormattedText([("class:qmark", "?"), ("class:question", f" {message} ")])
    text: str = _prompts().line.prompt(tokens, default=default)
    return text
