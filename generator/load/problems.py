"""Problems are values: where, what, how bad. Reporting them is ``generator.load.report``'s job."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from pathlib import Path


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one data file.

    ``file`` is the path as the editor knows it (relative to the project root when possible),
    ``line`` and ``column`` are 1-based, ``field`` is the dotted path inside the document
    (``laporan[2].wajib_ktp``), ``message`` is plain Indonesian.
    """

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        label = "" if self.severity is Severity.ERROR else "peringatan: "
        where = f"{printable(self.file)}:{self.line}:{self.column}"
        field, message = printable(self.field), printable(self.message)
        return f"{where}: {field}: {label}{message}" if field else f"{where}: {label}{message}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def decodable(text: str) -> str:
    """Text that can be written as UTF-8: bytes of a file name that were not UTF-8 become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def printable(text: str) -> str:
    """One line of text that is safe for a terminal: control characters and undecodable bytes made visible."""
    return _CONTROL.sub(lambda m: repr(m.group(0))[1:-1], decodable(text))


@dataclass
class Problems:
    """Every problem found in a run, in the order of file, line and column."""

    items: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False)

    def add(self, problem: Problem) -> None:
        if problem not in self._seen:  # one mistake, one message
            self._seen.add(problem)
            self.items.append(problem)

    def extend(self, problems: "Problems | list[Problem]") -> None:
        for problem in problems:
            self.add(problem)

    def __iter__(self):
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.file, p.line, p.column, p.field, p.message))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        """True when the run must stop: any error, or with ``strict`` any warning."""
        return bool(self.errors) or (strict and bool(self.warnings))


class DataProblemsError(Exception):
    """Raised by the pipeline when the data has errors; carries them for a reporter."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(f"{len(problems.errors)} kesalahan data")


def display_path(path: Path, root: Path | None = None) -> str:
    """The path an editor sees: relative to ``root`` (or the working directory) with forward slashes."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return decodable(path.resolve().relative_to(Path(base).resolve()).as_posix())
        except ValueError:
            continue
    return decodable(path.as_posix())
