"""Agreement read from the workspace, disagreements settled one undo step each, and the
final set exported in every format."""

from __future__ import annotations

import pytest

from glossator.formats.registry import EXPORTERS
from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.exchange import build_set, export_annotations
from glossator.services.review_settle import settle_agreed, settle_disagreement
from tests.conftest import SEED_REPORT


@pytest.fixture
def coded(ws: Workspace):
    (outcome,) = ws.import_paths([SEED_REPORT])
    rid = outcome.report_id
    assert rid is not None
    tag = ws.tags()[0].id
    made: dict[str, str] = {}
    for who, key, start, end in (
        ("ana", "shared_a", 100, 140),
        ("ben", "shared_b", 102, 140),
        ("ana", "only_a", 300, 340),
        ("ben", "only_b", 500, 520),
    ):
        ws.set_reviewer(who)
        command = AddAnnotation(rid, start, end, tag_ids=[tag])
        ws.run(command)
        made[key] = command.uuid
    return rid, made


def status(ws: Workspace, uuid: str) -> str:
    found = ws.annotation(uuid)
    assert found is not None
    return found.status


def test_agreement_from_the_workspace(ws, coded):
    rid, made = coded
    result = ws.agreement(["ana", "ben"], [rid])
    length = len(ws.report(rid).text)
    (tag,) = result.tags
    assert tag.units == length and tag.coded == (80, 58)
    assert (tag.spans_a, tag.spans_b, tag.matched) == (2, 2, 1)
    assert tag.f1 == pytest.approx(0.5)
    assert [(d.kind, d.start) for d in result.disagreements] == [("only A", 300), ("only B", 500)]
    assert result.matches[0][0].id == made["shared_a"]
    assert ws.agreement(["ana", "ben"]).reports == (rid,)  # default: the reports they coded
    with pytest.raises(CommandError, match="two reviewers"):
        ws.agreement(["ana"])


def test_each_settlement_is_one_undo_step_and_the_final_set_is_what_was_kept(ws, coded, tmp_path):
    rid, made = coded
    ws.set_reviewer("cleo")  # a third reviewer settles
    only_a, only_b = ws.agreement(["ana", "ben"], [rid]).disagreements
    keep_a = settle_disagreement(only_a, "a", "ana is right")
    ws.run(keep_a)
    drop_b = settle_disagreement(only_b, "none")
    ws.run(drop_b)
    agreed = settle_agreed(ws.agreement(["ana", "ben"], [rid]).matches, ws.reviewer)
    ws.run(agreed)
    assert {k: status(ws, u) for k, u in made.items()} == {
        "shared_a": "accepted",
        "shared_b": "rejected",
        "only_a": "accepted",
        "only_b": "rejected",
    }
    final = build_set(ws, statuses=["accepted"])
    assert sorted(a.uuid for a in final.annotations) == sorted([made["shared_a"], made["only_a"]])
    for name, exporter in EXPORTERS.items():
        if exporter.needs_annotations:
            written = export_annotations(ws, name, tmp_path / f"final{exporter.suffix}",
                                         statuses=["accepted"])
            assert len(written.annotations) == 2, name
    ws.revert(agreed)
    assert (status(ws, made["shared_a"]), status(ws, made["shared_b"])) == ("proposed",) * 2
    ws.revert(drop_b)
    assert status(ws, made["only_b"]) == "proposed"
    assert status(ws, made["only_a"]) == "accepted"


def test_a_settler_never_accepts_their_own_side(ws, coded):
    rid, made = coded
    ws.set_reviewer("ana")
    only_a, _only_b = ws.agreement(["ana", "ben"], [rid]).disagreements
    with pytest.raises(CommandError, match="own annotation"):
        ws.run(settle_disagreement(only_a, "a"))
    assert status(ws, made["only_a"]) == "proposed"
    ws.run(settle_agreed(ws.agreement(["ana", "ben"], [rid]).matches, "ana"))
    assert status(ws, made["shared_b"]) == "accepted"  # ben's copy kept, ana's rejected
    assert status(ws, made["shared_a"]) == "rejected"
