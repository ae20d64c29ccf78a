"""Dataset -> Markdown pages: one module per page kind, pure functions of a ``Ctx``."""
