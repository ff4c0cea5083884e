"""The one error type users see for bad input.

An :class:`InputError` names the file and the problem, one line per problem,
so the command line can print it without a traceback.

>>> str(InputError("a.txt", "file is empty"))
'a.txt: file is empty'
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input: a file (or table) and what is wrong with it."""

    def __init__(self, file: str | Path, problem: str):
        self.file = str(file)
        self.problem = problem
        super().__init__(f"{self.file}: {problem}")


class InputErrors(InputError):
    """Several input problems found at once; ``str()`` gives one line each."""

    def __init__(self, errors: list[InputError]):
        self.errors = list(errors)
        Exception.__init__(self, "\n".join(str(e) for e in self.errors))
        self.file = self.errors[0].file if self.errors else ""
        self.problem = str(self)


def raise_all(errors: list[InputError]) -> None:
    """Raise ``errors`` as one exception if there are any.

    >>> raise_all([])
    """
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)
