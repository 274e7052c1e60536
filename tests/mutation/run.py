"""Mutation testing on demand with cosmic-ray (see README.md beside this file).

    python tests/mutation/run.py run footnotes        # each module of the group in turn
    python tests/mutation/run.py retry anchoring      # survivors again, after adding tests
    python tests/mutation/run.py report all           # scores: raw and without equivalents
    python tests/mutation/run.py survivors safe_zip   # the diff of every survivor

The modules, and the tests that guard each, are in modules.toml; mutants named equivalent
in equivalents.toml (with the reason in README.md). Mutants are applied to a copy of the
tree (GLOSSATOR_MUTATION_DIR, default /tmp/glossator-mutation), never to this one; the
sessions (cosmic-ray's databases, one per module) are kept there, so a stopped run resumes
where it stopped and `report` reads what every run recorded.
"""

from __future__ import annotations

import argparse
import ast
import fcntl
import functools
import hashlib
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import sample  # beside this file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WORK = Path(os.environ.get("GLOSSATOR_MUTATION_DIR", "/tmp/glossator-mutation"))
TREE = WORK / "tree"
SESSIONS = WORK / "sessions"
BIN = Path(sys.executable).parent
# No Qt plugin (these tests draw nothing) and no Hypothesis plugin (importing Hypothesis
# costs most of a second; test files that use it import it themselves).
PYTEST = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
          "-p", "no:pytestqt", "-p", "no:hypothesispytest"]


@dataclass(frozen=True)
class Module:
    name: str
    path: str
    tests: list[str]
    then: list[str]

    @property
    def session(self) -> Path:
        return SESSIONS / f"{self.name}.sqlite"

    def command(self, quick: bool = False) -> str:
        """One pytest run per stage; a later stage only when the earlier ones pass."""
        chosen = (self.tests,) if quick else (self.tests, self.then)
        stages = [shlex.join([*PYTEST, *files]) for files in chosen if files]
        return shlex.join(["sh", "-c", " && ".join(stages)])


def load_modules() -> tuple[dict[str, Module], dict[str, list[str]]]:
    table = tomllib.loads((HERE / "modules.toml").read_text(encoding="utf-8"))
    templates = table.get("templates", {})
    modules = {}
    for name, entry in table["modules"].items():
        base = templates.get(entry.get("template", ""), {})
        tests = entry.get("tests", base.get("tests", []))
        then = [f for f in entry.get("then", base.get("then", [])) if f not in tests]
        for f in [entry["path"], *tests, *then]:
            if not (ROOT / f).is_file():
                raise SystemExit(f"modules.toml: {name}: no file {f}")
        modules[name] = Module(name, entry["path"], tests, then)
    groups = {**table["groups"], "all": list(modules)}
    return modules, groups


def select(names: list[str]) -> list[Module]:
    modules, groups = load_modules()
    chosen: list[str] = []
    for name in names:
        if name in groups:
            chosen += groups[name]
        elif name in modules:
            chosen.append(name)
        else:
            raise SystemExit(f"no module or group {name!r} (see modules.toml)")
    return [modules[n] for n in dict.fromkeys(chosen)]


# -- the copy ------------------------------------------------------------------------------


