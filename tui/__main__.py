"""`python -m tui` runs the `claimmark` command."""

from tui.launch import main

main()
