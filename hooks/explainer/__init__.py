"""The explainer's core: YAML in ``data/`` -> validated, typed records -> pages and files.

The flow is one way, and each step is a module of its own:

``yamlread``      bytes -> a tree of located nodes (line and column on every value), refusing
                  YAML's traps; ``yamlwalk``/``yamlhints`` say what went wrong, where, in our words
``fields``, ``structure``   field types: each converts, describes (JSON Schema) and exports itself
``kinds/``        one module per record kind: its class (fields declared once), its ``Kind``
``validate``, ``load``      nodes -> records and located problems; ``data/`` -> one ``Dataset``
``translations``, ``catalogues``   the records and pages in other languages (gettext PO)
``outputs``       every page and file a build publishes, and the navigation
``render/``       ``Dataset`` -> Markdown, one module per page kind, through ``Ctx`` (the
                  language's catalogue ``i18n``, links from ``urls``)
``shortcuts``, ``termlinks``   ``[[cite:…]]``/``[[event:…]]`` and glossary links in prose
``export``, ``cite``, ``feeds``, ``publish``   downloads, citations, Atom and TimelineJS

Nothing here imports MkDocs: ``hooks/explainer_hooks.py`` is the only place that does.
"""

from __future__ import annotations

# 2.0: events name places (ids of place records) instead of a free-text place; places, disclosures
# and link status are new.
SCHEMA_VERSION = "2.0"