def refresh_tree() -> None:
    """The tracked and untracked (not ignored) files of this tree, copied as they are."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for child in TREE.glob("*") if TREE.exists() else []:
        if child.name != ".hypothesis":  # examples found earlier kill mutants sooner
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (TREE / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, TREE / rel)
    shared = WORK / "shared"  # tests find ../shared beside the tree
    if not shared.exists() and (ROOT.parent / "shared").exists():
        shared.symlink_to((ROOT.parent / "shared").resolve())
    # Compiled once here; the mutant runs write no bytecode (cosmic-ray sees to that).
    subprocess.run([sys.executable, "-m", "compileall", "-q", "desktop", "tests"],
                   cwd=TREE, check=True)


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(TREE / "desktop"), QT_QPA_PLATFORM="offscreen")
    env.pop("CI", None)
    return env


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_config(m: Module, timeout: float, quick: bool) -> Path:
    config = SESSIONS / f"{m.name}.toml"
    config.write_text(
        "[cosmic-ray]\n"
        f"module-path = {m.path!r}\n"
        f"timeout = {timeout:.1f}\n"
        "excluded-modules = []\n"
        f"test-command = {m.command(quick)!r}\n\n"
        "[cosmic-ray.distributor]\nname = \"local\"\n",
        encoding="utf-8",
    )
    return config


def baseline(m: Module, quick: bool) -> float:
    """Seconds the unmutated tests take; they must pass, or every mutant would be 'killed'."""
    began = time.monotonic()
    done = subprocess.run(shlex.split(m.command(quick)), cwd=TREE, env=environment(),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{m.name}: the tests fail without a mutant:\n{done.stdout[-3000:]}")
    return time.monotonic() - began


def prepare(m: Module, retry: bool, quick: bool, timings: dict[str, float]) -> Path:
    """The module's configuration and session, made or brought up to date; its mutants in
    type annotations set aside. Modules sharing a test command share one baseline."""
    stamp = m.session.with_suffix(".sha256")
    source = digest(TREE / m.path)
    if m.session.exists() and (not stamp.exists() or stamp.read_text() != source):
        print(f"{m.name}: the module changed since its session; starting afresh", flush=True)
        m.session.unlink()
    command = m.command(quick)
    if command not in timings:
        timings[command] = baseline(m, quick)
        print(f"{m.name}: baseline {timings[command]:.1f} s", flush=True)
    # A mutant that loops forever is stopped here and counts as killed (a few dozen in a
    # module with search loops: the timeout is much of a run's time); twice the baseline
    # and ten seconds leave room for a shared machine's slow moments.
    config = write_config(m, timeout=2 * timings[command] + 10, quick=quick)
    if not m.session.exists():
        subprocess.run([str(BIN / "cosmic-ray"), "init", str(config), str(m.session)],
                       cwd=TREE, env=environment(), check=True, stdout=subprocess.DEVNULL)
        stamp.write_text(source)
    elif retry:
        with sqlite3.connect(m.session) as db:
            n = db.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'").rowcount
        print(f"{m.name}: {n} survivors to run again", flush=True)
    keys = sample.mutants(m.name, m.session)
    sample.skip(m.session, [job for key, job in keys.items() if in_annotation(m, key[1:3])],
                sample.ANNOTATION)
    return config


def draw_sample(modules: list[Module], size: int, seed: int) -> None:
    """Keep `size` mutants of the modules together, drawn with `seed`; skip the others."""
    population: dict[sample.Key, tuple[Module, str]] = {}
    for m in modules:
        for key, job in sample.mutants(m.name, m.session).items():
            if not in_annotation(m, key[1:3]):
                population[key] = (m, job)
    chosen = sample.draw(list(population), size, seed)
    why = f"{sample.NOT_SAMPLED}: {len(chosen)} of {len(population)}, seed {seed}"
    for m in modules:
        sample.unskip_sample(m.session)
        left_out = [job for key, (owner, job) in population.items()
                    if owner is m and key not in chosen]
        sample.skip(m.session, left_out, why)
    print(f"sample: {len(chosen)} of {len(population)} mutants, seed {seed}", flush=True)


def execute(m: Module, config: Path) -> None:
    print(f"{m.name}: running the pending mutants", flush=True)
    subprocess.run([str(BIN / "cosmic-ray"), "exec", str(config), str(m.session)], cwd=TREE,
                   env=environment(), check=True)
    print(summary_line(m), flush=True)


# -- reports -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Equivalent:
    module: str
    line: str
    mutant: str
    kind: str
    lineno: int | None  # where the line is, for a line whose text occurs more than once


def load_equivalents() -> list[Equivalent]:
    table = tomllib.loads((HERE / "equivalents.toml").read_text(encoding="utf-8"))
    return [Equivalent(e["module"], e["line"].strip(), e["mutant"].strip(), e["kind"],
                       e.get("lineno")) for e in table.get("equivalent", [])]


def changed_lines(diff: str) -> tuple[str, str]:
    """The first line a mutant removes and the first it adds, stripped."""
    removed = [s[1:].strip() for s in diff.splitlines()
               if s.startswith("-") and not s.startswith("---")]
    added = [s[1:].strip() for s in diff.splitlines()
             if s.startswith("+") and not s.startswith("+++")]
    return (removed[0] if removed else ""), (added[0] if added else "")


@dataclass(frozen=True)
class Result:
    job: str
    outcome: str  # killed, survived, incompetent, skipped or pending
    diff: str
    output: str
    at: tuple[int, int]  # where the mutant starts in the module: line (from 1), column


def results(m: Module) -> list[Result]:
    """Every mutant of the module's session and what became of it so far."""
    if not m.session.exists():
        return []
    with sqlite3.connect(m.session) as db:
        rows = db.execute(
            "SELECT i.job_id, CASE WHEN r.worker_outcome = 'SKIPPED' THEN 'skipped'"
            " ELSE COALESCE(lower(r.test_outcome), 'pending') END, COALESCE(r.diff, ''),"
            " COALESCE(r.output, ''), s.start_pos_row, s.start_pos_col FROM work_items i"
            " JOIN mutation_specs s ON s.job_id = i.job_id"
            " LEFT JOIN work_results r ON r.job_id = i.job_id"
            " WHERE r.worker_outcome IS NULL OR r.worker_outcome != 'NO_TEST'"
        ).fetchall()
    return [Result(job, outcome, diff, output, (line, col))
            for job, outcome, diff, output, line, col in rows]


