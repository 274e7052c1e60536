"""The conformance suites from ../shared: a missing one skips locally and fails under CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_files import FORMATS, require


def test_a_missing_suite_skips_with_its_reason_outside_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"the suite is not at .*gone\.xsd"):
        require(tmp_path / "gone.xsd", "the suite")


@pytest.mark.parametrize("value", ["true", "1", "True"])
def test_a_missing_suite_fails_under_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match=r"gone\.xsd .*CI must provide it"):
        require(tmp_path / "gone.xsd", "the suite")


def test_a_present_file_is_returned_under_ci(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    (tmp_path / "here.xsd").write_text("<schema/>")
    assert require(tmp_path / "here.xsd", "the suite") == tmp_path / "here.xsd"


def test_the_suites_are_looked_for_beside_the_repository() -> None:
    assert Path(__file__).resolve().parents[1].parent / "shared" / "formats" == FORMATS
