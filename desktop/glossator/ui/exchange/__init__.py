"""Export and import of annotation sets in the window."""
