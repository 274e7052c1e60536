"""`glossator --self-test`: the whole application, end to end, on a throwaway workspace.

Run by packaged builds after installation (CI runs the installed binary offscreen and on a
real X server): migrations, seed import (text, Markdown and HTML readers), the main window on
the seed report with its text painted, an annotation added and undone through the window's
undo stack, every annotation export format that exists, a lossless round trip, the integrity
check, and the versions of SQLite and Qt. Each step prints one line; the process exits 1 on
the first failure. It never touches user data: GLOSSATOR_HOME points at a temporary folder.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TextIO

from PySide6.QtCore import QEventLoop, qVersion
from PySide6.QtGui import QFontDatabase, QIcon, QImage
from PySide6.QtWidgets import QApplication

from glossator import APP_NAME, __version__, paths
from glossator.formats.codebook_json import (
    codebook_from_json,
    codebook_to_json,
    read_codebook_file,
    write_codebook_file,
)
from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.schema_info import shipped_migrations
from glossator.services.values import AnnotationView
from glossator.ui.annotations.table import AnnotationTable
from glossator.ui.app import self_test_features as features
from glossator.ui.app.main_window import MainWindow
from glossator.ui.app.run import application
from glossator.ui.app.self_test_pdf import step_pdf
from glossator.ui.common.undo import UndoController
from glossator.ui.reader.report_view import ReportView

ICON = Path("icons") / "glossator.svg"
SEED_FORMATS = {"text", "markdown", "html"}


class SelfTestFailed(Exception):
    """A step found something wrong; the message says what."""


def process_age() -> float | None:
    """Seconds since this process started (Linux), so a frozen start counts its bootloader."""
    try:
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def check(condition: object, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


@contextmanager
def throwaway_home() -> Iterator[Path]:
    """GLOSSATOR_HOME in a new temporary folder, removed (and the old value restored) after."""
    saved = {name: os.environ.get(name) for name in ("GLOSSATOR_HOME", "GLOSSATOR_DB")}
    folder = Path(tempfile.mkdtemp(prefix="glossator-self-test-"))
    os.environ["GLOSSATOR_HOME"] = str(folder)
    os.environ.pop("GLOSSATOR_DB", None)
    try:
        yield folder
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(folder, ignore_errors=True)


def _headless_fallback() -> str | None:
    """On Linux without any display, run offscreen rather than abort in the xcb plugin."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return "no display: QT_QPA_PLATFORM=offscreen"


