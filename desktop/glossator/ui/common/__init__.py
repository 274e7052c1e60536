"""Shared pieces every window package may use."""
