"""``python -m ogi``: see ogi/_cli.py (the same subcommands as the ogi tool)."""
from ._cli import main

if __name__ == "__main__":
    # the status of the subcommand (0, 1 or 2, as the ogi tool) is the process's
    raise SystemExit(main())
