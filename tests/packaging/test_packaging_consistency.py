"""Fast checks that the packaging files agree with each other and with the project.

The builds themselves run in CI (packaging/build-linux.sh, packaging/test-deb.sh) or on
Windows and macOS; these tests only read the files. The PyInstaller spec is executed with
stand-ins for PyInstaller's classes, once per platform, so what it would collect is checked
without PyInstaller installed.
"""

from __future__ import annotations

import configparser
import plistlib
import re
import shutil
import subprocess
import sys
import tomllib
import types
from pathlib import Path
from typing import Any

import pytest

from glossator import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "glossator.spec"
DESKTOP = ROOT / "resources" / "glossator.desktop"
SCRIPTS = [
    PACKAGING / "build-linux.sh",
    PACKAGING / "test-deb.sh",
    PACKAGING / "macos" / "build-macos.sh",
]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = PROJECT["version"]


class _Recorder:
    """Stand-ins for Analysis, PYZ, EXE, COLLECT and BUNDLE that remember their arguments."""

    def __init__(self) -> None:
        self.calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}

    def kind(self, name: str) -> type:
        recorder = self

        class Stand:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                recorder.calls.setdefault(name, []).append((args, kwargs))
                self.args, self.kwargs = args, kwargs
                self.pure: list[Any] = []
                self.scripts: list[Any] = []
                self.binaries = [
                    (dest, "/venv/" + dest, "BINARY")
                    for dest in (
                        "PySide6/Qt/lib/libQt6Core.so.6",
                        "PySide6/Qt/lib/libQt6Qml.so.6",
                        "PySide6/Qt/plugins/platforms/libqxcb.so",
                        "PySide6/Qt/plugins/platforms/libqwayland.so",
                        "libfontconfig.so.1",
                    )
                ]
                self.datas = [(dest, src, "DATA") for src, dest in kwargs.get("datas", [])]

        return Stand


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> tuple[dict[str, Any], _Recorder]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda name: [name]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    recorder = _Recorder()
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "__name__": "__main__"}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        namespace[kind] = recorder.kind(kind)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace, recorder


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_spec_collects_files_that_exist(monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    _ns, rec = run_spec(monkeypatch, platform)
    (scripts,), analysis = rec.calls["Analysis"][0]
    assert all(Path(s).is_file() for s in scripts)
    assert Path(analysis["pathex"][0], "glossator", "__init__.py").is_file()
    datas = analysis["datas"]
    for src, _dest in datas:
        assert Path(src).exists(), src
    dests = {dest for _src, dest in datas}
    assert {"resources", "resources/icons", "seeds", "glossator/store/migrations"} <= dests
    assert not any("screenshots" in dest for dest in dests)
    migrations = [
        Path(src).name for src, dest in datas if dest.startswith("glossator/store/migrations")
    ]
    assert "env.py" in migrations and "script.py.mako" in migrations
    shipped = {p.name for p in (ROOT / "desktop/glossator/store/migrations/versions").glob("*.py")}
    assert shipped <= set(migrations)
    assert "glossator" in analysis["hiddenimports"]
    assert "pdfminer" in analysis["hiddenimports"]
    cmaps = next(Path(src) for src, dest in datas if dest == "pdfminer/cmap")
    assert any(cmaps.glob("*.json.gz")) or any(cmaps.glob("*.pickle.gz"))
    assert any(x.startswith("PySide6.QtQml") for x in analysis["excludes"])
    for _args, kwargs in rec.calls["EXE"]:
        icon = kwargs.get("icon")
        assert icon is None or Path(icon).is_file()
        entitlements = kwargs.get("entitlements_file")
        assert entitlements is None or Path(entitlements).is_file()


def test_linux_spec_is_one_console_program(monkeypatch: pytest.MonkeyPatch) -> None:
    _ns, rec = run_spec(monkeypatch, "linux")
    exes = [kwargs for _args, kwargs in rec.calls["EXE"]]
    assert [(e["name"], e["console"], e["exclude_binaries"]) for e in exes] == [
        ("glossator", True, True)
    ]
    assert rec.calls["COLLECT"][0][1]["name"] == "glossator"  # one folder
    assert "BUNDLE" not in rec.calls


def test_windows_spec_has_a_windowed_and_a_console_program(monkeypatch: pytest.MonkeyPatch) -> None:
    _ns, rec = run_spec(monkeypatch, "win32")
    names = {kwargs["name"]: kwargs["console"] for _args, kwargs in rec.calls["EXE"]}
    assert names == {"glossator": False, "glossator-cli": True}
    iss = (PACKAGING / "windows" / "glossator.iss").read_text(encoding="utf-8")
    for exe in names:
        assert f"{{app}}\\{exe}.exe" in iss or f"{exe}.exe" in iss


def test_macos_bundle_takes_name_and_version_from_the_project(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _ns, rec = run_spec(monkeypatch, "darwin")
    (_args, bundle), = rec.calls["BUNDLE"]
    assert bundle["name"] == f"{APP_NAME}.app"
    assert bundle["version"] == VERSION
    plist = bundle["info_plist"]
    assert plist["CFBundleName"] == APP_NAME
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == VERSION
    assert bundle["bundle_identifier"] == plist["CFBundleIdentifier"]


def test_spec_keeps_xcb_and_drops_qml_wayland_and_the_font_stack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ns, _rec = run_spec(monkeypatch, "linux")
    keep = ns["keep"]
    kept = {dest for dest, _src, _kind in ns["a"].binaries}
    assert kept == {"PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so"}
    for dest in (
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",  # File > Print report
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    ):
        assert keep(dest), dest
    for dest in (
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6SvgWidgets.so.6",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/qml/QtQuick/qmldir",
        "PySide6/Qt/translations/qt_de.qm",
        "libfreetype.so.6",
        "libfontconfig.so.1",
    ):
        assert not keep(dest), dest
    assert not keep("libX11.so.6", "/usr/lib/x86_64-linux-gnu/libX11.so.6") or not Path(
        "/usr/lib/x86_64-linux-gnu"
    ).is_dir()


def test_desktop_entry_names_the_app_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    values = entry["Desktop Entry"]
    assert values["Type"] == "Application"
    assert values["Name"] == APP_NAME
    assert values["Exec"].split()[0] == "glossator"
    assert values["Icon"] == "glossator"
    assert (ROOT / "resources" / "icons" / "glossator.svg").is_file()
    assert (ROOT / "resources" / "icons" / "glossator-256.png").is_file()


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_versions_and_names_agree() -> None:
    assert __version__ == VERSION
    assert APP_NAME == "Glossator"
    iss = (PACKAGING / "windows" / "glossator.iss").read_text(encoding="utf-8")
    assert re.search(r'#define AppName "([^"]+)"', iss).group(1) == APP_NAME  # type: ignore[union-attr]
    assert re.search(r'#define AppVersion "([^"]+)"', iss).group(1) == VERSION  # type: ignore[union-attr]
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert plist["CFBundleName"] == plist["CFBundleDisplayName"] == APP_NAME
    assert "CFBundleVersion" not in plist  # filled from pyproject.toml by the spec
    assert any(r.startswith("pyinstaller") for r in PROJECT["optional-dependencies"]["packaging"])


def test_recipes_use_the_spec_and_the_files_they_name() -> None:
    ps1 = (PACKAGING / "windows" / "build-windows.ps1").read_text(encoding="utf-8")
    assert "packaging\\glossator.spec" in ps1 and "packaging\\windows\\glossator.iss" in ps1
    for script in SCRIPTS[:1] + SCRIPTS[2:]:
        assert "packaging/glossator.spec" in script.read_text(encoding="utf-8")
    for script in [*SCRIPTS, PACKAGING / "windows" / "build-windows.ps1"]:
        text = script.read_text(encoding="utf-8").replace("\\", "/")
        for name in set(re.findall(r"resources/[\w./-]+\.\w+", text)):
            assert (ROOT / name).is_file(), f"{script.name} names {name}"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "packaging/build-linux.sh" in ci and "packaging/test-deb.sh" in ci


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_scripts_are_executable_and_parse(script: Path) -> None:
    assert script.stat().st_mode & 0o111, f"{script} is not executable"
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    """The packaged builds run `glossator --self-test`; it must pass on the source tree first."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT / "desktop"),
        "GLOSSATOR_HOME": str(tmp_path / "untouched"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "glossator", "--self-test"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    assert any(line.startswith("[ok] main window: seed report painted") for line in lines)
    assert not (tmp_path / "untouched").exists()  # a temporary home, removed afterwards


def test_the_frozen_program_starts_the_pdf_worker_it_asks_for(monkeypatch: pytest.MonkeyPatch):
    """A frozen build has no `python -m`: PDFs are read by the program itself started with
    --pdf-worker, which the launcher hands to the worker before anything else."""
    from glossator.formats import pdf_sandbox

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert pdf_sandbox.worker_command() == [sys.executable, pdf_sandbox.WORKER_FLAG]
    launcher = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert f'sys.argv[1:2] == ["{pdf_sandbox.WORKER_FLAG}"]' in launcher
    assert "from glossator.formats.pdf_worker import main" in launcher
    assert any(r.startswith("pdfminer.six") for r in PROJECT["dependencies"])


def test_the_launcher_reads_a_pdf_as_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossator.formats import pdf_sandbox
    from tests.formats.pdf_builder import Book

    book = Book()
    book.page().para("Read by the launcher, as the frozen program reads PDFs.")
    launcher = str(PACKAGING / "launcher.py")
    monkeypatch.setattr(pdf_sandbox, "worker_command",
                        lambda: [sys.executable, launcher, pdf_sandbox.WORKER_FLAG])
    text = pdf_sandbox.read_pdf_isolated(book.pdf(), "frozen.pdf")
    assert text.text == "Read by the launcher, as the frozen program reads PDFs."
