"""The explainer's core: YAML in ``data/`` -> validated, typed records -> pages and exports.

The flow is one way and each step is a module of its own:

``yamlread``  bytes -> a tree of located nodes (line and column on every value), with
              ``textscan`` (bad characters), ``yamlwalk`` (the parser's events),
              ``yamlhints`` (syntax errors explained at the mistake) and ``oversize``;
``schema``    the single description of every kind of record (also emitted as JSON Schema);
``validate``  located nodes -> typed records from ``model``, or located ``Problem``s;
``checks``    cross-record checks (duplicate ids, dangling references, dates);
``load``      the only module that reads files: ``data/`` -> one ``Dataset``;
``render``    ``Dataset`` -> Markdown pages, pure functions;
``shortcuts`` ``[[cite:...]]`` and ``[[term:...]]`` in hand-written pages;
``export``    ``Dataset`` -> dataset.json, events.csv, the schema.

Nothing here imports MkDocs: ``hooks/explainer_hooks.py`` is the only place that does.
"""

from __future__ import annotations

SCHEMA_VERSION = "1.0"
