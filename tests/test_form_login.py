"""The web form's login as mkdocs.yml declares it (plugins.bulletin.formulir, generator.check.form): read as MkDocs
reads the file, turned into Decap's ``backend``, and refused at its line when Decap could not log in with it. The
browser's side (no outside request without a login, the login button going to the declared endpoint) is in
test_cms.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from support import cli, copy_project

from generator.check.form import BACKENDS, check_form
from generator.load.problems import Problems
from generator.project import Settings, read_settings, settings_of
from generator.render.webform import admin_files, form_backend

EDISI = "pilkada-2024"
REPO_URL = "repo_url: https://github.com/pemkab-barsel/buletin-desk-pilkada\n"


def mkdocs_yml(folder: Path, formulir: str, head: str = REPO_URL) -> Path:
    path = folder / "mkdocs.yml"
    path.write_text(f"site_name: x\n{head}plugins:\n  - search\n  - bulletin:\n      format: 2\n"
                    f"      formulir:\n{formulir}", encoding="utf-8")
    return path


GITHUB = "        backend: github\n        base_url: https://oauth.pemkab.example\n"
GITLAB = ("        backend: gitlab\n        repo: desk/buletin\n        app_id: abc123\n"
          "        base_url: https://git.pemkab.example\n")
GITEA = ("        backend: gitea\n        repo: desk/buletin\n        app_id: 6f1e-77\n"
         "        base_url: https://gitea.pemkab.example/\n")


@pytest.mark.parametrize("formulir, backend", [
    (GITHUB, {"name": "github", "repo": "pemkab-barsel/buletin-desk-pilkada", "branch": "main",
              "base_url": "https://oauth.pemkab.example"}),
    (GITHUB + "        auth_endpoint: api/auth\n        branch: utama\n",
     {"name": "github", "repo": "pemkab-barsel/buletin-desk-pilkada", "branch": "utama",
      "base_url": "https://oauth.pemkab.example", "auth_endpoint": "api/auth"}),
    ("        backend: gitlab\n        repo: desk/buletin\n        app_id: abc123\n",  # gitlab.com
     {"name": "gitlab", "repo": "desk/buletin", "branch": "main", "auth_type": "pkce", "app_id": "abc123"}),
    (GITLAB, {"name": "gitlab", "repo": "desk/buletin", "branch": "main", "auth_type": "pkce", "app_id": "abc123",
              "base_url": "https://git.pemkab.example", "api_root": "https://git.pemkab.example/api/v4"}),
    (GITLAB + "        auth_type: pkce\n        api_root: https://api.git.pemkab.example/v4\n",
     {"name": "gitlab", "repo": "desk/buletin", "branch": "main", "auth_type": "pkce", "app_id": "abc123",
      "base_url": "https://git.pemkab.example", "api_root": "https://api.git.pemkab.example/v4"}),
    (GITEA, {"name": "gitea", "repo": "desk/buletin", "branch": "main", "app_id": "6f1e-77",
             "base_url": "https://gitea.pemkab.example/", "api_root": "https://gitea.pemkab.example/api/v1"}),
], ids=["github", "github-endpoint", "gitlab.com", "gitlab-self-hosted", "gitlab-api-root", "gitea"])
def test_each_backend_is_read_from_mkdocs_yml(tmp_path, formulir, backend):
    config_file = mkdocs_yml(tmp_path, formulir)
    settings = read_settings(config_file)
    with open(config_file, "rb") as handle:
        assert settings == settings_of(yaml_load(handle))  # as MkDocs reads the file
    problems = Problems()
    check_form(config_file, tmp_path, dict(settings.form), settings.repository, problems)
    assert list(problems) == []
    made = form_backend(dict(settings.form), settings.repository)
    assert made == backend
    written = json.loads(admin_files(EDISI, made)["admin/config.yml"])
    assert written["backend"] == backend
    assert written["publish_mode"] == ("simple" if backend["name"] == "gitea" else "editorial_workflow")


def test_no_login_is_no_backend(tmp_path):
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(f"site_name: x\n{REPO_URL}plugins:\n  - bulletin:\n      format: 2\n", encoding="utf-8")
    settings = read_settings(config_file)
    assert settings.form == () and form_backend(dict(settings.form), settings.repository) is None
    page = admin_files(EDISI, None)["admin/index.html"]
    assert "Login formulir belum diatur" in page and "<script" not in page
    for name in BACKENDS:
        assert name in page


@pytest.mark.parametrize("formulir, line, key, words", [
    ("        backend: bitbucket\n", 8, "backend", 'backend formulir "bitbucket" tidak dikenal'),
    ("        base_url: https://oauth.pemkab.example\n", 7, "backend", "`formulir` tanpa `backend`"),
    ("        backend: github\n", 7, "base_url", "backend github memerlukan `base_url`"),
    ("        backend: gitlab\n        repo: desk/buletin\n", 7, "app_id", "backend gitlab memerlukan `app_id`"),
    ("        backend: gitlab\n        app_id: abc\n", 7, "repo", "backend gitlab memerlukan `repo`"),
    ("        backend: gitea\n        repo: d/b\n        app_id: abc\n", 7, "base_url",
     "backend gitea memerlukan `base_url`"),
    (GITLAB + "        auth_type: implicit\n", 12, "auth_type", "memakai `auth_type: pkce`"),
    (GITHUB + "        baseurl: https://x.example\n", 10, "baseurl", "kunci `baseurl` tidak dibaca backend github"),
    ("        backend: github\n        base_url: oauth.pemkab.example\n", 9, "base_url", "diawali https://"),
], ids=["unknown-backend", "no-backend", "github-base_url", "gitlab-app_id", "gitlab-repo", "gitea-base_url",
        "gitlab-implicit", "unknown-key", "not-an-address"])
def test_a_login_decap_cannot_use_is_refused_at_its_line(tmp_path, formulir, line, key, words):
    config_file = mkdocs_yml(tmp_path, formulir)
    settings = read_settings(config_file)
    problems = Problems()
    check_form(config_file, tmp_path, dict(settings.form), settings.repository, problems)
    found = [p for p in problems if p.field == f"plugins.bulletin.formulir.{key}"]
    assert found, [p.format() for p in problems]
    assert (found[0].file, found[0].line) == ("mkdocs.yml", line)
    assert words in found[0].message
    assert form_backend(dict(settings.form), settings.repository) is None


def test_github_without_repo_url_needs_repo(tmp_path):
    config_file = mkdocs_yml(tmp_path, GITHUB, head="")
    settings = read_settings(config_file)
    problems = Problems()
    check_form(config_file, tmp_path, dict(settings.form), settings.repository, problems)
    assert [p.field for p in problems] == ["plugins.bulletin.formulir.repo"]


def test_validate_and_build_refuse_an_unknown_backend(tmp_path):
    project = copy_project(tmp_path / "desk")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "      repositori: publik\n"
    assert anchor in text
    (project / "mkdocs.yml").write_text(text.replace(anchor, anchor + "      formulir:\n        backend: gitlub\n"),
                                        encoding="utf-8")
    line = text[:text.index(anchor)].count("\n") + 3
    said = f'mkdocs.yml:{line}:18: plugins.bulletin.formulir.backend: backend formulir "gitlub" tidak dikenal'
    for command in (("validate",), ("build",)):
        result = cli(*command, project=project)
        assert result.exit_code != 0, command
        assert said in result.stdout + result.stderr, (command, result.stdout + result.stderr)


def test_the_plugin_reads_the_login_as_the_core_does(tmp_path):
    from generator.build.plugin import BulletinConfig

    options = BulletinConfig()
    options.load_dict({"formulir": {"backend": "gitlab", "repo": "desk/buletin", "app_id": "abc"}})
    errors, _ = options.validate()
    assert errors == []
    from generator.project import form_of
    assert Settings(form=form_of(options.formulir)) == \
        settings_of({"plugins": [{"bulletin": {"formulir": dict(options.formulir)}}]})
