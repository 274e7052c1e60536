"""The reports list, its search, importing and re-importing reports."""
