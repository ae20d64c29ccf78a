"""Unit tests of the core: dates, the YAML reader, inert text, the schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from badcases import AS_OF, MINI

from explainer.dates import DateError, PartialDate, parse_date
from explainer.export import dataset_json
from explainer.load import load_dataset
from explainer.schema import json_schema
from explainer.text import inert, md_url
from explainer.yamlread import Map, ReadError, Scalar, Seq, read_yaml


@pytest.mark.parametrize(
    ("text", "iso", "human", "precision"),
    [
        ("2025-04-28", "2025-04-28", "28 April 2025", "day"),
        ("2025-04", "2025-04", "April 2025", "month"),
        ("2025", "2025", "2025", "year"),
        ("2024-02-29", "2024-02-29", "29 February 2024", "day"),
    ],
)
def test_dates_keep_their_precision(text: str, iso: str, human: str, precision: str) -> None:
    d = parse_date(text)
    assert (d.iso(), d.human(), d.precision) == (iso, human, precision)


@pytest.mark.parametrize("text", ["2025-02-29", "2025-13", "2025-00", "2025-04-31", "1899", "25-04-28", "2025/04/28", ""])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_a_month_sorts_before_its_days_and_after_the_previous_month() -> None:
    assert PartialDate(2025, 3, 31) < PartialDate(2025, 4) < PartialDate(2025, 4, 1) < PartialDate(2025, 5)
    assert PartialDate(2025) < PartialDate(2025, 1)


def test_reader_keeps_text_as_written_and_marks_every_value() -> None:
    node = read_yaml(b"- id: x\n  language: no\n  value: 012000\n  time: 1:20\n", "f.yaml", "events")
    assert isinstance(node, Seq)
    item = node.items[0]
    assert isinstance(item, Map)
    values = {k: v.text for k, (_, v) in item.items.items() if isinstance(v, Scalar)}
    assert values == {"id": "x", "language": "no", "value": "012000", "time": "1:20"}
    assert (item.items["value"][1].mark.line, item.items["value"][1].mark.col) == (3, 10)


def test_reader_accepts_a_byte_order_mark() -> None:
    node = read_yaml("\ufeff- id: x\n".encode(), "f.yaml")
    assert isinstance(node, Seq) and node.items[0].items["id"][1].mark.line == 1


def test_reader_refuses_aliases_even_without_anchors_in_scope() -> None:
    with pytest.raises(ReadError, match="anchors"):
        read_yaml(b"- &a {id: x}\n- *a\n", "f.yaml")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", "&#60;script&#62;alert(1)&#60;/script&#62;"),
        ("[x](javascript:alert(1))", "&#91;x&#93;(javascript:alert(1))"),
        ("{: onclick=alert(1) }", "&#123;: onclick=alert(1) &#125;"),
        ("- item", "&#45; item"),
        ("1. item", "1&#46; item"),
        ("a *b* _c_ `d`", "a &#42;b&#42; &#95;c&#95; &#96;d&#96;"),
        ("North Korea's 11th Corps: 1,500 troops.", "North Korea's 11th Corps: 1,500 troops."),
    ],
)
def test_inert_text_has_no_markdown_or_html_syntax_left(text: str, shown: str) -> None:
    assert inert(text) == shown


def test_md_url_percent_encodes_what_would_end_a_link() -> None:
    assert md_url("https://example.org/a_(b)?q=\"x\"") == "https://example.org/a_%28b%29?q=%22x%22"


def test_published_schema_accepts_the_exported_records() -> None:
    """The JSON Schema and the validator are one description: exported records fit the schema."""
    dataset, problems = load_dataset(MINI / "data", as_of=AS_OF)
    assert problems == []
    schema = json_schema()
    doc = json.loads(dataset_json(dataset))
    for kind in ("events", "actors", "sources", "terms", "figures", "claims"):
        sub = {**schema, "$ref": f"#/$defs/{kind}"}
        for record in doc[kind]:
            record = {k: v for k, v in record.items() if k != "origin"}
            jsonschema.validate(record, sub)


def test_published_schema_rejects_an_unknown_field() -> None:
    schema = {**json_schema(), "$ref": "#/$defs/terms"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "term": "X", "definition": "d", "sources": ["s"], "colour": "red"}, schema)


def test_editor_schemas_are_up_to_date() -> None:
    """schema/*.schema.json are generated; run `python hooks/validate.py --write-schemas` after a schema change."""
    from pathlib import Path

    from validate import editor_schemas

    root = Path(__file__).resolve().parent.parent
    for name, text in editor_schemas().items():
        assert (root / "schema" / name).read_text(encoding="utf-8") == text, name


def test_editor_settings_map_each_schema_to_its_files() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    settings = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for kind in ("events", "sources", "actors", "terms", "figures", "claims"):
        assert settings["yaml.schemas"][f"./schema/{kind}.schema.json"] == f"data/{kind}/*.yaml"


def test_tidy_repairs_only_what_the_validator_rejects() -> None:
    from explainer.htmlfix import tidy

    page = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_8" id="__nav_8_label" tabindex="">'
        '<label class="md-nav__title" for="__toc">'
        '<a class="footnote-backref" href="#fnref:1" title="">&#8617;</a><abbr title="">x</abbr>'
        '<a\nhref="#a" title="">a</a> title="" <a href="#b" title="b">b</a>'
    )
    assert tidy(page) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_8" id="__nav_8_label">'
        '<label class="md-nav__title">'
        '<a class="footnote-backref" href="#fnref:1">&#8617;</a><abbr title="">x</abbr>'
        '<a\nhref="#a">a</a> title="" <a href="#b" title="b">b</a>'
    )
    with_toc = '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert tidy(with_toc) == with_toc
