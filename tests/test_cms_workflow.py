"""The web form in Indonesian, and its editorial workflow, in a real browser (issue 21, parts 3 and 6).

The form's interface is Decap CMS's, in the desk's Indonesian locale (generator/render/decap/bahasa-id.js, in the
form of decap-cms-locales). The locale has every key of Decap's English one; and one officer's way through the
form with the editorial workflow on (publish_mode ``editorial_workflow``, on Decap's in-memory ``test-repo``
backend: a save makes an unpublished entry, as it opens a pull request on the git host) shows no English string of
Decap's: the collection list, the entry editor, a validation error, the workflow board, the status and publish
menus, the media library, the confirmation dialogs. The meeting goes from draft to review (where it is corrected),
to ready and to published, and its file validates at every state.

English that remains visible, not in the locale (hard-coded in decap-cms.js 3.16.3, found by reading its
``children:"…"`` strings and checked here):
- "Test Backend ↗", a link in the header, only with the ``test-repo`` backend of this test (Decap shows it when
  the backend is the test one); the desk's GitHub, GitLab and Gitea logins do not show it;
- the ``aria-label`` "close" and "notification timer" of a notice's close button and timer (react-toastify):
  read by a screen reader, not shown; no setting of Decap reaches them.
Not reached by the desk's configuration, so not shown: react-select's "No options" (a choice list whose filter
matches nothing; Decap sets its placeholder to ""), the date widget's "UTC" (``picker_utc``: the desk sets none),
open authoring's "Fork the repo", the code widget's settings ("Theme", "Mode", "KeyMap").
"""

from __future__ import annotations

import concurrent.futures
import functools
import json
import re
import subprocess

import pytest
from test_cms import (  # noqa: F401  (browser: a fixture, one Chromium for this module)
    EDISI,
    ROOT,
    SCREENSHOTS,
    browser,
    example_copy,
    fill_meeting,
    log_in,
    validation_errors,
    write_test_repo_form,
)

LOCALE = ROOT / "generator" / "render" / "decap" / "bahasa-id.js"
LOCALES = ROOT / "node_modules" / "decap-cms-locales" / "dist" / "esm" / "en" / "index.js"
BUNDLE = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
BUNDLED_EN = '{auth:{login:"Login",loggingIn:"Logging in...",'  # the start of the English locale in the bundle

# Each locale file imported as the browser imports it (an ES module); the bundle's own English copy read out of
# decap-cms.js (the object that starts with BUNDLED_EN, to its closing brace): each flattened to {"a.b.c": text}.
READ_LOCALES = r"""
const fs = require('fs');
const flat = (o, at = '') => Object.entries(o).reduce((out, [k, v]) => Object.assign(out,
  typeof v === 'object' ? flat(v, at + k + '.') : { [at + k]: v }), {});
const module_ = (path) => import('data:text/javascript,' + encodeURIComponent(fs.readFileSync(path, 'utf8')))
  .then((m) => m.default);
function bundled(path, start) {
  const s = fs.readFileSync(path, 'utf8');
  const i = s.indexOf(start);
  if (i < 0) return null;
  let depth = 0, quote = null, j = i;
  for (; j < s.length; j++) {
    const c = s[j];
    if (quote) { if (c === '\\') j++; else if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) break;
  }
  return new Function('return ' + s.slice(i, j + 1))();
}
const [id, en, bundle, start] = process.argv.slice(1);
Promise.all([module_(id), module_(en)]).then(([id, en]) => console.log(JSON.stringify(
  { id: flat(id), en: flat(en), bundled: flat(bundled(bundle, start) || {}) })));
"""

HARD_CODED = {  # English in decap-cms.js that no locale reaches → why it may show here (module docstring)
    "Test Backend ↗": "the test-repo backend's header link: not shown with the desk's logins",
    "No options": None, "Loading options…": None, "UTC": None, "Fork the repo": None, "KeyMap": None,
    "Global Settings": None, "Field Settings": None,
}
TOASTIFY = {"close", "notification timer"}  # aria-labels of a notice (react-toastify): read aloud, not shown

