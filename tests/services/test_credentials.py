"""Credentials: a password in a URL is never written to logs, history, settings, exports or
anything shown; a password-protected server is reached with PGPASSFILE (libpq's own, left
alone) or the system keyring, with no password in the URL at all.

The password tests start a PostgreSQL server of their own that demands passwords
(scram-sha-256), since the shared test server trusts every local connection."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from glossator.services import StoreError, Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.exchange import export_annotations
from glossator.store.schema import HEAD_REVISION
from tests.cli.helpers import run
from tests.conftest import SEED_REPORT

SECRET = "pw-SECRET-7319"


def _all_text(ws: Workspace) -> str:
    with ws.db.engine.connect() as conn:
        parts = [str(r) for t in ("history", "change_log", "settings", "reviewers")
                 for r in conn.execute(text(f"SELECT * FROM {t}"))]
    return "\n".join(parts)


def test_a_password_in_the_url_is_never_written_or_shown(
    db_location: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    if "://" not in db_location:
        pytest.skip("a server URL")
    url = make_url(db_location).set(password=SECRET).render_as_string(hide_password=False)
    caplog.set_level(logging.DEBUG)
    with Workspace.open(url, reviewer="ana") as ws:
        (outcome,) = ws.import_paths([SEED_REPORT])
        assert outcome.report_id is not None
        add = AddAnnotation(outcome.report_id, 0, 20)
        ws.run(add)
        ws.run(EditAnnotation(add.uuid, AnnotationFields(note="n")))
        shown = [ws.db.display_name, repr(ws.db), str(ws.db.engine.url), repr(ws.db.url)]
        for fmt in ("w3c", "jsonl", "csv", "qdpx", "brat"):
            export_annotations(ws, fmt, tmp_path / f"out.{fmt}")
        kept = _all_text(ws)
    for args in (("reports",), ("check",), ("migrate",), ("project", "show")):
        code, out, err = run(capsys, "--db", url, *args)
        assert code == 0, err
        shown += [out, err]
    written = [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(SECRET.encode() not in b for b in written)
    assert SECRET not in kept and SECRET not in caplog.text
    assert all(SECRET not in s for s in shown), shown
    assert "***" in ws.db.display_name


def test_refusals_about_a_url_mask_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    unreachable = f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:1/glossator"
    code, _out, err = run(capsys, "--db", unreachable, "reports")
    assert code == 2 and "cannot connect" in err and SECRET not in err
    assert err.count("\n") == 1
    malformed = f"postgresql+psycopg://ana:{SECRET}@127.0.0.1:notaport/glossator"
    code, _out, err = run(capsys, "--db", malformed, "reports")
    assert code == 2 and SECRET not in err and "***" in err


# -- a server that asks for passwords ------------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="module")
def password_server() -> Iterator[tuple[str, str]]:
    """(URL without password, password) of a throwaway server with scram-sha-256."""
    pg = _pg_bin()
    if pg is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("no PostgreSQL server binaries to start a password-protected server")
    folder = Path(tempfile.mkdtemp(prefix="glossator-pw-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    pwfile = folder / "pw"
    pwfile.write_text("server-pass-42\n")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = folder / "db"
    subprocess.run(_as_postgres([str(pg / "initdb"), "-D", str(data), "-U", "postgres",
                                 "-A", "scram-sha-256", f"--pwfile={pwfile}"]),
                   check=True, capture_output=True)
    subprocess.run(_as_postgres([str(pg / "pg_ctl"), "-D", str(data), "-w", "-l",
                                 str(folder / "log"), "-o",
                                 f"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
                                 "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", "server-pass-42"
    finally:
        subprocess.run(_as_postgres([str(pg / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_without_any_password_the_server_refuses_in_one_sentence(
    password_server: tuple[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, _password = password_server
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(StoreError, match="cannot connect"):
        Workspace.open(url)
    code, _out, err = run(capsys, "--db", url, "reports")
    assert code == 2 and err.count("\n") == 1


def test_pgpassfile_gives_the_password(
    password_server: tuple[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url, password = password_server
    passfile = tmp_path / "pgpass"
    port = make_url(url).port
    passfile.write_text(f"127.0.0.1:{port}:*:postgres:{password}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with Workspace.open(url, reviewer="ana") as ws:
        assert ws.db.url.password is None  # nothing of it in what is kept or shown
        assert ws.schema_revision() == HEAD_REVISION  # connected, and the schema was made
        assert password not in _all_text(ws)


def test_the_keyring_gives_the_password(
    password_server: tuple[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    url, password = password_server
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        monkeypatch.setattr("sys.stdin", _Lines(password))
        code, out, err = run(capsys, "server", "password", url, "--password-stdin")
        assert code == 0, err
        assert "postgres@127.0.0.1" in out and password not in out
        code, out, err = run(capsys, "--db", url, "project", "show")
        assert code == 0, err
        with Workspace.open(url) as ws:
            assert ws.db.url.password is None
    finally:
        keyring.set_keyring(before)


class _Lines:
    def __init__(self, *lines: str) -> None:
        self._lines = [line + "\n" for line in lines]

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""
