"""Start times of the frozen build beside the same code run from source, in one run.

    python3 packaging/startup_times.py [--runs 7]

Frozen: packaging/dist/glossator/glossator. From source: the build venv's Python with
desktop/ on PYTHONPATH (the same dependencies PyInstaller bundled). For each: the wall time of
`--version`, and of `--self-test` offscreen with the moment its window was first shown
(seconds after the process started, as the self-test reports it: a fresh workspace, so this
includes the migrations and the seed import). Medians of --runs runs after one warm-up run,
the two taking turns.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN = re.compile(r"shown (\d+(?:\.\d+)?) s after process start")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    return elapsed, done.stdout


Commands = dict[str, tuple[list[str], dict[str, str]]]


def measure(commands: Commands, runs: int) -> dict[str, dict[str, float]]:
    """Medians per command; the commands take turns, so a busy moment hits both alike."""
    samples: dict[str, dict[str, list[float]]] = {
        name: {"--version": [], "--self-test": [], "window shown": []} for name in commands
    }
    for command, env in commands.values():
        timed([*command, "--version"], env)  # warm-up: page cache, compiled bytecode
    for _ in range(runs):
        for name, (command, env) in commands.items():
            samples[name]["--version"].append(timed([*command, "--version"], env)[0])
            elapsed, out = timed([*command, "--self-test"], env)
            samples[name]["--self-test"].append(elapsed)
            found = SHOWN.search(out)
            if found:
                samples[name]["window shown"].append(float(found.group(1)))
    return {
        name: {key: statistics.median(values) for key, values in figures.items() if values}
        for name, figures in samples.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frozen", default=str(ROOT / "packaging/dist/glossator/glossator"))
    parser.add_argument("--python", default=str(ROOT / "packaging/build/venv/bin/python"))
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GLOSSATOR_", "QT_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    source_env = {**env, "PYTHONPATH": str(ROOT / "desktop")}
    figures = measure(
        {
            "frozen": ([args.frozen], env),
            "source": ([args.python, "-m", "glossator"], source_env),
        },
        args.runs,
    )
    frozen, source = figures["frozen"], figures["source"]
    print(f"start times, median of {args.runs} runs (offscreen)")
    print(f"{'':<34}{'frozen':>10}{'source':>10}{'ratio':>8}")
    for key, label in (
        ("--version", "glossator --version (wall)"),
        ("window shown", "window shown (after process start)"),
        ("--self-test", "glossator --self-test (wall)"),
    ):
        if key in frozen and key in source:
            ratio = frozen[key] / source[key]
            print(f"{label:<34}{frozen[key]:>9.3f}s{source[key]:>9.3f}s{ratio:>7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
