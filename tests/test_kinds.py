"""The record kinds are declared once and everything else is derived from them: these
tests hold the derived parts to the declarations, for every registered kind."""

from __future__ import annotations

import dataclasses

import pytest
from badcases import AS_OF, MINI
from conftest import ROOT

from explainer.i18n import catalogue
from explainer.kinds import KINDS
from explainer.load import load_dataset
from explainer.outputs import NAV, all_pages, nav_pages
from explainer.render.context import Ctx
from explainer.schema import kind_schema
from explainer.shortcuts import check_shortcuts, expand_shortcuts
from explainer.structure import declared
from explainer.urls import link_target, page_of, permalink, public_path


@pytest.fixture(scope="module")
def dataset():
    ds, problems = load_dataset(MINI / "data", as_of=AS_OF)
    assert problems == []
    return ds


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_attribute_of_a_record_is_a_declared_data_field(name: str) -> None:
    """No record attribute escapes the schema (or the schema one of them): there is one list."""
    cls = KINDS[name].cls
    attributes = {f.name for f in dataclasses.fields(cls)} - {"origin"}
    assert attributes == {n for n, _ in declared(cls)}
    schema = kind_schema(name)["items"]
    assert list(schema["properties"]) == [n for n, _ in declared(cls)]
    required = {f.name for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING and f.name != "origin"}
    assert set(schema["required"]) == required


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_record_of_every_kind_is_published_at_its_url(dataset, name: str) -> None:
    pages = all_pages(dataset)
    for record in getattr(dataset, name):
        page, _, anchor = page_of(record, dataset).partition("#")
        assert page in pages, f"{name} {record.id}: no page {page}"
        if anchor:
            assert f"#{anchor}" in pages[page] or f'id="{anchor}"' in pages[page], f"{name} {record.id}"


def test_urls_are_language_aware(dataset) -> None:
    event = dataset.get("events", "2025-04-28-admission")
    assert link_target(event, dataset) == "/timeline.md#2025-04-28-admission"
    assert link_target(event, dataset, "ko") == "/ko/timeline.md#2025-04-28-admission"
    assert public_path(event, dataset, "uk") == "uk/timeline/#2025-04-28-admission"
    assert public_path("actors/index.md", dataset) == "actors/"
    assert public_path("index.md", dataset, "ru") == "ru/"
    assert permalink(event, dataset, "https://example.org/site/") == "https://example.org/site/timeline/#2025-04-28-admission"


def test_the_navigation_names_only_pages_that_exist(dataset, tmp_path) -> None:
    generated = set(all_pages(dataset))
    hand_written = {p.relative_to(MINI / "docs").as_posix() for p in (MINI / "docs").rglob("*.md")}
    assert nav_pages() <= generated | hand_written
    assert NAV[0][1] == "index.md"


@pytest.mark.parametrize(
    ("lang", "date", "one", "few", "many"),
    [
        ("en", "28 April 2025", "1 event", "2 events", "5 events"),
        ("ko", "2025년 4월 28일", "사건 1건", "사건 2건", "사건 5건"),
        ("uk", "28 квітня 2025\u202fр.", "1 подія", "2 події", "5 подій"),
        ("ru", "28 апреля 2025\u202fг.", "1 событие", "2 события", "5 событий"),
    ],
)
def test_dates_and_counts_follow_each_languages_rules(lang: str, date: str, one: str, few: str, many: str) -> None:
    from explainer.dates import PartialDate

    tr = catalogue(lang)
    assert tr.date(PartialDate(2025, 4, 28)) == date
    assert [tr.n_("{n} event", "{n} events", n) for n in (1, 2, 5)] == [one, few, many]
    assert tr.number(12000) in {"12,000", "12 000", "12\u00a0000", "12000"}


def test_counts_read_right_in_english(dataset) -> None:
    claims = all_pages(dataset)["claims.md"]
    assert "1 claim was checked (1 imprecise)" in claims
    assert "were checked" not in claims and "imprecises" not in claims


def test_record_shortcuts_link_wherever_the_record_is_published(dataset) -> None:
    text = "On [[event:2025-04-28-admission|28 April]] [[actor:north-korea]] spoke in [[place:pyongyang]]."
    out = expand_shortcuts(text, Ctx(dataset))
    assert "[28 April](/timeline.md#2025-04-28-admission)" in out
    assert "[North Korea](/actors/north-korea.md)" in out
    assert "[Pyongyang](/places/pyongyang.md)" in out
    assert check_shortcuts(text, dataset, "docs/x.md") == []
    bad = check_shortcuts("[[event:2025-04-28-admision]] [[figure:nope]]", dataset, "docs/x.md")
    assert [str(p) for p in bad] == [
        "docs/x.md:1:9: [[event:2025-04-28-admision]]: unknown event '2025-04-28-admision' "
        "(did you mean '2025-04-28-admission'?)",
        "docs/x.md:1:40: [[figure:nope]]: unknown figure 'nope'",
    ]


def test_a_place_page_lists_the_events_at_it_and_within_it(dataset) -> None:
    pages = all_pages(dataset)
    assert "North Korea admits the deployment" in pages["places/pyongyang.md"]
    assert "North Korea admits the deployment" in pages["places/north-korea-country.md"]
    assert '<span lang="ko">평양</span>' in pages["places/pyongyang.md"]


def test_the_languages_built_are_the_languages_translated() -> None:
    import yaml as pyyaml

    from explainer.languages import ALL
    from explainer.translations import LANGUAGES

    class Loader(pyyaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = pyyaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert tuple(config["extra"]["languages"]) == ALL
    assert ALL[1:] == LANGUAGES


def test_the_sites_words_in_mkdocs_yml_are_messages_of_the_catalogue() -> None:
    import yaml as pyyaml

    from explainer.outputs import COPYRIGHT, PALETTE_TOGGLES, SITE_DESCRIPTION, SITE_NAME

    class Loader(pyyaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = pyyaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert (config["site_name"], config["site_description"], config["copyright"]) == (
        SITE_NAME, SITE_DESCRIPTION, COPYRIGHT
    )
    assert tuple(s["toggle"]["name"] for s in config["theme"]["palette"]) == PALETTE_TOGGLES
