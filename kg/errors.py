"""One hierarchy of exceptions: the CLI turns any KgError into a one-line message and exit code."""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg-loader raises on purpose."""

    exit_code = 2


class InputError(KgError):
    """An input could not be read: missing, empty, binary, malformed, or unreachable."""


class RDFSyntaxError(InputError):
    """An RDF file could not be parsed."""


class ValidationFailed(KgError):
    """The graph does not conform to the shapes; nothing was written."""

    exit_code = 1

    def __init__(self, message: str, report: object = None):
        super().__init__(message)
        self.report = report


class LinkError(KgError):
    """The online entity lookup failed."""


class StoreError(KgError):
    """A store could not be opened, written or queried (embedded or remote)."""

    exit_code = 1


class EndpointError(StoreError):
    """A remote SPARQL endpoint is unreachable, refused the request or answered garbage."""


class RulePackError(KgError):
    """A data file of the rule pack (event classes, triggers, cues, ...) is malformed: names its file and line."""


def one_line(text: object, limit: int = 200, ellipsis: str = "…") -> str:
    """A message on one line: whitespace runs become one space; cut to ``limit`` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - len(ellipsis)] + ellipsis
