"""The footnotes pane and moving between markers and notes."""
