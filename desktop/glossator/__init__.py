"""Glossator: read reports beside their footnotes, annotate who says what, review as a team."""

__version__ = "0.1.0"
APP_NAME = "Glossator"