class State:
    """What the steps share: the workspace, the Qt application, the window, the seed report."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.db_path = home / "self-test.sqlite3"
        self.ws: Workspace | None = None
        self.app: QApplication | None = None
        self.window: MainWindow | None = None
        self.report_id = 0
        self.exported: dict[str, Path] = {}

    @property
    def workspace(self) -> Workspace:
        check(self.ws is not None, "the workspace is not open")
        assert self.ws is not None
        return self.ws

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.app is not None:
            self.app.processEvents()
        if self.ws is not None:
            self.ws.close()
            self.ws = None


def step_data_files(st: State) -> str:
    resources, seeds = paths.resources_dir(), paths.seeds_dir()
    for needed in (resources / "codebook" / "default.json", resources / ICON):
        check(needed.is_file(), f"{needed} is missing")
    seed_files = Workspace.expand_paths([seeds])
    check(seed_files, f"no seed reports in {seeds}")
    shipped = shipped_migrations()
    scripts = shipped.revisions
    check(scripts, f"no migration scripts in {shipped.folder}")
    return f"resources {resources}, {len(seed_files)} seed files, {len(scripts)} migrations"


def step_migrations(st: State) -> str:
    st.ws = Workspace.open(st.db_path, reviewer="self-test")
    revision, head = st.ws.schema_revision(), shipped_migrations().head
    check(revision == head, f"schema at {revision}, expected {head}")
    return f"new database upgraded to {head}"


def step_seed_import(st: State) -> str:
    ws = st.workspace
    outcomes = ws.ensure_seeded()
    refused = [o.line() for o in outcomes if o.status != "imported"]
    check(outcomes and not refused, "seed import: " + ("; ".join(refused) or "nothing imported"))
    reports = ws.reports()
    formats = {r.source_format for r in reports}
    check(formats >= SEED_FORMATS, f"seed formats {sorted(formats)}, not {sorted(SEED_FORMATS)}")
    seed = [r for r in reports if r.source_name.startswith("000_")] or reports
    st.report_id = seed[0].id
    detail = ws.report(st.report_id)
    check(detail.markers and detail.notes, "the seed report has no footnotes")
    return f"{len(reports)} reports ({', '.join(sorted(formats))}), {len(ws.tags())} tags"


def step_qt(st: State) -> str:
    st.app = application()
    names = (st.app.applicationName(), st.app.applicationVersion(), st.app.desktopFileName())
    check(names == (APP_NAME, __version__, "glossator"), f"application names {names}")
    families = QFontDatabase.families()
    check(families, "no fonts found (fontconfig and a font package are needed)")
    check(not st.app.windowIcon().pixmap(64, 64).isNull(), "the application icon cannot be drawn")
    svg = QIcon(str(paths.resources_dir() / ICON))
    check(not svg.pixmap(64, 64).isNull(), "the SVG icon cannot be drawn (QtSvg plugins)")
    return f"platform {st.app.platformName()}, {len(families)} font families, icon drawn"


def _wait(app: QApplication, done: Callable[[], bool], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    return True


def _distinct_colours(image: QImage, samples: int = 4000) -> int:
    width, height = image.width(), image.height()
    step = max(1, int((width * height / samples) ** 0.5))
    return len({image.pixel(x, y) for y in range(0, height, step) for x in range(0, width, step)})


def step_main_window(st: State) -> str:
    assert st.app is not None
    st.window = window = MainWindow(st.workspace)
    window.show()
    handle = window.windowHandle()
    check(_wait(st.app, lambda: handle is not None and handle.isExposed()), "window never shown")
    shown = process_age()
    check(window.open_report(st.report_id), "the seed report did not open")
    view = window.findChild(ReportView, "reportView")
    check(view is not None, "no reportView in the window")
    assert view is not None
    check(view.text() == st.workspace.report(st.report_id).text, "reportView shows another text")
    st.app.processEvents()
    image = view.viewport().grab().toImage()
    check(_distinct_colours(image) > 2, "the report view painted no text")
    age = f", shown {shown:.2f} s after process start" if shown is not None else ""
    return f"seed report painted ({image.width()}x{image.height()}){age}"


def step_annotation_undo(st: State) -> str:
    assert st.app is not None and st.window is not None
    ws, window, rid = st.workspace, st.window, st.report_id
    undo = window.findChild(UndoController)
    check(undo is not None, "the window has no undo controller")
    assert undo is not None
    table = window.findChild(AnnotationTable)
    check(table is not None, "no annotation table in the window")
    assert table is not None
    text = ws.report(rid).text
    start = next(i for i, ch in enumerate(text) if ch.isalpha())
    end = text.find(" ", start + 10) if text.find(" ", start + 10) > 0 else start + 10
    tags = ws.tags()
    check(tags, "the workspace has no tags")
    before = len(ws.annotations(rid))
    change = undo.push(AddAnnotation(rid, start, end, tag_ids=[tags[0].id]))
    check(change is not None, "adding an annotation was refused")
    added = [a for a in ws.annotations(rid) if a.start == start and a.end == end]
    check(len(ws.annotations(rid)) == before + 1 and added, "the annotation was not stored")
    uuid = added[0].id
    st.app.processEvents()
    check(table.model.row_of(uuid) is not None, "the annotation table did not show it")
    view = window.report_view
    check(uuid in view.highlight_at(start), "the report view did not highlight it")
    undo.stack.undo()
    st.app.processEvents()
    check(len(ws.annotations(rid)) == before, "undo left the annotation in the database")
    check(table.model.row_of(uuid) is None, "undo left the annotation in the table")
    check(uuid not in view.highlight_at(start), "undo left the highlight painted")
    undo.stack.redo()
    check(len(ws.annotations(rid)) == before + 1, "redo did not restore the annotation")
    return f"added {end - start} characters with tag {tags[0].name!r}, undone and redone"


def _registry() -> ModuleType | None:
    """`glossator.formats.registry` if this build has annotation formats, else None."""
    name = "glossator.formats.registry"
    try:
        return importlib.import_module(name) if importlib.util.find_spec(name) else None
    except ModuleNotFoundError:
        return None


def _richer_annotation(st: State) -> None:
    """A second annotation with a speaker, a stance, a note and a cited footnote to export."""
    ws, detail = st.workspace, st.workspace.report(st.report_id)
    codebook = ws.codebook()
    marker = detail.markers[0]
    start = max(0, marker.start - 40)
    speaker = codebook.speakers[0].name if codebook.speakers else None
    stances = []
    if codebook.targets and codebook.stance_labels:
        stances = [(codebook.targets[0].name, codebook.stance_labels[0].name, None)]
    tags = [t.id for t in ws.tags()[1:3]]
    ws.run(AddAnnotation(st.report_id, start, marker.end, tag_ids=tags, note="self-test: ä ✓",
                         cites=[marker.label], speaker=speaker, stances=stances))


def _view_key(a: AnnotationView) -> tuple[object, ...]:
    return (a.id, a.start, a.end, a.quote, a.tags, a.speaker, a.stances, a.cites, a.note,
            a.status)


def step_export(st: State) -> str:
    """Every format in `glossator.formats.registry.EXPORTERS`, written through the services;
    the ones that have a reader are read back with the same number of annotations."""
    registry = _registry()
    exporters = getattr(registry, "EXPORTERS", None) if registry else None
    if not exporters:
        return "no annotation export formats yet"
    from glossator.services.exchange import export_annotations

    _richer_annotation(st)
    importers = getattr(registry, "IMPORTERS", {})
    out = st.home / "export"
    out.mkdir()
    done = []
    for name, exporter in exporters.items():
        dest = out / f"annotations-{name}{exporter.suffix}"
        written = export_annotations(st.workspace, name, dest)
        files = list(dest.rglob("*")) if dest.is_dir() else [dest]
        size = sum(f.stat().st_size for f in files if f.is_file())
        check(size > 0, f"{name}: {dest.name} is empty")
        if name in importers:
            back = importers[name].read(dest)
            if back.annotations:
                check(len(back.annotations) == len(written.annotations),
                      f"{name}: {len(back.annotations)} annotations read back, "
                      f"{len(written.annotations)} written")
        st.exported[name] = dest
        done.append(f"{name} ({size // 1024 or 1} KB)")
    return f"{len(written.annotations)} annotations as " + ", ".join(done)


def step_lossless(st: State) -> str:
    """The codebook through its JSON format and back; then each annotation format that reads
    back, merged into this workspace (every annotation must come back unchanged) and into a
    fresh one with the same reports (every annotation must come back as it was)."""
    ws = st.workspace
    codebook = ws.codebook()
    path = st.home / "codebook.json"
    write_codebook_file(path, codebook)
    check(read_codebook_file(path) == codebook, "the codebook changed through codebook JSON")
    check(codebook_to_json(codebook_from_json(path.read_bytes())) == path.read_text("utf-8"),
          "codebook JSON is not stable")
    done = [f"codebook JSON ({len(codebook.tags)} tags, {len(codebook.speakers)} speakers)"]
    registry = _registry()
    importers = getattr(registry, "IMPORTERS", {}) if registry else {}
    readable = {n: p for n, p in st.exported.items() if n in importers}
    if not readable:
        return ", ".join(done)
    from glossator.services.exchange_import import ImportAnnotations

    ours = sorted(_view_key(a) for a in ws.annotations(st.report_id))
    for name, dest in readable.items():
        back = importers[name].read(dest)
        if not back.annotations:
            continue  # a codebook-only format
        same = ImportAnnotations(back, dest.name)
        ws.run(same)
        merged = same.report
        check(merged is not None and merged.added == 0 and not merged.conflicts
              and merged.unchanged == len(back.annotations),
              f"{name}: read back differs from the workspace: {merged}")
        fresh = Workspace.open(st.home / f"fresh-{name}.sqlite3", reviewer="self-test")
        try:
            fresh.ensure_seeded()
            fresh.run(ImportAnnotations(back, dest.name))
            title = ws.report(st.report_id).title
            theirs = sorted(_view_key(a) for a in fresh.annotations(fresh.find_report(title).id))
        finally:
            fresh.close()
        check(theirs == ours, f"{name}: a fresh workspace got other annotations: {theirs}")
        done.append(name)
    return "round trip of " + ", ".join(done)


def step_integrity(st: State) -> str:
    problems = st.workspace.check()
    check(not problems, "; ".join(problems))
    return f"{st.workspace.report_count()} reports, no problems"


def step_versions(st: State) -> str:
    import PySide6

    return (f"{st.workspace.db.server_version()}, Qt {qVersion()} "
            f"(PySide6 {PySide6.__version__}), Python {platform.python_version()}")


STEPS: list[tuple[str, Callable[[State], str]]] = [
    ("data files", step_data_files),
    ("migrations", step_migrations),
    ("seed import", step_seed_import),
    ("qt", step_qt),
    ("main window", step_main_window),
    ("annotation and undo", step_annotation_undo),
    ("export", step_export),
    ("lossless round trip", step_lossless),
    ("full-text search", lambda st: features.step_search(
        st.workspace, st.workspace.report(st.report_id).title)),
    ("Word import", lambda st: features.step_word(st.workspace, st.home)),
    ("PDF import", lambda st: step_pdf(st.workspace, st.home)),
    ("review", lambda st: features.step_review(st.workspace, st.report_id)),
    ("integrity check", step_integrity),
    ("versions", step_versions),
]


def run_steps(st: State, out: TextIO) -> int:
    for name, step in STEPS:
        started = time.perf_counter()
        try:
            detail = step(st)
        except Exception as exc:
            kind = "" if isinstance(exc, SelfTestFailed) else f"{type(exc).__name__}: "
            print(f"[FAIL] {name}: {kind}{exc}", file=out, flush=True)
            print(f"self-test FAILED at step '{name}'", file=out, flush=True)
            return 1
        print(f"[ok] {name}: {detail} ({time.perf_counter() - started:.2f} s)",
              file=out, flush=True)
    print("self-test passed", file=out, flush=True)
    return 0


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step on a temporary workspace; 0 when all passed, 1 otherwise."""
    stream = out or sys.stdout
    note = _headless_fallback()
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(
        f"{APP_NAME} {__version__} self-test ({frozen}; Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})",
        file=stream,
        flush=True,
    )
    if note:
        print(f"note: {note}", file=stream, flush=True)
    with throwaway_home() as home:
        state = State(home)
        try:
            check(paths.data_dir().is_relative_to(home), "GLOSSATOR_HOME was not honoured")
            return run_steps(state, stream)
        finally:
            state.close()
