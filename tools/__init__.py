"""Maintenance programs for the project, run from the repository's root (``python -m tools.<name>``)."""
