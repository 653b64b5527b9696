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


def write_test_repo_form(root: Path, publish_mode: str) -> None:
    """The internal edition's admin page as the build writes it, into ``root``, with Decap's in-memory test backend
    (``test-repo``) instead of the git host and the given publish mode; the meeting form's default participants
    are the production ones."""
    checked = dataclasses.replace(check(Project(ROOT)), form=GITHUB_LOGIN)  # a desk with a login: the form loads
    internal = next(p for p in publications(checked, ("internal",), edisi=EDISI))
    production = json.loads(internal.downloads["admin/config.yml"])
    peserta = next(f["default"] for f in production["collections"][0]["fields"] if f["name"] == "peserta")
    files = admin_files(EDISI, {"name": "test-repo"}, {"rapat": {"peserta": peserta}}, publish_mode=publish_mode)
    assert {k: v for k, v in files.items() if k != "admin/config.yml"} == \
        {k: v for k, v in internal.downloads.items() if k.startswith("admin/") and k != "admin/config.yml"}
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def log_in(page, url: str) -> None:
    """Open the form at ``url`` (the folder of admin/) and log in: with the test backend the button alone does."""
    page.goto(url + "/admin/index.html")
    page.get_by_role("button", name="Masuk").click()  # bahasa-id.js: auth.login
    page.wait_for_url("**/admin/index.html#/collections/**")


MEETING = {  # a new meeting's required fields (the participants are the form's default)
    "judul": "Rapat evaluasi pasca pemungutan suara",
    "tanggal": "2024-12-02",
    "tempat": "Aula Setda Barito Selatan, Buntok",
    "nama": "Edy Purwanto",
    "jabatan": "Sekretaris Daerah Kabupaten Barito Selatan",
    "ringkasan": "Desk mengevaluasi pemungutan suara 27 November 2024.",
}


def fill_meeting(page) -> None:
    """Fill the required fields of a new meeting that are still empty (typing into a filled one of Decap's string
    fields adds to what is there)."""
    for name, text in MEETING.items():
        box = page.locator(f"[id^={name}-field]")
        if not box.input_value():
            box.fill(text)


def example_copy(to: Path) -> Path:
    """A copy of the example project's public side (what a saved form changes, and what validate reads)."""
    for name in ("data", "content", "schemas"):
        shutil.copytree(ROOT / name, to / name)
    shutil.copy2(ROOT / "mkdocs.yml", to / "mkdocs.yml")
    return to


def validation_errors(project: Path, path: str, content: str) -> list[str]:
    """``content`` written at ``path`` of ``project`` (an example_copy), then `bulletin validate` run on it as a
    desk runs it: its errors (warnings left out), and a line for a non-zero exit or a schema error."""
    from test_examples import problem_lines, run_validate
    from test_schemas import schema_errors
    (project / path).write_text(content, encoding="utf-8")
    result = run_validate(project)
    errors = [line for line in problem_lines(result) if ": peringatan: " not in line]
    if result.returncode != 0:
        errors.append(f"validate exited with {result.returncode}")
    return errors + [f"schema: {where}: {error}" for where, error in schema_errors(project).items()]


@pytest.fixture(scope="module")
def admin_site(tmp_path_factory, browser):
    """The internal edition's admin page as the build writes it, with Decap's in-memory test backend and direct
    publishing (the git host's editorial workflow is what the real configuration uses: test_cms_workflow.py)."""
    from support import StaticServer
    root = tmp_path_factory.mktemp("admin")
    write_test_repo_form(root, "simple")
    with StaticServer(root) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        log_in(page, server.url)
        page.goto(server.url + f"/admin/index.html#/collections/rapat-{EDISI}/new")
        page.locator("[id^=judul-field]").wait_for()
        yield page
        page.close()


OPTIONAL = re.compile(r"\s*\(tidak wajib\)$", re.I)  # after an optional field's label: bahasa-id.js's
# editor.editorControl.field.optional, upper-cased by Decap's style


def test_meeting_form_fields_match_the_schema(admin_site):
    page = admin_site
    shown = page.locator("label").all_inner_texts()
    labels = [OPTIONAL.sub("", text).strip().casefold() for text in shown]
    document = DOCUMENTS["rapat"]
    for name, prop in document["properties"].items():
        in_form = prop["title"].casefold() in labels
        assert in_form == (prop.get("x-akses") == "publik" and name not in FORM_OMITS), name
    required = set(document["required"])
    optional = {OPTIONAL.sub("", t).casefold() for t in shown if OPTIONAL.search(t)}
    assert optional == {p["title"].casefold() for n, p in document["properties"].items()
                        if n not in required and p.get("x-akses") == "publik" and n not in FORM_OMITS}
    assert page.locator("[id^=tanggal-field]").get_attribute("type") == "date"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "formulir-rapat.png"), full_page=True)


def test_saved_meeting_is_valid_data(admin_site, tmp_path):
    page = admin_site
    fill_meeting(page)
    page.get_by_role("button", name="Terbitkan").click()  # bahasa-id.js: editor.editorToolbar.publish
    page.get_by_text("Terbitkan sekarang").click()  # editor.editorToolbar.publishNow
    page.wait_for_function("() => Object.keys(((window.repoFiles.data || {})['pilkada-2024'] || {}).rapat || {})"
                           ".length > 0")
    saved = page.evaluate("() => window.repoFiles.data['pilkada-2024'].rapat")
    assert list(saved) == ["2024-12-02-rapat-evaluasi-pasca-pemungutan-suara.yml"]
    entry = next(iter(saved.values()))
    assert entry["path"] == f"data/{EDISI}/rapat/2024-12-02-rapat-evaluasi-pasca-pemungutan-suara.yml"
    assert validation_errors(example_copy(tmp_path / "project"), entry["path"], entry["content"]) == [], \
        entry["content"]


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

LOGINS = {  # name → (the login mkdocs.yml declares, the button (bahasa-id.js), where the button must go)
    "github": ({"backend": "github", "repo": "desk/buletin", "base_url": "https://oauth.desk.example",
                "auth_endpoint": "masuk"}, "Masuk dengan GitHub",
               r"^https://oauth\.desk\.example/masuk\?provider=github&.*scope=repo"),
    "gitlab": ({"backend": "gitlab", "repo": "desk/buletin", "app_id": "app-123",
                "base_url": "https://git.desk.example"}, "Masuk dengan GitLab",
               r"^https://git\.desk\.example/oauth/authorize\?client_id=app-123&.*code_challenge="),
    "gitea": ({"backend": "gitea", "repo": "desk/buletin", "app_id": "app-456",
               "base_url": "https://gitea.desk.example"}, "Masuk dengan Gitea",
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
