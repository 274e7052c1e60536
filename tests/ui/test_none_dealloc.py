"""Regression guard for PySide6 6.12.0 on Python 3.11: Qt methods returning None released
one reference to None per call, and the interpreter aborted ("none_dealloc") after a few
thousand calls. The report view makes such calls on every paint, so a bad pin would crash
the app minutes into a session. The calls run in a subprocess: an abort cannot take the
test run down with it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextLayout
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication([])
    edit = QPlainTextEdit()
    edit.setPlainText("alpha beta gamma\\n" * 50)
    doc = edit.document()
    cursor = QTextCursor(doc)
    fmt = QTextCharFormat()
    fmt.setFontUnderline(True)
    block = doc.firstBlock()
    layout = block.layout()
    fr = QTextLayout.FormatRange()
    fr.start, fr.length, fr.format = 0, 5, fmt
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        cursor.setPosition(i % 100)
        cursor.setPosition(i % 100 + 3, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
        cursor.clearSelection()
        block.setUserState(i)
        layout.setFormats([fr])
        edit.setTextCursor(cursor)
        edit.viewport().update()
    after = sys.getrefcount(None)
    print("refcount-drop", before - after)
    print("done")
    """
)


def test_none_returning_calls_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout
    drop = int(result.stdout.split("refcount-drop", 1)[1].split()[0])
    # Each leaking method would take CALLS references; a few stray ones are noise.
    assert drop < CALLS // 4, f"None lost {drop} references over {CALLS} calls"