# What a view shows: its text, the placeholders, tooltips, alternative texts and accessible names, and the
# preview's text (a same-origin frame); react-toastify's aria-labels left out (TOASTIFY).
SHOWN = """(toastify) => {
  const texts = [document.body.innerText];
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], [alt]'))
    for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
      const value = el.getAttribute(name);
      if (value && !(name === 'aria-label' && toastify.includes(value))) texts.push(value);
    }
  for (const frame of document.querySelectorAll('iframe'))
    if (frame.contentDocument && frame.contentDocument.body) texts.push(frame.contentDocument.body.innerText);
  return texts.join('\\n');
}"""
UNPUBLISHED = "() => JSON.parse(JSON.stringify({...window.repoFilesUnpublished}))"  # an Array with string keys


@functools.cache
def read_locales() -> dict[str, dict[str, str]]:
    if not LOCALES.is_file() or not BUNDLE.is_file():
        pytest.skip("decap-cms is not installed: run scripts/node-deps")
    done = subprocess.run(["node", "-e", READ_LOCALES, str(LOCALE), str(LOCALES), str(BUNDLE), BUNDLED_EN],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


PLACEHOLDER = re.compile(r"%\{\w+\}")


def test_the_locale_has_every_key_and_placeholder_of_decaps_english():
    locales = read_locales()
    idn, en = locales["id"], locales["en"]
    assert locales["bundled"] == en  # decap-cms-locales' English is the one decap-cms.js itself carries
    assert sorted(idn) == sorted(en)
    assert {k: sorted(set(PLACEHOLDER.findall(idn[k]))) for k in en} == \
        {k: sorted(set(PLACEHOLDER.findall(en[k]))) for k in en}
    untranslated = {k: en[k] for k in en if idn[k] == en[k]}
    assert untranslated == {"app.header.media": "Media", "editor.editorToolbar.status": "Status: %{status}",
                            "editor.editorWidgets.markdown.markdown": "Markdown", "ui.toast.onFailToAuth": "%{details}",
                            "workflow.workflowCard.lastChangeNoAuthor": "%{date}",
                            "collection.collectionTop.newButton": "＋ %{collectionLabel}"}
    # one plural form (Polyglot's for `id`), so no "||||" (bahasa-id.js says so)
    assert [k for k, text in idn.items() if "||||" in text] == []
    assert {k: idn[k] for k in ("auth.login", "auth.loginWithGitHub", "auth.loginWithGitLab", "auth.loginWithGitea",
                                "editor.editorToolbar.publish", "editor.editorToolbar.publishNow",
                                "editor.editorToolbar.save")} == {
        "auth.login": "Masuk", "auth.loginWithGitHub": "Masuk dengan GitHub",
        "auth.loginWithGitLab": "Masuk dengan GitLab", "auth.loginWithGitea": "Masuk dengan Gitea",
        "editor.editorToolbar.publish": "Terbitkan", "editor.editorToolbar.publishNow": "Terbitkan sekarang",
        "editor.editorToolbar.save": "Simpan"}


SAME_IN_INDONESIAN = {"Media", "Status", "Markdown"}  # English words that Indonesian uses as they are


def english_strings(locales: dict[str, dict[str, str]]) -> dict[str, str]:
    """{English text: its key}: each piece of an English string between its placeholders (and plural forms and
    lines) with three letters or more, but the words Indonesian shares (SAME_IN_INDONESIAN); the date format is
    no text."""
    found: dict[str, str] = {}
    for key, text in locales["en"].items():
        if key.endswith(".dateFormat"):
            continue
        for piece in re.split(r"%\{\w+\}|\|\|\|\||\n", text):
            piece = piece.strip(" .,:;!?\"'‘’()…-")
            if len(re.findall(r"[A-Za-z]", piece)) >= 3 and piece not in SAME_IN_INDONESIAN:
                found.setdefault(piece, key)
    return found


def english_in(text: str, strings: dict[str, str]) -> list[str]:
    return sorted(f"{piece!r} ({key})" for piece, key in strings.items()
                  if re.search(rf"(?<![A-Za-z]){re.escape(piece)}(?![A-Za-z])", text, re.IGNORECASE))


@pytest.fixture(scope="module")
def journey(tmp_path_factory, browser):  # noqa: F811 (browser: the fixture imported from test_cms)
    """One officer's way through the form with the editorial workflow on: what each view showed (``views``), the
    confirmations asked (``dialogs``), and the meeting's file at each workflow state (``states``: status, path,
    content), each distinct content validated in a copy of the example project while the browser goes on
    (``errors``: content → validate's errors)."""
    from support import StaticServer
    root = tmp_path_factory.mktemp("workflow")
    write_test_repo_form(root / "site", "editorial_workflow")
    views: dict[str, str] = {}
    dialogs: list[str] = []
    states: list[tuple[str, str, str]] = []
    checks: dict[str, concurrent.futures.Future] = {}
    validating = concurrent.futures.ThreadPoolExecutor(max_workers=2)

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    def seen(name: str) -> None:
        views[name] = page.evaluate(SHOWN, sorted(TOASTIFY))

    def state(status: str, path: str, content: str) -> None:
        states.append((status, path, content))
        if content not in checks:
            project = example_copy(root / f"project-{len(checks)}")
            checks[content] = validating.submit(validation_errors, project, path, content)

    def unpublished_is(condition: str) -> dict:
        page.wait_for_function(f"() => {{ const all = Object.values(window.repoFilesUnpublished); "
                               f"return all.length === 1 && ({condition})(all[0]); }}")
        (entry,) = page.evaluate(UNPUBLISHED).values()
        (diff,) = entry["diffs"]
        state(entry["status"], diff["path"], diff["content"])
        return entry

    def status(now: str, to: str, wanted: str) -> dict:
        page.get_by_role("button", name=f"Status: {now}", exact=True).click()
        page.get_by_role("menuitem", name=to, exact=True).wait_for()
        seen(f"menu status ({now} → {to})")
        page.get_by_role("menuitem", name=to, exact=True).click()
        return unpublished_is(f"e => e.status === '{wanted}'")

    with StaticServer(root / "site") as server:
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on("dialog", accept)
        site = server.url + "/admin/index.html"
        page.goto(site)
        page.get_by_role("button", name="Masuk", exact=True).wait_for()
        seen("login")
        log_in(page, server.url)
        page.goto(f"{site}#/collections/rapat-{EDISI}")
        page.get_by_text("Belum ada entri").wait_for()  # collection.entries.noEntries
        seen("list, empty")
        page.get_by_role("button", name="Menu akun").click()
        page.get_by_text("Keluar").wait_for()  # ui.settingsDropdown.logOut
        seen("menu account")  # before any notice covers the button
        page.keyboard.press("Escape")
        page.goto(f"{site}#/collections/rapat-{EDISI}/new")
        page.locator("[id^=judul-field]").wait_for()
        seen("editor, new entry")
        page.locator("[id^=tempat-field]").fill("Aula Setda Barito Selatan, Buntok")
        page.get_by_role("button", name="Simpan", exact=True).click()
        page.get_by_text("Judul wajib diisi.").wait_for()  # editorControlPane.widget.required
        seen("editor, a required field empty")

        fill_meeting(page)
        page.get_by_role("button", name="Simpan", exact=True).click()
        draft = unpublished_is("e => e.status === 'draft'")
        page.get_by_role("button", name="Status: Draf", exact=True).wait_for()
        seen("editor, draft")
        entry_url = f"{site}#/collections/rapat-{EDISI}/entries/{draft['slug']}"
        page.goto(f"{site}#/workflow")
        page.get_by_text("1 entri", exact=True).wait_for()  # workflow.workflowList.currentEntries
        seen("workflow board, a draft")

        page.goto(entry_url)
        status("Draf", "Sedang ditinjau", "pending_review")
        page.goto(f"{site}#/workflow")
        page.get_by_text("1 entri menunggu ditinjau", exact=False).wait_for()  # workflow.workflow.description
        seen("workflow board, in review")
        page.goto(entry_url)
        page.get_by_role("button", name="Status: Sedang ditinjau", exact=True).wait_for()
        page.get_by_role("button", name="Terbitkan", exact=True).click()
        page.get_by_role("menuitem", name="Terbitkan sekarang").wait_for()
        seen("menu publish, in review")
        page.keyboard.press("Escape")
        # the reviewer corrects the summary: the pull request gets a new commit, still in review
        page.locator("[id^=ringkasan-field]").fill("Desk mengevaluasi pemungutan suara 27 November 2024 di "
                                                    "Barito Selatan.")
        page.get_by_role("button", name="Simpan", exact=True).click()
        unpublished_is("e => e.status === 'pending_review' && e.diffs[0].content.includes('Barito Selatan.')")
        # after that save Decap 3.16.3's editor and board show "Draf" while the repository keeps "pending_review"
        # (on a git host the pull request keeps its label): the officer moves it on from what the editor shows
        shown = page.get_by_role("button", name=re.compile(r"^Status: ")).inner_text().removeprefix("Status: ")
        status(shown, "Siap terbit", "pending_publish")
        page.goto(f"{site}#/workflow")
        page.get_by_text("1 siap terbit", exact=False).wait_for()  # workflow.workflow.description
        seen("workflow board, ready")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "formulir-alur-kerja.png"))

        page.goto(entry_url)
        page.get_by_role("button", name="Terbitkan", exact=True).click()
        page.get_by_role("menuitem", name="Terbitkan sekarang").click()  # and "Yakin ingin menerbitkan …?": yes
        page.wait_for_function("() => Object.keys(window.repoFilesUnpublished).length === 0")
        page.get_by_text("Sudah terbit").wait_for()  # editor.editorToolbar.published
        seen("editor, published")
        path = states[0][1]
        published = page.evaluate("(path) => path.split('/').reduce((at, name) => at[name], window.repoFiles)", path)
        state("published", published["path"], published["content"])

        page.goto(f"{site}#/collections/rapat-{EDISI}")
        page.get_by_text("Rapat evaluasi pasca pemungutan suara").wait_for()
        seen("list, one entry")
        page.get_by_role("button", name="Urutkan menurut").click()
        seen("menu sort")
        page.get_by_role("menuitem", name="Judul").click()  # sorts, and closes the menu
        page.get_by_role("button", name="Media", exact=True).click()
        page.get_by_text("Tidak ada berkas media.").wait_for()  # mediaLibrary.mediaLibraryModal.noAssetsFound
        seen("media library")
        page.close()
    errors = {content: check.result() for content, check in checks.items()}
    validating.shutdown()
    yield {"views": views, "dialogs": dialogs, "states": states, "errors": errors}


