"""Minimal Word documents written by hand (zipfile + OOXML), for the DOCX reader tests.

Only what Word itself needs to open the file: ``[Content_Types].xml``, the package and
document relationships, ``word/document.xml`` and, when given, footnotes, endnotes,
styles, numbering and ``docProps/core.xml``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_NS = f'xmlns:w="{W}"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# An XML bomb ("billion laughs"): ten levels of entities, each ten times the one before.
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + "]>\n"
)


def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def r(text: str = "", inner: str = "", props: str = "") -> str:
    """A run: properties, then raw inner XML, then the text."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{inner}{t(text) if text else ''}</w:r>"


def p(*runs: str, style: str | None = None, ppr: str = "") -> str:
    """A paragraph; plain strings that are not XML become runs."""
    body = "".join(run if run.startswith("<") else r(run) for run in runs)
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = f"<w:pPr>{style_xml}{ppr}</w:pPr>" if style_xml or ppr else ""
    return f"<w:p>{props}{body}</w:p>"


def fn_ref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'  # noqa: E501


def en_ref(note_id: int) -> str:
    return f'<w:r><w:endnoteReference w:id="{note_id}"/></w:r>'


def table(*rows: list[str]) -> str:
    cells = "".join(
        "<w:tr>"
        + "".join(f"<w:tc><w:tcPr/>{c if c.startswith('<') else p(c)}</w:tc>" for c in row)
        + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{cells}</w:tbl>"


def notes(kind: str, items: dict[int, str]) -> str:
    """A footnotes or endnotes part with Word's two separator notes and ``items``."""
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{text}</w:p></w:{kind}>'
        for i, text in items.items()
    )
    return f"{_DECL}<w:{kind}s {_NS}>{separators}{body}</w:{kind}s>"


STYLES = (
    f"{_DECL}<w:styles {_NS}>"
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>'
    "</w:styles>"
)


def core(title: str) -> str:
    return (
        f'{_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-02T03:04:05Z</dcterms:created>'
        "</cp:coreProperties>"
    )


def document(body: str, root_attrs: str = "") -> str:
    return f"{_DECL}<w:document {_NS}{root_attrs}><w:body>{body}<w:sectPr/></w:body></w:document>"


def build_docx(
    body: str = "",
    *,
    footnotes: dict[int, str] | None = None,
    endnotes: dict[int, str] | None = None,
    title: str | None = None,
    numbering: str | None = None,
    document_xml: str | None = None,
    extra: dict[str, bytes | str] | None = None,
) -> bytes:
    """The bytes of a ``.docx`` holding ``body`` (the XML inside ``<w:body>``)."""
    parts: dict[str, bytes | str] = {
        "word/document.xml": document_xml if document_xml is not None else document(body),
        "word/styles.xml": STYLES,
    }
    types = [("/word/document.xml", f"{_WML}.document.main+xml")]
    rels = [("styles", "styles.xml")]
    if footnotes is not None:
        parts["word/footnotes.xml"] = notes("footnote", footnotes)
        rels.append(("footnotes", "footnotes.xml"))
    if endnotes is not None:
        parts["word/endnotes.xml"] = notes("endnote", endnotes)
        rels.append(("endnotes", "endnotes.xml"))
    if numbering is not None:
        parts["word/numbering.xml"] = f"{_DECL}<w:numbering {_NS}>{numbering}</w:numbering>"
        rels.append(("numbering", "numbering.xml"))
    package_rels = [(f"{_REL}/officeDocument", "word/document.xml")]
    if title is not None:
        parts["docProps/core.xml"] = core(title)
        package_rels.append(
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "core-properties", "docProps/core.xml")
        )  # fmt: skip
    parts["[Content_Types].xml"] = (
        f'{_DECL}<Types xmlns="{_CT}"><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in types)
        + "</Types>"
    )
    parts["_rels/.rels"] = _rels(package_rels)
    parts["word/_rels/document.xml.rels"] = _rels((f"{_REL}/{k}", v) for k, v in rels)
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return out.getvalue()


def _rels(items: Iterable[tuple[str, str]]) -> str:
    rows = "".join(
        f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(items, start=1)
    )
    return f'{_DECL}<Relationships xmlns="{_PKG_REL}">{rows}</Relationships>'


def zip_entries(entries: dict[str, bytes]) -> bytes:
    """A zip archive of ``entries``, whatever they are."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()
