"""Analysis across the library: passages, counts and co-occurrence, stance over time, memos,
and a report printed with its highlights."""
