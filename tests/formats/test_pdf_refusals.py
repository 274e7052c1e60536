"""PDFs Glossator will not read, each refused with a one-line reason, and hostile PDFs
read under limits: encrypted, image-only, damaged, too long, too slow, too big in memory;
scripts and attached files never read."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

import pytest
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from glossator.formats import pdf_reader
from glossator.formats.errors import ImportRefused
from glossator.formats.pdf_reader import PdfLimits
from glossator.formats.reports import read_report
from tests.formats import pdf_raw
from tests.formats.pdf_builder import Book


def _refusal(data: bytes, name: str = "report.pdf") -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        read_report(data, name)
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.fixture
def limits() -> Iterator[object]:
    """Set the PDF reader's limits for one test."""
    before = pdf_reader.set_limits(pdf_reader.DEFAULT_LIMITS)

    def use(**changes: object) -> None:
        pdf_reader.set_limits(PdfLimits(**{**_fields(before), **changes}))  # type: ignore[arg-type]

    yield use
    pdf_reader.set_limits(before)


def _fields(limits: PdfLimits) -> dict[str, object]:
    return {name: getattr(limits, name) for name in PdfLimits.__slots__}


def _book(pages: int = 1) -> Book:
    book = Book()
    for n in range(pages):
        book.page().para(f"Text of page {n + 1} of a report on the harbour closure.")
    return book


def test_a_pdf_that_needs_a_password_is_refused():
    data = _book().pdf(encrypt=StandardEncryption("secret", "owner"))
    refused = _refusal(data)
    assert "needs a password" in refused.reason


def test_a_pdf_whose_settings_forbid_copying_its_text_is_refused():
    data = _book().pdf(encrypt=StandardEncryption("", "owner", canCopy=0))
    assert "forbid copying" in _refusal(data).reason


def test_a_pdf_encrypted_without_a_password_to_open_reads_as_any_viewer_shows_it():
    data = _book().pdf(encrypt=StandardEncryption("", "owner", canPrint=0))
    assert read_report(data, "r.pdf").text == "Text of page 1 of a report on the harbour closure."


def test_a_scan_without_a_text_layer_is_refused_with_the_advice_to_run_ocr():
    out = io.BytesIO()
    canvas = Canvas(out)
    picture = io.BytesIO()
    Image.new("L", (120, 160), 200).save(picture, "PNG")
    for _ in range(2):
        canvas.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 72, 200, 400, 500)
        canvas.showPage()
    canvas.save()
    refused = _refusal(out.getvalue())
    assert "no text layer" in refused.reason and "OCR" in refused.reason


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\nthis is not a PDF at all, only its first line is\n",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        pdf_raw.one_page(b"")[:20],
    ],
    ids=["garbage", "no-pages", "truncated"],
)
def test_a_damaged_pdf_is_refused(data: bytes):
    refused = _refusal(data)
    assert "damaged" in refused.reason or "no readable text" in refused.reason


def test_a_pdf_over_the_page_limit_is_refused_before_its_pages_are_read(limits):
    limits(max_pages=3)
    refused = _refusal(_book(pages=5).pdf())
    assert refused.reason == "too many pages (5; the limit is 3)"


def test_a_pdf_whose_drawings_nest_without_end_is_stopped_at_its_time_limit(limits):
    """Form F0 draws F1 ten times, F1 draws F2 ten times ... nine levels: 10^9 drawings."""
    limits(seconds=2.0, seconds_per_page=0.0)
    forms = []
    for level in range(9):
        ref = b"/Resources << /XObject << /X %d 0 R >> >>" % (7 + level) if level < 8 else b""
        body = b"/X Do " * 10 if level < 8 else b"BT /F1 9 Tf (x) Tj ET"
        forms.append(pdf_raw.stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 9 9] " + ref))
    data = pdf_raw.one_page(
        b"/X Do", resources=b"<< /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >>", more=forms
    )
    refused = _refusal(data)
    assert "took longer than its time limit (2 s)" in refused.reason


def _inflating(megabytes: int) -> bytes:
    squeeze = zlib.compressobj(1)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(squeeze.compress(chunk) for _ in range(megabytes)) + squeeze.flush()
    return pdf_raw.pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
        + b"\nendstream",
    ])


def test_a_stream_that_inflates_past_the_memory_limit_is_refused(limits):
    limits(memory=512 * 1024 * 1024)
    refused = _refusal(_inflating(700))
    assert "needs more memory than its limit (512 MB)" in refused.reason


def test_scripts_and_attached_files_are_never_read():
    script = b"<< /Type /Action /S /JavaScript /JS (app.alert\\('SECRET SCRIPT'\\)) >>"
    attachment = pdf_raw.stream(b"SECRET ATTACHMENT", b" /Type /EmbeddedFile")
    spec = b"<< /Type /Filespec /F (notes.txt) /EF << /F 7 0 R >> >>"
    data = pdf_raw.one_page(
        pdf_raw.text("The visible text of the report."),
        catalog_extra=b" /OpenAction 6 0 R /Names << /EmbeddedFiles << /Names [(notes.txt) 8 0 R]"
        b" >> /JavaScript << /Names [(js) 6 0 R] >> >>",
        more=[script, attachment, spec],
    )
    report = read_report(data, "scripted.pdf")
    assert report.text == "The visible text of the report."
