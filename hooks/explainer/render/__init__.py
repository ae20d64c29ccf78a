"""Dataset -> Markdown pages (pure functions, no MkDocs)."""

from .pages import all_pages

__all__ = ["all_pages"]
