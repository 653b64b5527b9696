"""The project's declarations in mkdocs.yml, read by the core as MkDocs reads the file: ``!ENV`` and ``INHERIT``
work as in MkDocs, checked against MkDocs' own loader (``mkdocs.utils.yaml.yaml_load``) on the same files."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from generator.project import Project, Settings, read_settings, settings_of

PLUGIN = """plugins:
  - search
  - bulletin:
{options}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def as_mkdocs_reads_it(config_file: Path) -> Settings:
    with open(config_file, "rb") as handle:
        return settings_of(yaml_load(handle))


@pytest.mark.parametrize("value, env, expected", [
    ("!ENV BULETIN_TERBATAS", {"BULETIN_TERBATAS": "../rahasia"}, "../rahasia"),
    ("!ENV BULETIN_TERBATAS", {}, None),
    ("!ENV [BULETIN_TERBATAS, ../cadangan]", {}, "../cadangan"),
    ("!ENV [BULETIN_TIDAK_ADA, BULETIN_TERBATAS, ../cadangan]", {"BULETIN_TERBATAS": "../rahasia"}, "../rahasia"),
])
def test_env_tag_names_the_restricted_tree(tmp_path, monkeypatch, value, env, expected):
    for name in ("BULETIN_TERBATAS", "BULETIN_TIDAK_ADA"):
        monkeypatch.delenv(name, raising=False)
    for name, text in env.items():
        monkeypatch.setenv(name, text)
    config = write(tmp_path, "mkdocs.yml", "site_name: Uji\n" + PLUGIN.format(options=f"      terbatas: {value}"))
    assert read_settings(config).restricted == expected
    assert read_settings(config) == as_mkdocs_reads_it(config)


def test_inherit_takes_the_parents_declarations_and_the_child_wins(tmp_path):
    base = tmp_path / "bersama"
    base.mkdir()
    write(base, "dasar.yml", "repo_url: https://github.com/kab-contoh/buletin\n"
                             + PLUGIN.format(options="      repositori: privat\n      terbatas: ../terbatas"))
    config = write(tmp_path, "mkdocs.yml", "INHERIT: bersama/dasar.yml\nsite_name: Uji\n")
    assert read_settings(config) == Settings(False, "../terbatas", "kab-contoh/buletin")
    assert read_settings(config) == as_mkdocs_reads_it(config)
    child = write(tmp_path, "mkdocs.yml", "INHERIT: bersama/dasar.yml\nrepo_url: https://github.com/kab-lain/b.git\n")
    assert read_settings(child) == Settings(False, "../terbatas", "kab-lain/b")
    assert read_settings(child) == as_mkdocs_reads_it(child)


def test_the_example_reads_the_same_both_ways():
    config = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    assert read_settings(config) == as_mkdocs_reads_it(config)


def test_a_broken_or_missing_file_declares_nothing(tmp_path):
    assert read_settings(tmp_path / "mkdocs.yml") == Settings()
    assert read_settings(write(tmp_path, "mkdocs.yml", "site_name: [\n")) == Settings()
    looping = write(tmp_path, "mkdocs.yml", "INHERIT: mkdocs.yml\n")
    assert read_settings(looping) == Settings()


def test_settings_given_by_the_plugin_are_not_read_again(tmp_path):
    write(tmp_path, "mkdocs.yml", "site_name: Uji\n" + PLUGIN.format(options="      repositori: publik"))
    given = Settings(False, None, None)
    assert Project(tmp_path, given=given).settings == given
    assert Project(tmp_path).settings.public_repository is True


@pytest.mark.parametrize("value, expected", [("https://desk.example.go.id/buletin/", "https://desk.example.go.id/buletin/"),
                                             ("", None), ("/buletin/", None), (None, None)])
def test_site_url_is_the_published_address_when_it_is_one(value, expected):
    assert settings_of({"site_url": value}).site_url == expected
