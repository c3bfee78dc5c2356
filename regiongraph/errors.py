"""Domain exceptions. The CLI turns each into one actionable line and an exit code.

Exit codes (documented in the README and `regiongraph --help`):
  0  success
  1  bad input data or a graph that fails SHACL validation (nothing is written)
  2  bad usage: unknown option, unreadable query, SPARQL syntax error
  3  a bug in regiongraph itself (`InternalError`): the message names what failed
"""

from __future__ import annotations

import traceback
from pathlib import Path


class RegiongraphError(Exception):
    """Base class: every error the library raises on purpose."""

    exit_code = 1


class DataError(RegiongraphError):
    """Bad input in a data file: names the file, the entry and, where known, the line."""

    def __init__(self, path: Path | str, message: str, entry: str | None = None,
                 line: int | None = None) -> None:
        self.path = Path(path)
        self.entry = entry
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self) -> tuple:
        # Extraction workers send a file's error back to the main process pickled, and
        # Exception's default pickling would call __init__ with the message alone.
        return type(self), (self.path, self.message, self.entry, self.line)

    def __str__(self) -> str:
        where = str(_shown(self.path))
        if self.line is not None:
            where += f":{self.line}"
        if self.entry:
            where += f": entry '{self.entry}'"
        return f"{where}: {self.message}"


def _shown(path: Path) -> Path:
    """A path relative to the working directory when it is inside it: shorter to read."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


class ValidationError(RegiongraphError):
    """The built graph does not conform to ontology/shapes.ttl; carries the readable report."""

    def __init__(self, report: str, violations: int) -> None:
        self.report = report
        self.violations = violations
        super().__init__(f"SHACL validation failed with {violations} violation(s):\n{report}")

    def __reduce__(self) -> tuple:
        return type(self), (self.report, self.violations)


class UsageError(RegiongraphError):
    """Bad request from the user: a query that does not parse, a file that does not exist."""

    exit_code = 2


class QuerySyntaxError(UsageError):
    """A SPARQL query that does not parse; the message carries line and column."""


class InternalError(RegiongraphError):
    """A bug in regiongraph, not in the input: an exception the code did not expect. The
    message names what failed (the article and, in the extractor, the rule and sentence), so
    that the user can report it and go on without that part (`build --no-extract`); `trace`
    is the traceback, shown with REGIONGRAPH_DEBUG set (it crosses from a worker process as
    text)."""

    exit_code = 3

    def __init__(self, message: str, trace: str = "") -> None:
        super().__init__(message)
        self.trace = trace

    def __reduce__(self) -> tuple:
        return type(self), (str(self), self.trace)

    @classmethod
    def caught(cls, where: str, exc: BaseException) -> InternalError:
        """The error for an exception caught while handling an article: `where` says what
        failed, and the traceback is kept."""
        return cls(f"{where} ({type(exc).__name__}: {exc}); this is a bug in regiongraph, "
                   "please report it with the article", traceback.format_exc())
