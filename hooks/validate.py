"""Validate data/ (and the shortcuts in docs/) without building the site.

    python hooks/validate.py            # every problem as file:line:col: field: message
    python hooks/validate.py --github   # the same as GitHub Actions annotations

Exits 0 when the data is valid, 1 when it is not, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from explainer import catalogues, translations
from explainer.archives import unarchived_confirmed
from explainer.kinds import KINDS
from explainer.load import load_dataset
from explainer.model import Dataset
from explainer.problems import format_problems
from explainer.schema import kind_schema
from explainer.shortcuts import check_shortcuts


def editor_schemas() -> dict[str, str]:
    """schema/<kind>.schema.json: one per kind of data file, mapped to data/<kind>/*.yaml for editors."""
    return {f"{kind}.schema.json": json.dumps(kind_schema(kind), ensure_ascii=False, indent=1) + "\n" for kind in KINDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Validate the explainer's data without building.")
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(__file__).resolve().parent.parent,
        help="project folder (holds data/ and docs/)",
    )
    parser.add_argument("--github", action="store_true", help="print problems as GitHub Actions annotations as well")
    parser.add_argument("--warnings", action="store_true", help="list every source a warning is about")
    parser.add_argument(
        "--translations",
        action="store_true",
        help="report, per language and kind, what is translated, outdated, missing",
    )
    parser.add_argument(
        "--update-translations",
        action="store_true",
        help="rewrite data/translations/*/*.po from the English: new texts added, changed ones marked fuzzy",
    )
    parser.add_argument(
        "--write-schemas", action="store_true", help="rewrite schema/*.schema.json (for editors) from the schema"
    )
    args = parser.parse_args(argv)
    root: Path = args.root
    if args.write_schemas:
        for name, text in editor_schemas().items():
            (root / "schema" / name).parent.mkdir(exist_ok=True)
            (root / "schema" / name).write_text(text, encoding="utf-8")
            print(f"wrote schema/{name}")
        return 0
    dataset, problems = load_dataset(root / "data")
    if args.update_translations and not problems:
        return update_translations(root, dataset)
    docs = root / "docs"
    if docs.is_dir():
        for page in sorted(docs.rglob("*.md")):
            rel = page.relative_to(root).as_posix()
            problems += check_shortcuts(page.read_text(encoding="utf-8"), dataset, rel)
    units = [*translations.record_units(dataset), *translations.page_units(docs)]
    for lang in translations.LANGUAGES:
        problems += translations.check(catalogues.read_catalogues(root, lang), units)
    problems = sorted(set(problems))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        if args.github:
            for p in problems:
                print(p.github_annotation())
        return 1
    counts = ", ".join(f"{n} {kind}" for kind, n in dataset.counts().items())
    print(f"data/ is valid: {counts}")
    print_warnings(dataset, every=args.warnings)
    if args.translations:
        print_coverage(root, dataset)
    return 0


def update_translations(root: Path, dataset: Dataset) -> int:
    units = [*translations.record_units(dataset), *translations.page_units(root / "docs")]
    domains = sorted({u.domain for u in units})
    for lang in translations.LANGUAGES:
        old = catalogues.read_catalogues(root, lang)
        for domain in domains:
            path = catalogues.po_path(root, lang, domain)
            catalogues.write_catalogue(path, lang, [u for u in units if u.domain == domain], old)
            print(f"wrote {path.relative_to(root)}")
        ui = root / "hooks" / "explainer" / "locales" / lang / "LC_MESSAGES" / "explainer.po"
        catalogues.write_interface(ui, lang, catalogues.interface_messages(root / "hooks" / "explainer"))
        print(f"wrote {ui.relative_to(root)}")
    return 0


def print_coverage(root: Path, dataset: Dataset) -> None:
    """Per language and kind: translated, outdated and missing texts, as a table."""
    print(f"{'language':<9}{'kind':<10}{'translated':>11}{'outdated':>10}{'missing':>9}{'share':>8}")
    for lang in translations.LANGUAGES:
        cats = catalogues.read_catalogues(root, lang)
        for domain, c in sorted(translations.coverage(dataset, cats, root / "docs").items()):
            total = sum(c.values()) or 1
            share = f"{100 * c['translated'] / total:.0f}%"
            print(f"{lang:<9}{domain:<10}{c['translated']:>11}{c['outdated']:>10}{c['missing']:>9}{share:>8}")


def print_warnings(dataset: Dataset, *, every: bool) -> None:
    """Warnings never fail validation: they name work for tools/linkkeeper or an editor."""
    unarchived = unarchived_confirmed(dataset)
    if not unarchived:
        return
    print(
        f"warning: {len(unarchived)} sources cited by confirmed events have no archived copy "
        f"(archive_url); tools/linkkeeper adds them" + ("" if every else ": --warnings lists them"),
        file=sys.stderr,
    )
    if every:
        for s in unarchived:
            print(f"{s.origin.file}:{s.origin.line}: sources.{s.id}: warning: no archived copy", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
