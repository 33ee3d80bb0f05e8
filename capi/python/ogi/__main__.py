"""``python -m ogi``: see ogi/_cli.py (the same subcommands as the ogi tool)."""
import sys

from ._cli import main

if __name__ == "__main__":
    sys.exit(main())
