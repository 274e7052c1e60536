"""Entry point of the frozen build: the same `glossator` command as the installed script."""

import sys

from glossator.cli import main

if __name__ == "__main__":
    sys.exit(main())