@functools.cache
def annotation_spans(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the type annotations of a module that never evaluates them are (start and end,
    line and column); none in a module without ``from __future__ import annotations``."""
    source = path.read_text(encoding="utf-8")
    if "from __future__ import annotations" not in source:
        return []
    found: list[ast.expr] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            a = node.args
            found += [x.annotation for x in (*a.posonlyargs, *a.args, *a.kwonlyargs,
                                              a.vararg, a.kwarg) if x and x.annotation]
            found += [node.returns] if node.returns else []
        elif isinstance(node, ast.AnnAssign):
            found.append(node.annotation)
    return [((n.lineno, n.col_offset), (n.end_lineno or n.lineno, n.end_col_offset or 0))
            for n in found]


def in_annotation(m: Module, at: tuple[int, int]) -> bool:
    """A mutant inside a type annotation of a module that never evaluates them."""
    return any(lo <= at < hi for lo, hi in annotation_spans(TREE / m.path))


def equivalent_kind(m: Module, r: Result, named: list[Equivalent]) -> str | None:
    line, mutant = changed_lines(r.diff)
    for e in named:
        if (e.module == m.name and e.line == line and e.mutant in ("*", mutant)
                and e.lineno in (None, r.at[0])):
            return e.kind
    return None


COLUMNS = ("mutants", "annotation", "unsampled", "unmade", "pending", "killed", "timeout",
           "survived", "equivalent")


def score(m: Module) -> dict[str, int]:
    named = load_equivalents()
    counts = dict.fromkeys(COLUMNS, 0)
    for r in results(m):
        counts["mutants"] += 1
        if in_annotation(m, r.at):  # never run (results of older runs are set aside)
            counts["annotation"] += 1
        elif r.outcome == "skipped":
            counts["unsampled"] += 1
        elif r.outcome == "survived":
            counts["survived"] += 1
            counts["equivalent"] += equivalent_kind(m, r, named) is not None
        elif r.outcome == "killed":
            counts["killed"] += 1
            counts["timeout"] += r.output == "timeout"
        elif r.outcome == "incompetent":  # cosmic-ray failed to make it: never run, not counted
            counts["unmade"] += 1
        else:
            counts["pending"] += 1
    return counts


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


HEADER = (f"{'module':24} {'mutants':>7} {'annot':>5} {'unsampled':>9} {'unmade':>6}"
          f" {'pending':>7} {'run':>5} {'killed':>6} {'timeout':>7} {'survived':>8}"
          f" {'equiv':>5}  {'raw':>6}  {'w/o eq':>6}")


def line_of(name: str, c: dict[str, int]) -> str:
    run_ = c["killed"] + c["survived"]
    return (f"{name:24} {c['mutants']:7} {c['annotation']:5} {c['unsampled']:9} {c['unmade']:6}"
            f" {c['pending']:7} {run_:5} {c['killed']:6} {c['timeout']:7} {c['survived']:8}"
            f" {c['equivalent']:5}  {percent(c['killed'], run_)}"
            f"  {percent(c['killed'], run_ - c['equivalent'])}")


def summary_line(m: Module) -> str:
    return line_of(m.name, score(m))


def report(modules: list[Module]) -> None:
    print(HEADER)
    total = dict.fromkeys(COLUMNS, 0)
    for m in modules:
        c = score(m)
        print(line_of(m.name, c))
        for k, v in c.items():
            total[k] += v
    if len(modules) > 1:
        print(line_of("(together)", total))
    drawn = {m.name: how for m in modules if m.session.exists()
             and (how := sample.sampled(m.session))}
    if drawn:  # the interval of the sampled modules only
        counts = [score(m) for m in modules if m.name in drawn]
        killed = sum(c["killed"] for c in counts)
        judged = sum(c["killed"] + c["survived"] - c["equivalent"] for c in counts)
        lo, hi = sample.wilson(killed, judged)
        print(f"sampled ({'; '.join(sorted(set(drawn.values())))}): w/o eq"
              f" {percent(killed, judged)}, Wilson 95% interval {100 * lo:.1f}% to"
              f" {100 * hi:.1f}%")


def survivors(modules: list[Module], with_equivalents: bool) -> None:
    named = load_equivalents()
    for m in modules:
        for r in results(m):
            if r.outcome != "survived" or in_annotation(m, r.at):
                continue
            kind = equivalent_kind(m, r, named)
            if kind is None or with_equivalents:
                body = "\n".join(s for s in r.diff.splitlines()[2:] if s[:1] in "-+")
                mark = f" (equivalent: {kind})" if kind else ""
                print(f"== {m.name} {r.job} line {r.at[0]}{mark}\n{body}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["run", "retry", "report", "survivors"])
    parser.add_argument("names", nargs="+", help="modules or groups (modules.toml), or all")
    parser.add_argument("--quick", action="store_true",
                        help="run, retry: only the first stage (`tests`); its survivors are"
                        " run through every stage by a later run or retry")
    parser.add_argument("--equivalents", action="store_true",
                        help="survivors: list the named equivalents too")
    parser.add_argument("--sample", type=int, metavar="N",
                        help="run, retry: only N mutants of the modules named, drawn at random"
                        " with --seed (the others are marked skipped); a later run without"
                        " --sample keeps the sample")
    parser.add_argument("--seed", type=int, default=16, help="the sample's seed (default 16)")
    args = parser.parse_args()
    modules = select(args.names)
    if args.command in ("run", "retry"):
        SESSIONS.mkdir(parents=True, exist_ok=True)
        with (WORK / "lock").open("w") as lock:
            try:  # one run at a time: a second would copy the tree under the first
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SystemExit(f"another run is using {WORK}") from None
            refresh_tree()
            timings: dict[str, float] = {}
            configs = [prepare(m, args.command == "retry", args.quick, timings)
                       for m in modules]
            if args.sample is not None:
                draw_sample(modules, args.sample, args.seed)
            for m, config in zip(modules, configs, strict=True):
                execute(m, config)
        report(modules)
    elif args.command == "report":
        report(modules)
    else:
        survivors(modules, args.equivalents)


if __name__ == "__main__":
    main()
