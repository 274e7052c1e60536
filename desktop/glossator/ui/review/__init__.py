"""Reviewing: decisions and threads, the author and status filters, agreement."""
