"""Running `claimmark` in-process in tests, as a shell would, with its output captured."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimmark.tui.cli import main


class Run:
    """The result of one `claimmark` invocation."""

    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    def one_line_error(self, status: int = 1) -> str:
        """Assert the command failed with `status` and one `claimmark: ...` line on
        stderr (no traceback); return that line."""
        assert self.status == status, (self.out, self.err)
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, self.err
        assert lines[0].startswith("claimmark: ") and "Traceback" not in self.err
        return lines[0]


def one_line_error(result: Run, status: int = 1) -> None:
    """`result.one_line_error(status)`, for the tests written as a function call."""
    result.one_line_error(status)


def cli_runner(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """A function that runs `claimmark ARGS...` and returns its status and output. The
    library is whatever CLAIMMARK_DB says (the caller's fixture sets it)."""

    def invoke(*args: str) -> Run:
        capsys.readouterr()
        try:
            main(list(args))
            status = 0
        except SystemExit as done:
            status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return invoke
