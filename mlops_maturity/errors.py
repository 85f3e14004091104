"""The user-facing error family: every mistake a user can make is one of these."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we can."""

    file: str
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class MaturityError(Exception):
    """A mistake in the user's input or invocation; shown without a traceback, exit code 1."""


class InputFileError(MaturityError):
    """One or more problems in a file the user gave us, all reported at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class QuestionnaireError(InputFileError):
    """A questionnaire file is not valid."""


class AnswersError(InputFileError):
    """An answer file is not valid for its questionnaire."""


class OutputExistsError(MaturityError):
    """Refusing to overwrite a file the user already has."""
