"""Notes on questions not answered yet, kept as comments at the end of an answer file."""

from __future__ import annotations

import json
import re

# NOTE: an answer file's note needs a value (see load._shapes), yet a note typed during assess
# must survive an interruption before its question is answered. Such notes are written as YAML
# comments, which every reader ignores and assess --resume reads back.
HEADER = "# Notes on questions not answered yet (assess --resume keeps them):"
_LINE = re.compile(r'^#   ([A-Za-z0-9][A-Za-z0-9_.-]*): (".*")$')


def pending_block(notes: dict[str, str]) -> str:
    """The comment lines for ``notes`` (question id → note), or nothing when there are none."""
    if not notes:
        return ""
    # NOTE: JSON quoting keeps a note on one line whatever it holds (quotes, newlines, escapes).
    lines = [f"#   {qid}: {json.dumps(note, ensure_ascii=False)}" for qid, note in notes.items()]
    return "\n".join([HEADER, *lines]) + "\n"


def read_pending(text: str) -> dict[str, str]:
    """The notes that :func:`pending_block` wrote into an answer file's text."""
    notes: dict[str, str] = {}
    lines = text.splitlines()
    if HEADER not in lines:
        return notes
    for line in lines[lines.index(HEADER) + 1 :]:
        match = _LINE.match(line)
        if match is None:
            break
        try:
            note = json.loads(match.group(2))
        except ValueError:
            continue
        if isinstance(note, str) and note.strip():
            notes[match.group(1)] = note
    return notes
