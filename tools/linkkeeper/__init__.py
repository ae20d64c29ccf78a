"""The link keeper: checks every source's URL, finds or makes an archived copy, and writes
what it learned into ``data/sources/*.yaml`` (``archive_url`` and ``link_status``).

    python -m tools.linkkeeper --contact https://github.com/owner/repo     # every source
    python -m tools.linkkeeper --only some-source-id --dry-run              # one, printing the diff

Modules: ``net`` (the polite HTTP client), ``check`` (a URL -> live, redirected, gone,
blocked, server-error, timeout, dns-failure or error), ``wayback`` (the Internet Archive's
availability API and Save Page Now), ``state`` (a check + what was known -> the new
link_status; dead only after two failures a week apart), ``yamledit`` (line edits that keep
every other byte of a file) and ``keeper`` (the run). Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The pure core (hooks/explainer) reads and validates the YAML; it lives beside mkdocs' hooks.
_HOOKS = str(Path(__file__).resolve().parents[2] / "hooks")
if _HOOKS not in sys.path:
    sys.path.insert(0, _HOOKS)
