"""The window's who-said-what actions: speaker and stance keys, suggestions, the codebook
editor and the who-said-what views, added to the Edit, Annotate and View menus."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from glossator.ui.common.menus import MenuHost


class AttributionActions:
    """Built on the window's actions: same construction, same menus, same shortcut sheet."""

    def __init__(self, actions: MenuHost) -> None:
        make = actions.make
        # Annotate
        self.focus_speaker = make("Choose spea&ker", "S",
                                  "Type the speaker of the selected highlight")
        self.add_stance = make("Add stanc&e", "T",
                               "Add a stance toward a target to the selected highlight")
        self.accept_suggestion = make("Acce&pt suggestion", "A",
                                      "Make the current suggestion an annotation")
        self.reject_suggestion = make("Re&ject suggestion", "R",
                                      "Reject the current suggestion; it is not proposed again")
        self.next_suggestion = make("Ne&xt suggestion", "Shift+N", "Go to the next suggestion")
        self.previous_suggestion = make("Previous s&uggestion", "Shift+P",
                                        "Go to the previous suggestion")
        # Edit
        self.codebook = make("Code&book…", "Ctrl+Shift+B",
                             "Edit tags, speakers, targets and the stance scale")
        # View
        self.speakers_in_report = make("S&peakers in this report", "Ctrl+Shift+W",
                                       "Who says what in the open report")
        self.stance_matrix = make("Stance &matrix", "Ctrl+Shift+M",
                                  "Stance counts of every speaker toward every target")
        self.focus_suggestions = make("Go to s&uggestions", "Ctrl+6",
                                      "Move the focus to the list of suggestions")
        self._add_to_menus(actions)

    def _add_to_menus(self, actions: MenuHost) -> None:
        placed = {
            "&Edit": [None, self.codebook],
            "&Annotate": [None, self.focus_speaker, self.add_stance, None,
                          self.accept_suggestion, self.reject_suggestion,
                          self.next_suggestion, self.previous_suggestion],
            "&View": [None, self.speakers_in_report, self.stance_matrix,
                      self.focus_suggestions],
        }
        bar = actions.window.menuBar()
        menus = {m.title(): m for m in bar.findChildren(QMenu)}
        for title, items in placed.items():
            menu = menus.get(title)
            if menu is None:
                continue
            for item in items:
                if item is None:
                    menu.addSeparator()
                else:
                    menu.addAction(item)
            for group_title, group in actions.menus:
                if group_title == title:
                    group.extend(i for i in items if isinstance(i, QAction))
