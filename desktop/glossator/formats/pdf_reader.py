"""PDF reports: the text of a PDF with its footnotes linked and its pages known.

``read_pdf`` reads the file in a worker process under limits (``pdf_sandbox``); the
reading itself is ``pdf_extract``'s. See there for what is kept and how."""

from __future__ import annotations

from .pdf_result import PdfText
from .pdf_sandbox import DEFAULT_LIMITS, PdfLimits, read_pdf_isolated

__all__ = ["PdfLimits", "PdfText", "read_pdf"]

_limits = DEFAULT_LIMITS


def set_limits(limits: PdfLimits) -> PdfLimits:
    """Use ``limits`` for the PDFs read from now on; the limits before are returned."""
    global _limits
    before, _limits = _limits, limits
    return before


def read_pdf(data: bytes, name: str) -> PdfText:
    """The text of a PDF report; ``ImportRefused`` with a one-line reason."""
    return read_pdf_isolated(data, name, _limits)
