"""`python -m factcli` runs the command line."""

from .cli import main

main()
