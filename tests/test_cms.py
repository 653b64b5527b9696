"""The web form of the internal edition (Decap CMS at /<edisi>/admin/), generated from the same JSON Schemas.

Fast checks of the generated configuration here; the real-browser test (the form loads, its fields match the
schema, a saved meeting validates) is at the end and needs the vendored script (scripts/node-deps)."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.pipeline import check, publications
from generator.project import Project
from generator.render.schemas import schemas
from generator.render.webform import CMS_SCRIPT, FORM_OMITS, admin_files, config, form_backend, github_backend

ROOT = Path(__file__).resolve().parents[1]
EDISI = "pilkada-2024"
DOCUMENTS = schemas()


def walk_fields(fields: list[dict], where: str = ""):
    for f in fields:
        yield f"{where}.{f['name']}", f
        yield from walk_fields(f.get("fields", []), f"{where}.{f['name']}")
        if "field" in f:
            yield f"{where}.{f['name']}[]", f["field"]


def restricted_paths(document: dict) -> set[str]:
    """Paths (as walk_fields writes them) of every field marked restricted, or inside a restricted record."""
    defs = document.get("$defs", {})
    found: set[str] = set()

    def shapes(node: dict):
        if "$ref" in node:
            node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
        yield node
        for branch in node.get("anyOf", []):
            yield from shapes(branch)
        if "items" in node:
            yield from shapes(node["items"])

    def visit(node: dict, where: str, depth: int = 0):
        if depth > 8:
            return
        for key, prop in node.get("properties", {}).items():
            path = f"{where}.{key}"
            restricted = any(s.get("x-akses") == "terbatas" for s in shapes(prop))
            if restricted:
                found.add(path)
            for shape in shapes(prop):
                visit(shape, path, depth + 1)
    visit(document, "")
    return found


@pytest.mark.parametrize("collection", config(EDISI, github_backend(None))["collections"], ids=lambda c: c["name"])
def test_form_fields_are_the_schemas_public_fields(collection):
    kind = collection["name"].split("-", 1)[0]
    document = DOCUMENTS[kind]
    public = [name for name, prop in document["properties"].items()
              if prop.get("x-akses") == "publik" and name not in FORM_OMITS]
    assert [f["name"] for f in collection["fields"]] == public
    for f in collection["fields"]:
        prop = document["properties"][f["name"]]
        assert f["label"] == prop["title"] and f["hint"] == prop["description"]
        assert f["required"] == (f["name"] in document.get("required", []))
    assert collection["folder"] == f"data/{EDISI}/{kind}"  # the public data folder


@pytest.mark.parametrize("kind", ["rapat", "instansi", "kecamatan"])
def test_no_restricted_field_in_a_form_that_writes_to_data(kind):
    collection = next(c for c in config(EDISI, github_backend(None))["collections"] if c["name"].startswith(kind))
    paths = {path for path, _ in walk_fields(collection["fields"])}
    restricted = restricted_paths(DOCUMENTS[kind])
    assert restricted  # there is something to keep out
    assert paths & restricted == set()
    assert {path.rsplit(".", 1)[-1] for path in paths} & FORM_OMITS == set()


def test_admin_page_loads_nothing_from_outside():
    files = admin_files(EDISI, github_backend(None))
    page = files["admin/index.html"]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert json.loads(files["admin/config.yml"])["publish_mode"] == "editorial_workflow"  # a form opens a PR


def test_only_the_internal_edition_serves_the_form_and_schemas():
    checked = check(Project(ROOT))
    made = {p.edition: p for p in publications(checked, edisi=EDISI)}
    assert "admin/index.html" in made["internal"].downloads and "admin/config.yml" in made["internal"].downloads
    assert "schemas/rapat.schema.json" in made["internal"].downloads
    assert not any(path.startswith(("admin/", "schemas/")) for path in made["publik"].downloads)
    peserta = next(f for f in json.loads(made["internal"].downloads["admin/config.yml"])["collections"][0]["fields"]
                   if f["name"] == "peserta")
    assert peserta["default"][:2] == ["setda", "bawaslu"] and "camat-jenamas" in peserta["default"]


GITHUB_LOGIN = (("backend", "github"), ("repo", "desk/buletin"), ("base_url", "https://oauth.desk.example"))


def test_the_declared_login_reaches_the_built_form():
    checked = check(Project(ROOT))
    assert checked.form == ()  # the example declares none: its form says what to set
    made = next(p for p in publications(dataclasses.replace(checked, form=GITHUB_LOGIN), ("internal",), edisi=EDISI))
    backend = json.loads(made.downloads["admin/config.yml"])["backend"]
    assert backend == form_backend(dict(GITHUB_LOGIN), checked.repository)
    assert backend["base_url"] == "https://oauth.desk.example"


# --- in a real browser --------------------------------------------------------------------------------------

SCREENSHOTS = ROOT / "artifacts" / "panduan"  # git-ignored; the guide's pictures of the form


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module's browser tests (Playwright's sync API runs one at a time)."""
    if not CMS_SCRIPT.is_file():
        pytest.skip("Decap CMS is not installed: run scripts/node-deps")
    sync_api = pytest.importorskip("playwright.sync_api")
    from support import CHROMIUM, chromium
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory, browser):
    """The internal edition's admin page as the build writes it, with Decap's in-memory test backend and direct
    publishing (the git host's editorial workflow is what the real configuration uses)."""
    from support import StaticServer
    root = tmp_path_factory.mktemp("admin")
    checked = dataclasses.replace(check(Project(ROOT)), form=GITHUB_LOGIN)  # a desk with a login: the form loads
    internal = next(p for p in publications(checked, ("internal",), edisi=EDISI))
    production = json.loads(internal.downloads["admin/config.yml"])
    peserta = next(f["default"] for f in production["collections"][0]["fields"] if f["name"] == "peserta")
    files = admin_files(EDISI, {"name": "test-repo"}, {"rapat": {"peserta": peserta}}, publish_mode="simple")
    assert {k: v for k, v in files.items() if k != "admin/config.yml"} == \
        {k: v for k, v in internal.downloads.items() if k.startswith("admin/") and k != "admin/config.yml"}
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    with StaticServer(root) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.goto(server.url + "/admin/index.html")
        page.get_by_role("button", name="Login").click()
        page.goto(server.url + f"/admin/index.html#/collections/rapat-{EDISI}/new")
        page.locator("[id^=judul-field]").wait_for()
        yield page
        page.close()


