"""Located problems: what is wrong, where (file:line:column), and in which field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Mark(NamedTuple):
    """A 1-based position in a file. A tuple, ordered by file, line and column: the reader
    makes one for every value it reads (300,000 at 10,000 events), and a tuple is made in a
    third of a frozen dataclass's time."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the data, located in its file and named by its field path."""

    mark: Mark
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.mark}: "
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (an annotation on the diff)."""
        text = f"{self.path}: {self.message}" if self.path else self.message
        # Workflow commands end at a newline; '%' must be escaped first.
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        file = self.mark.file.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={file},line={self.mark.line},col={self.mark.col}::{text}"


class DataError(Exception):
    """Raised with every problem found, so that a contributor sees all of them at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """All problems, one a line, with a count at the top."""
    count = len(problems)
    head = f"{count} problem{'s' if count != 1 else ''} in data:"
    return "\n".join([head, *(f"  {p}" for p in problems)])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    match = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""
