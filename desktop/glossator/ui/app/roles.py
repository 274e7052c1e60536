"""The window follows the acting reviewer's role: what they may not do is switched off,
with the reason as its tooltip (menus show tooltips), instead of being refused after the
fact. The services refuse the same things anyway (services/access.py); this only keeps the
window honest about it.

- the library (import, re-import) and merging annotation sets: curators and managers;
- deciding on everything shown, and on another's highlight: curators and managers;
- the codebook: managers;
- another reviewer's highlight (edit, adjust, delete; the inspector's fields): curators
  and managers; an annotator still reads it and may comment on it;
- settling and the final set live in their dialogs (agreement, export), which ask too.

Blind coding needs nothing here: the services give an annotator only their own
annotations. Everything is read again on a change of reviewer, of the selection, and of
the team (roles or blind coding, from this window or from others).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from glossator.core.permissions import Action, refusal
from glossator.services import Workspace
from glossator.services.access import Access
from glossator.ui.inspector.inspector import Inspector
from glossator.ui.review.panel import ReviewPanel
from glossator.ui.state import WindowState


def why_not(access: Access, action: Action) -> str | None:
    return refusal(access.role, action, access.who)


class WindowRoles:
    """Enables and explains the window's actions for the acting reviewer's role."""

    def __init__(self, state: WindowState, ws: Workspace, window: QMainWindow,
                 inspector: Inspector, review: ReviewPanel) -> None:
        self.state, self.ws, self.inspector, self.review = state, ws, inspector, review
        #: actions that need a role whatever is selected
        self.global_actions: list[tuple[QAction, Action]] = []
        #: actions on the selected highlight: another's needs this role
        self.selected_actions: list[tuple[QAction, Action]] = []
        self._tips: dict[int, str] = {}
        self._actions: dict[int, QAction] = {}
        for menu in window.menuBar().findChildren(QMenu):
            menu.setToolTipsVisible(True)
        state.selectionChanged.connect(lambda _id, _later: self.follow_selection())

    def needs(self, action: QAction, what: Action) -> None:
        self._remember(action)
        self.global_actions.append((action, what))

    def needs_for_others(self, action: QAction, what: Action) -> None:
        self._remember(action)
        self.selected_actions.append((action, what))

    def _remember(self, action: QAction) -> None:
        self._tips.setdefault(id(action), action.toolTip())
        self._actions[id(action)] = action

    def _set(self, action: QAction, reason: str | None) -> None:
        action.setEnabled(reason is None)
        tip = reason if reason is not None else self._tips.get(id(action), "")
        action.setToolTip(tip)
        action.setStatusTip(tip)

    def refresh(self) -> None:
        """Read the reviewer's standing again and apply it to every action."""
        access = self.ws.access()
        for action, what in self.global_actions:
            self._set(action, why_not(access, what))
        self.review.refuse_decisions_on_others(why_not(access, Action.DECIDE))
        self.follow_selection(access)

    def follow_selection(self, access: Access | None = None) -> None:
        access = access or self.ws.access()
        selected = self.state.annotation(self.state.selected)
        others = selected is not None and access.roles_in_use and \
            selected.author != access.who
        for action, what in self.selected_actions:
            self._set(action, why_not(access, what) if others else None)
        self.inspector.set_editable(why_not(access, Action.EDIT_OTHERS) if others else None)
