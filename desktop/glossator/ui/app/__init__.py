"""The main window and what it is made of: menus, undo, settings, self-test."""