@pytest.mark.browser
def test_a_meeting_goes_from_draft_through_review_to_published(journey):
    states = journey["states"]
    assert [status for status, _, _ in states] == \
        ["draft", "pending_review", "pending_review", "pending_publish", "published"]
    assert {path for _, path, _ in states} == {f"data/{EDISI}/rapat/2024-12-02-rapat-evaluasi-pasca-pemungutan-"
                                               "suara.yml"}
    contents = [content for _, _, content in states]
    assert contents[0] == contents[1] and contents[1] != contents[2] == contents[3] == contents[4]
    assert "Barito Selatan." in contents[-1]  # the correction made in review is what is published
    assert journey["dialogs"] == ["Yakin ingin menerbitkan entri ini?"]  # editor.editor.onPublishing


@pytest.mark.browser
def test_the_meetings_file_validates_at_every_state(journey):
    assert [(status, journey["errors"][content]) for status, _, content in journey["states"]] == \
        [(status, []) for status, _, _ in journey["states"]]


@pytest.mark.browser
def test_no_english_string_of_decap_is_visible(journey):
    strings = english_strings(read_locales())
    assert len(strings) > 200  # the English pieces looked for
    hard_coded = {text: f"hard-coded: {why or 'not reached by the desk'}" for text, why in HARD_CODED.items()}
    found = {}
    for view, text in {**journey["views"], "dialogs": "\n".join(journey["dialogs"])}.items():
        english = english_in(text, strings) + english_in(text.replace("Test Backend ↗", ""), hard_coded)
        if english:
            found[view] = english
    assert found == {}
    assert "Test Backend ↗" in journey["views"]["list, empty"]  # the one hard-coded English (module docstring)
