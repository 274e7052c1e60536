"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from glossator.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `glossator ARGS`."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
