"""Who may do what in a workspace: reviewer roles and the actions they allow.

Three roles, each allowing what the one before allows:

- **annotator**: annotates, edits, withdraws (rejects) and deletes their own annotations,
  comments on what they can see;
- **curator** (adjudicator): also edits and decides on everyone's annotations (accept,
  reject, dispute), settles disagreements, builds the final set (`export --final`), merges
  annotation sets and changes the library (import, re-import, rename, delete reports);
- **manager**: also edits the codebook (tags, speakers, targets, stance scale), the roles
  and the project switches (blind coding).

A workspace where nobody has a role lets everyone do everything (a single person's file
keeps working without any setting). Once roles are given, a reviewer without one is an
annotator. With **blind coding** on, annotators see only their own annotations until a
manager turns it off ("opens comparison"); curators and managers see everything.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ANNOTATOR = "annotator"
    CURATOR = "curator"
    MANAGER = "manager"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Role.ANNOTATOR: 1, Role.CURATOR: 2, Role.MANAGER: 3}

ROLE_NAMES = tuple(r.value for r in Role)


class Action(StrEnum):
    """What a command or a read asks to do."""

    ANNOTATE = "annotate"  # create, edit, withdraw or delete one's own annotations
    COMMENT = "comment"
    EDIT_OTHERS = "edit others' annotations"
    DECIDE = "decide on others' annotations"
    SETTLE = "settle and build the final set"
    LIBRARY = "change the library of reports"
    MERGE_SET = "merge an annotation set"
    SEE_ALL = "see everyone's annotations while blind coding is on"
    CODEBOOK = "edit the codebook"
    TEAM = "change roles and project settings"


_NEEDS = {
    Action.ANNOTATE: Role.ANNOTATOR,
    Action.COMMENT: Role.ANNOTATOR,
    Action.EDIT_OTHERS: Role.CURATOR,
    Action.DECIDE: Role.CURATOR,
    Action.SETTLE: Role.CURATOR,
    Action.LIBRARY: Role.CURATOR,
    Action.MERGE_SET: Role.CURATOR,
    Action.SEE_ALL: Role.CURATOR,
    Action.CODEBOOK: Role.MANAGER,
    Action.TEAM: Role.MANAGER,
}

_WHY = {
    Action.EDIT_OTHERS: "only a curator or a manager edits another reviewer's annotation",
    Action.DECIDE: "only a curator or a manager decides on another reviewer's annotation",
    Action.SETTLE: "only a curator or a manager settles and builds the final set",
    Action.LIBRARY: "only a curator or a manager changes the library of reports",
    Action.MERGE_SET: "only a curator or a manager merges an annotation set",
    Action.SEE_ALL: "blind coding is on: annotators see only their own annotations until "
    "a manager opens comparison",
    Action.CODEBOOK: "only a manager edits the codebook",
    Action.TEAM: "only a manager changes roles and project settings",
}


def parse_role(text: str) -> Role:
    """A role from its name (any case); ValueError naming the choices otherwise."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(
            f"Unknown role {text!r} (choose one of {', '.join(ROLE_NAMES)})"
        ) from None


def effective_role(role: str | None, roles_in_use: bool) -> Role | None:
    """The role that counts: None when nobody has a role (everyone may do everything),
    annotator for someone without one once roles are in use."""
    if not roles_in_use:
        return None
    return Role(role) if role in ROLE_NAMES else Role.ANNOTATOR


def allows(role: Role | None, action: Action) -> bool:
    return role is None or role.rank >= _NEEDS[action].rank


def refusal(role: Role | None, action: Action, who: str) -> str | None:
    """One sentence saying why `who` may not do `action` (None: allowed)."""
    if allows(role, action):
        return None
    assert role is not None
    article = "an" if role is Role.ANNOTATOR else "a"
    return f"{who} is {article} {role.value}; {_WHY[action]}"


def sees_everything(role: Role | None, blind: bool) -> bool:
    """Whether this role sees other reviewers' annotations now."""
    return not blind or allows(role, Action.SEE_ALL)