def test_meeting_form_fields_match_the_schema(admin_site):
    page = admin_site
    labels = [re.sub(r"\s*\(OPTIONAL\)$", "", text, flags=re.I).strip().casefold()
              for text in page.locator("label").all_inner_texts()]
    document = DOCUMENTS["rapat"]
    for name, prop in document["properties"].items():
        shown = prop["title"].casefold() in labels
        assert shown == (prop.get("x-akses") == "publik" and name not in FORM_OMITS), name
    required = set(document["required"])
    optional = {re.sub(r"\s*\(OPTIONAL\)$", "", t, flags=re.I).casefold() for t in page.locator("label").all_inner_texts()
                if re.search(r"\(OPTIONAL\)$", t, flags=re.I)}
    assert optional == {p["title"].casefold() for n, p in document["properties"].items()
                        if n not in required and p.get("x-akses") == "publik" and n not in FORM_OMITS}
    assert page.locator("[id^=tanggal-field]").get_attribute("type") == "date"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "formulir-rapat.png"), full_page=True)


def test_saved_meeting_is_valid_data(admin_site, tmp_path):
    page = admin_site
    page.locator("[id^=judul-field]").fill("Rapat evaluasi pasca pemungutan suara")
    page.locator("[id^=tanggal-field]").fill("2024-12-02")
    page.locator("[id^=tempat-field]").fill("Aula Setda Barito Selatan, Buntok")
    page.locator("[id^=nama-field]").fill("Edy Purwanto")
    page.locator("[id^=jabatan-field]").fill("Sekretaris Daerah Kabupaten Barito Selatan")
    page.locator("[id^=ringkasan-field]").fill("Desk mengevaluasi pemungutan suara 27 November 2024.")
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()
    page.wait_for_function("() => Object.keys(((window.repoFiles.data || {})['pilkada-2024'] || {}).rapat || {})"
                           ".length > 0")
    saved = page.evaluate("() => window.repoFiles.data['pilkada-2024'].rapat")
    assert list(saved) == ["2024-12-02-rapat-evaluasi-pasca-pemungutan-suara.yml"]
    entry = next(iter(saved.values()))
    assert entry["path"] == f"data/{EDISI}/rapat/2024-12-02-rapat-evaluasi-pasca-pemungutan-suara.yml"
    project = tmp_path / "project"
    for name in ("data", "content", "schemas"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / entry["path"]).write_text(entry["content"], encoding="utf-8")
    from test_examples import problem_lines, run_validate
    result = run_validate(project)
    assert [line for line in problem_lines(result) if ": peringatan: " not in line] == [], entry["content"]
    assert result.returncode == 0
    from test_schemas import schema_errors
    assert schema_errors(project) == {}


