"""The open report's annotation table and the gestures that annotate."""
