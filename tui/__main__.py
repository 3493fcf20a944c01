"""`python -m claimmark.tui` runs the `claimmark` command."""

from claimmark.tui.launch import main

main()
