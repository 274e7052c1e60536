"""Who said what: speakers in a report, the stance matrix, suggestions."""
