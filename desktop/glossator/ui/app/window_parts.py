"""Everything the assembled window is made of, imported together when it is assembled:
the services, the ORM behind them and every feature's widgets and controllers (see
`main_window._import_parts`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from glossator.services import Workspace
from glossator.services.values import AnnotationView, ImportOutcome, ReportDetail
from glossator.ui.analysis.actions import AnalysisActions
from glossator.ui.analysis.controller import AnalysisViews
from glossator.ui.annotations.table_model import AnnotationIdRole
from glossator.ui.app.accessible_names import name_controls
from glossator.ui.app.actions import KeyFallback, WindowActions
from glossator.ui.app.imports import WindowImports
from glossator.ui.app.layout import build_panes
from glossator.ui.app.look import Look
from glossator.ui.app.reviewer import ReviewerSwitch
from glossator.ui.app.side_panes import SidePanes
from glossator.ui.app.sync import ViewSync
from glossator.ui.app.window_memory import restore_window, save_window
from glossator.ui.attribution.actions import AttributionActions
from glossator.ui.attribution.controller import Attribution
from glossator.ui.attribution.suggestions import Suggestions
from glossator.ui.common import dialogs
from glossator.ui.common.after_paint import AfterPaint
from glossator.ui.common.undo import UndoController
from glossator.ui.exchange.actions import ExchangeActions
from glossator.ui.exchange.controller import Exchange, is_annotation_set
from glossator.ui.inspector.controller import InspectorFields
from glossator.ui.library.imports import ImportRunner, choose_files, choose_folder, dropped_paths
from glossator.ui.library.orphans import Orphans
from glossator.ui.library.reimport import Reimport
from glossator.ui.reader.editing import Editing
from glossator.ui.reader.navigation import Navigation, is_citation_key
from glossator.ui.review.actions import ReviewActions
from glossator.ui.review.controller import ReviewWorkflow
from glossator.ui.state import WindowState

PARTS: dict[str, Any] = {
    "Qt": Qt,
    "AnnotationView": AnnotationView,
    "ImportOutcome": ImportOutcome,
    "ReportDetail": ReportDetail,
    "KeyFallback": KeyFallback,
    "WindowActions": WindowActions,
    "WindowImports": WindowImports,
    "build_panes": build_panes,
    "ReviewerSwitch": ReviewerSwitch,
    "ViewSync": ViewSync,
    "restore_window": restore_window,
    "save_window": save_window,
    "AttributionActions": AttributionActions,
    "Attribution": Attribution,
    "Suggestions": Suggestions,
    "dialogs": dialogs,
    "AfterPaint": AfterPaint,
    "UndoController": UndoController,
    "InspectorFields": InspectorFields,
    "ImportRunner": ImportRunner,
    "choose_files": choose_files,
    "choose_folder": choose_folder,
    "dropped_paths": dropped_paths,
    "Reimport": Reimport,
    "Editing": Editing,
    "Navigation": Navigation,
    "is_citation_key": is_citation_key,
    "ReviewActions": ReviewActions,
    "ReviewWorkflow": ReviewWorkflow,
    "WindowState": WindowState,
    "Workspace": Workspace,
    "AnalysisActions": AnalysisActions,
    "AnalysisViews": AnalysisViews,
    "AnnotationIdRole": AnnotationIdRole,
    "name_controls": name_controls,
    "Look": Look,
    "SidePanes": SidePanes,
    "ExchangeActions": ExchangeActions,
    "Exchange": Exchange,
    "is_annotation_set": is_annotation_set,
    "Orphans": Orphans,
}
