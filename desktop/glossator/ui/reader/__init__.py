"""The report view: text, highlights, markers, offsets and geometry."""