def test_form_commits_to_the_repository_of_repo_url(tmp_path):
    from generator.project import read_settings

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nrepo_url: https://github.com/pemkab-barsel/buletin-desk-pilkada\n",
                           encoding="utf-8")
    repository = read_settings(config_file).repository
    assert repository == "pemkab-barsel/buletin-desk-pilkada"
    backend = json.loads(admin_files(EDISI, github_backend(repository))["admin/config.yml"])["backend"]
    assert backend == {"name": "github", "repo": "pemkab-barsel/buletin-desk-pilkada", "branch": "main"}


# --- the login, in a real browser: nothing outside the site until the officer asks to log in --------------

LOGINS = {  # name → (the login mkdocs.yml declares, the button, where the button must go)
    "github": ({"backend": "github", "repo": "desk/buletin", "base_url": "https://oauth.desk.example",
                "auth_endpoint": "masuk"}, "Login with GitHub",
               r"^https://oauth\.desk\.example/masuk\?provider=github&.*scope=repo"),
    "gitlab": ({"backend": "gitlab", "repo": "desk/buletin", "app_id": "app-123",
                "base_url": "https://git.desk.example"}, "Login with GitLab",
               r"^https://git\.desk\.example/oauth/authorize\?client_id=app-123&.*code_challenge="),
    "gitea": ({"backend": "gitea", "repo": "desk/buletin", "app_id": "app-456",
               "base_url": "https://gitea.desk.example"}, "Login with Gitea",
              r"^https://gitea\.desk\.example/login/oauth/authorize\?client_id=app-456&.*code_challenge="),
}


@pytest.fixture(scope="module")
def login_pages(tmp_path_factory, browser):
    """The built form without a login and with each backend's, each under its own folder of one local server;
    ``open(case)`` gives a fresh page whose requests outside the server are recorded (and not sent)."""
    from support import StaticServer
    root = tmp_path_factory.mktemp("logins")
    cases = {"tanpa-login": None, **{name: form_backend(form, None) for name, (form, _, _) in LOGINS.items()}}
    for case, backend in cases.items():
        for path, text in admin_files(EDISI, backend).items():
            (root / case / path).parent.mkdir(parents=True, exist_ok=True)
            (root / case / path).write_text(text, encoding="utf-8")
    with StaticServer(root) as server:
        contexts = []

        def open_case(case: str):
            context = browser.new_context()
            contexts.append(context)
            outside: list[str] = []

            def route(request_route):
                url = request_route.request.url
                if url.startswith(server.url + "/"):
                    request_route.continue_()
                else:
                    outside.append(url)
                    request_route.abort()
            context.route("**/*", route)
            page = context.new_page()
            page.goto(f"{server.url}/{case}/admin/index.html")
            return page, outside
        yield open_case
        for context in contexts:
            context.close()


def test_without_a_login_the_form_says_what_to_set_and_asks_nothing_outside(login_pages):
    page, outside = login_pages("tanpa-login")
    page.wait_for_load_state("networkidle")
    said = page.locator("#login-belum-diatur").inner_text()
    assert "Login formulir belum diatur" in said and "formulir:" in said and "mkdocs.yml" in said
    assert all(name in said for name in LOGINS)
    assert page.locator("script").count() == 0
    assert outside == []


@pytest.mark.parametrize("name", LOGINS)
def test_the_login_button_goes_to_the_declared_endpoint(login_pages, name):
    form, button, endpoint = LOGINS[name]
    page, outside = login_pages(name)
    login = page.get_by_role("button", name=button)
    login.wait_for()
    page.wait_for_load_state("networkidle")
    assert outside == []  # the form loads from the site alone
    login.click()
    page.wait_for_function("() => true")  # let the popup or the redirect start
    for _ in range(50):
        if outside:
            break
        page.wait_for_timeout(100)
    assert outside and re.search(endpoint, outside[0]), outside
    assert all(url.startswith(form["base_url"]) for url in outside), outside
