"""What every subcommand shares: the error type and JSON printing."""

from __future__ import annotations

import json
import sys


class CliError(Exception):
    """One line for stderr; the process exits with status 2."""


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
