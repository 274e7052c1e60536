"""Our JSON-LD export against every MUST assertion of the W3C Web Annotation test suite
(`shared/formats/w3c/web-annotation-tests`, beside the repository).

The suite's `annotationMusts.test`, `collectionMusts.test` and `pageMusts.test` list JSON
Schema (draft-04) assertions; each exported annotation must satisfy every annotation MUST,
and the collection (with its embedded first page) every collection and page MUST. `uri`
and `date-time` formats are checked strictly here (RFC 3986 / RFC 3339), since jsonschema
ignores formats it has no checker for. The suite's own samples guard the harness: the
incorrect ones must fail at least one MUST.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing.jsonschema  # the DRAFT4 specification

from glossator.formats.w3c import write_w3c
from tests.formats.test_jsonl import sample_set
from tests.shared_files import FORMATS, require

SUITE = FORMATS / "w3c" / "web-annotation-tests"


@pytest.fixture(autouse=True)
def _suite_present() -> None:
    """Skipped without the suite locally; failed without it under CI (tests/shared_files)."""
    require(SUITE / "annotations" / "annotationMusts.test", "the W3C Web Annotation test suite")

_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _checker() -> Any:
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("uri")
    def _uri(value: object) -> bool:
        return not isinstance(value, str) or bool(_URI.match(value))

    @checker.checks("date-time")
    def _date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _DATE_TIME.match(value):
            return False
        dt.datetime.fromisoformat(value)
        return True

    return checker


def _registry() -> Any:
    resources = []
    for path in sorted((SUITE / "definitions").glob("*.json")):
        schema = json.loads(path.read_text("utf-8"))
        resource = referencing.Resource.from_contents(
            schema, default_specification=referencing.jsonschema.DRAFT4
        )
        resources.append((schema["id"], resource))
    return referencing.Registry().with_resources(resources)


def musts(test_file: str) -> list[tuple[str, Any]]:
    """(assertion file, validator) for each MUST assertion listed by a .test file."""
    listing = json.loads((SUITE / test_file).read_text("utf-8"))
    registry, checker = _registry(), _checker()
    out = []
    for name in listing["assertions"]:
        schema = json.loads((SUITE / name).read_text("utf-8"))
        if schema.get("assertionType") != "must":
            continue
        validator = jsonschema.Draft4Validator(schema, registry=registry, format_checker=checker)
        out.append((name, validator))
    return out


def failures(document: Any, validators: list[tuple[str, Any]]) -> list[str]:
    failed = []
    for name, validator in validators:
        errors = list(validator.iter_errors(document))
        expected_valid = json.loads((SUITE / name).read_text("utf-8"))["expectedResult"] == "valid"
        if bool(errors) == expected_valid:
            failed.append(f"{name}: {errors[0].message if errors else 'unexpectedly valid'}")
    return failed


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("w3c") / "set.jsonld"
    write_w3c(sample_set(), path)
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


def test_the_suite_lists_its_musts() -> None:
    counts = {
        f: len(musts(f))
        for f in (
            "annotations/annotationMusts.test",
            "collections/collectionMusts.test",
            "collections/pages/pageMusts.test",
        )
    }
    assert counts == {
        "annotations/annotationMusts.test": 54,
        "collections/collectionMusts.test": 10,
        "collections/pages/pageMusts.test": 15,
    }


def test_every_annotation_passes_every_annotation_must(exported: dict[str, Any]) -> None:
    validators = musts("annotations/annotationMusts.test")
    items = exported["first"]["items"]
    assert len(items) == 3
    for item in items:
        assert failures(item, validators) == [], item["id"]


def test_the_collection_passes_every_collection_and_page_must(exported: dict[str, Any]) -> None:
    assert failures(exported, musts("collections/collectionMusts.test")) == []
    assert failures(exported, musts("collections/pages/pageMusts.test")) == []


def test_an_empty_collection_passes_too(tmp_path: Path) -> None:
    from glossator.core.exchange import ExchangeSet

    path = tmp_path / "empty.jsonld"
    write_w3c(ExchangeSet(), path)
    document = json.loads(path.read_text("utf-8"))
    assert document["total"] == 0 and document["first"]["items"] == []
    assert failures(document, musts("collections/collectionMusts.test")) == []
    assert failures(document, musts("collections/pages/pageMusts.test")) == []


def test_the_harness_rejects_the_suites_incorrect_samples() -> None:
    validators = musts("annotations/annotationMusts.test")
    samples = sorted((SUITE / "tools" / "samples" / "incorrect").glob("*.json"))
    assert samples
    caught = 0
    for path in samples:
        try:
            document = json.loads(path.read_text("utf-8"))
        except ValueError:
            caught += 1  # not even JSON
            continue
        if failures(document, validators):
            caught += 1
    assert caught == len(samples)


def test_a_broken_annotation_fails_named_musts(exported: dict[str, Any]) -> None:
    validators = musts("annotations/annotationMusts.test")
    item = dict(exported["first"]["items"][0])
    item["@context"] = "http://example.org/other.jsonld"
    item["created"] = "1 March 2026"
    item["target"] = dict(item["target"], selector=[{"type": "TextPositionSelector", "start": -1}])
    failed = " ".join(failures(item, validators))
    assert "3.1-annotationContextValidated" in failed
    assert "3.3.1-annotationCreatedValidated" in failed
    assert "4.2-selectorValidIfPresent" in failed
