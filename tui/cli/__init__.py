"""The `claimmark` command: opens the TUI, and scripts the library from a shell.

Every failure is one line on stderr and a non-zero exit status (1 for errors, 2 for
usage). `base` holds the group, its shared context and the error handling; each other
module adds the subcommands of one subject.
"""

from claimmark.tui.cli import (  # noqa: F401  (register the subcommands)
    annotations,
    articles,
    config,
    exchange,
    library,
)
from claimmark.tui.cli.base import DB_ENV, cli, default_db_path, fail, main

__all__ = ["DB_ENV", "cli", "default_db_path", "fail", "main"]
