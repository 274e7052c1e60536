"""The window as one of a team: others' changes followed live (follow_others.py), steps
refused by someone else's change settled in a dialog (conflicts.py), and the actions the
reviewer's role allows (roles.py). Assembled last, on the finished window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossator.core.permissions import Action
from glossator.services import Change
from glossator.ui.app.conflicts import ConflictResolver
from glossator.ui.app.follow_others import FollowOthers
from glossator.ui.app.roles import WindowRoles

if TYPE_CHECKING:
    from glossator.ui.app.main_window import MainWindow


class TeamWindow:
    def __init__(self, window: MainWindow) -> None:
        self.window = w = window
        say = w.statusBar().showMessage
        self.roles = WindowRoles(w.state, w.ws, w, w.inspector, w.panes.review_panel)
        self.follow = FollowOthers(w.ws, w.sync, w.panes, w, self.team_changed, say)
        self.conflicts = ConflictResolver(w.state, w.ws, w.undo, w, self.follow.poll_now, say)
        a, r = w.menu_actions, self.roles
        assert w.attribution.actions is not None
        for action, what in (
            (a.import_files, Action.LIBRARY), (a.import_folder, Action.LIBRARY),
            (a.reimport, Action.LIBRARY), (w.exchange_actions.import_sets, Action.MERGE_SET),
            (w.attribution.actions.codebook, Action.CODEBOOK),
            (w.review.actions.accept_shown, Action.DECIDE),
            (w.review.actions.reject_shown, Action.DECIDE),
        ):
            r.needs(action, what)
        for action, what in (
            (a.delete, Action.EDIT_OTHERS), (a.edit_note, Action.EDIT_OTHERS),
            (a.span_to_selection, Action.EDIT_OTHERS),
            (w.review.actions.accept, Action.DECIDE), (w.review.actions.reject, Action.DECIDE),
            (w.review.actions.dispute, Action.DECIDE),
        ):
            r.needs_for_others(action, what)
        a.switch_reviewer.triggered.connect(lambda: r.refresh())
        w.reviewer_button.clicked.connect(lambda: r.refresh())
        r.refresh()
        self.follow.start()

    def team_changed(self) -> None:
        """Roles or blind coding changed (here or elsewhere): the actions, and which
        annotations of the open report this reviewer sees."""
        self.roles.refresh()
        w = self.window
        report_id = w.state.report_id
        if report_id is None:
            return
        w.sync.complete()
        fresh = {a.id: a for a in w.ws.annotations(report_id)}
        shown = w.state.annotations
        removed = frozenset(set(shown) - set(fresh))
        added = frozenset(set(fresh) - set(shown))
        if removed or added:
            w.sync.apply_annotations(Change("", frozenset({report_id}), frozenset(),
                                            added, removed, views=tuple(fresh[u] for u in added)))
            w.sync.flush_table()

    def stop(self) -> None:
        self.follow.stop()
