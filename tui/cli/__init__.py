"""The `claimmark` command: opens the TUI, and scripts the library from a shell.

Every failure is one line on stderr and a non-zero exit status (1 for errors, 2 for
usage). `base` holds the group, its shared context and the error handling; each other
module adds the subcommands of one subject.
"""

from claimmark.tui.cli import annotations, articles, config, exchange  # noqa: F401  (register)
from claimmark.tui.cli.base import DB_ENV, cli, default_db_path, fail, main

__all__ = ["DB_ENV", "cli", "default_db_path", "fail", "main"]
