"""`python -m tui` runs the `claimmark` command."""

from tui.cli import main

main()
