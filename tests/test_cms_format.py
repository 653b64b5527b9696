"""The form's YAML format (generator/render/decap/format-desk.js): a file saved through the form keeps its schema line,
its comments, its quoted codes, and gets its keys in the schema's order.

The format's own functions run under node on every example file of both editions (fast: one process), unions too
(a value of either of a schema's two shapes reaches the form in the shape it edits, and goes back in the file's);
then the built form in Chromium opens every example file from its collection's list in Decap's editor, saves it,
goes back to the list, and ``bulletin validate`` reads all it saved."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from test_cms import browser  # noqa: F401  (a fixture: one Chromium for this module)

from generator.load.reader import load_document
from generator.render.webform import CMS_SCRIPT, YAML_BROWSER, admin_files, config, format_settings, github_backend

ROOT = Path(__file__).resolve().parents[1]
EDISI = "pilkada-2024"
KINDS = ("rapat", "instansi", "kecamatan")
EXAMPLES = sorted(path for edisi in ("pilkada-2024", "pilgub-kalteng-2020") for kind in KINDS
                  for path in (ROOT / "data" / edisi / kind).glob("*.yml"))
NAME = {"rapat": "judul", "instansi": "nama", "kecamatan": "nama"}  # the field the browser test edits
HEAD_COMMENT = "# Catatan penyunting: berkas contoh, diperiksa sekretariat desk."
INLINE_COMMENT = " # nama resmi"
KEY_COMMENT = "# Bagian terakhir berkas."

RUNNER = """import { deskFormats, MARK } from './admin/format-desk.js';
import fs from 'fs';
const settings = JSON.parse(fs.readFileSync(new URL('./admin/format-desk.json', import.meta.url)));
const formats = deskFormats(settings);
const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = jobs.map(({ kind, source, data, form }) => {
  const format = formats[settings[kind].name];
  const read = source === null ? {} : format.fromFile(source);
  if (form) return read;  // what the form is given
  const saved = data === null ? read : { ...data, ...(read[MARK] ? { [MARK]: read[MARK] } : {}) };
  return format.toFile(JSON.parse(JSON.stringify(saved)));
});
process.stdout.write(JSON.stringify(out));
"""


def load(text: str):
    """The data as PyYAML's C loader (YAML 1.1) reads it: a date is a date, "62.04" a string, 62.04 a float."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def with_comments(text: str) -> str:
    """An example file with comments where editors put them: under the schema line, after the name, and above the
    last top-level key."""
    lines = text.split("\n")
    name = next(i for i, line in enumerate(lines) if re.match(r"(judul|nama): \S", line))
    lines[name] += INLINE_COMMENT
    last = max(i for i, line in enumerate(lines) if re.match(r"[a-z_]+:", line))
    lines.insert(last, KEY_COMMENT)
    lines.insert(1, HEAD_COMMENT)
    out = "\n".join(lines)
    assert load(out) == load(text)
    return out


def check_saved(saved: str, original: str, kind: str, comments: bool = True) -> None:
    """What a saved file must keep: the schema line first, the comments, codes in double quotes, keys in the
    schema's order, nothing that the desk's loader refuses."""
    settings = format_settings()[kind]
    assert saved.split("\n", 1)[0] == settings["schema_line"]
    if comments:
        for comment in (HEAD_COMMENT, INLINE_COMMENT.strip(), KEY_COMMENT):
            assert comment in saved, (comment, saved)
    check_node(yaml.compose(saved, Loader=yaml.CSafeLoader), settings["tree"])
    assert original.split("\n", 1)[0] == settings["schema_line"]


def check_node(node, tree: dict | None) -> None:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            check_node(item, tree)
        return
    if not isinstance(node, yaml.MappingNode) or tree is None:
        return
    keys = [key.value for key, _ in node.value]
    known = [key for key in keys if key in tree["keys"]]
    assert known == sorted(known, key=tree["keys"].index), keys
    for key, value in node.value:
        scalars = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for scalar in scalars:
            if isinstance(scalar, yaml.ScalarNode) and scalar.tag.endswith(":str") and key.value in tree["quoted"]:
                assert scalar.style == '"', (key.value, scalar.value)
            if isinstance(scalar, yaml.ScalarNode) and key.value in tree["dates"]:
                assert not scalar.style, (key.value, scalar.value)  # plain, as the desk writes dates
        check_node(value, tree["fields"].get(key.value))


def loads_cleanly(text: str, where: Path) -> None:
    where.write_text(text, encoding="utf-8")
    document, problems = load_document(where)
    assert document is not None and problems == [], (problems, text)


@pytest.fixture(scope="module")
def node_format(tmp_path_factory):
    """``run(jobs)``: the built form's format-desk.js under node, one process for all jobs; a job is
    ``{kind, source, data}`` (``source`` read with fromFile, then ``data``, or what was read, saved with toFile), or
    ``{kind, source, form: true}`` (what fromFile gives the form)."""
    if not YAML_BROWSER.is_dir() or shutil.which("node") is None:
        pytest.skip("node or node_modules/yaml is missing: run scripts/node-deps")
    root = tmp_path_factory.mktemp("format")
    for path, text in admin_files(EDISI, {"name": "test-repo"}, publish_mode="simple").items():
        if path.endswith(".js") and not path.startswith(("admin/yaml/", "admin/format-desk")):
            continue  # the CMS is not needed under node
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    (root / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    (root / "run.mjs").write_text(RUNNER, encoding="utf-8")

    def run(jobs: list[dict]) -> list[str]:
        done = subprocess.run(["node", str(root / "run.mjs")], input=json.dumps(jobs), capture_output=True,
                              text=True, encoding="utf-8", timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)
    return run


def test_the_yaml_library_is_shipped_as_npm_installed_it():
    files = admin_files(EDISI, {"name": "test-repo"}, publish_mode="simple")
    if not CMS_SCRIPT.is_file():
        pytest.skip("Decap CMS is not installed: run scripts/node-deps")
    assert files["admin/yaml/index.js"] == (YAML_BROWSER / "index.js").read_text(encoding="utf-8")
    assert json.loads((YAML_BROWSER.parent / "package.json").read_text())["version"].startswith("2.")
    shipped = [path for path in files if path.startswith("admin/yaml/")]
    assert len(shipped) > 50
    for path in shipped:  # every relative import of a shipped module is shipped where it points
        for spec in re.findall(r"^(?:import|export)\b[^'\n]*'(\.{1,2}/[^']+)'", files[path], flags=re.M):
            assert posixpath.normpath(posixpath.join(posixpath.dirname(path), spec)) in files, (path, spec)
    assert all(c["format"] == f"yaml-desk-{c['name'].split('-')[0]}"
               for c in config(EDISI, github_backend(None))["collections"])
    assert json.loads(files["admin/format-desk.json"]) == format_settings()


def test_every_example_file_round_trips(node_format, tmp_path):
    """Every example file of both editions, with comments added, read and saved unchanged: the same data, the
    schema line first, the comments, the codes quoted, the schema's key order, no problem for the desk's loader."""
    sources = [with_comments(path.read_text(encoding="utf-8")) for path in EXAMPLES]
    saved = node_format([{"kind": path.parent.name, "source": source, "data": None}
                         for path, source in zip(EXAMPLES, sources, strict=True)])
    for path, source, text in zip(EXAMPLES, sources, saved, strict=True):
        assert load(text) == load(source), path
        check_saved(text, source, path.parent.name)
        loads_cleanly(text, tmp_path / path.name)
    # where the file already had the schema's order, the text is the file's own, byte for byte
    same = sum(text == source for source, text in zip(sources, saved, strict=True))
    assert same >= 14, same


def test_a_change_keeps_the_comments_of_what_it_did_not_touch(node_format, tmp_path):
    path = ROOT / "data" / EDISI / "kecamatan" / "jenamas.yml"
    source = with_comments(path.read_text(encoding="utf-8")).replace(
        "  - kode: \"62.04.01.2002\"", "  # desa tertua\n  - kode: \"62.04.01.2002\"")
    data = json.loads(json.dumps(load(source), default=str))
    data["nama"] = "Jenamas Baru"
    data["alias"] = ["yes", "08", "62.10", "1e3", "13:30", "2024-07-23", "="]  # a new key, of texts YAML could retype
    data["desa"].pop(0)  # the first village removed: the comment of the third stays with it
    [text] = node_format([{"kind": "kecamatan", "source": source, "data": data}])
    check_saved(text, source, "kecamatan")
    assert "nama: Jenamas Baru # nama resmi" in text
    assert "  # desa tertua\n  - kode: \"62.04.01.2002\"" in text
    assert load(text)["alias"] == data["alias"]  # every one quoted
    assert load(text)["desa"] == load(source)["desa"][1:]
    assert text.index("alias:") < text.index("ibu_kota:")  # the schema's place for a new key
    loads_cleanly(text, tmp_path / "jenamas.yml")


def test_unions_reach_the_form_in_its_shape_and_go_back_in_the_files(node_format, tmp_path):
    """A union's value reaches the form in the one shape the form edits (schemas → format-desk.json ``unions``), and
    is written back in the file's shape while that shape can still say it: a one-item list that was a text stays a
    text, a decision with only its ``uraian`` stays a text, ``ilustratif: true`` stays true while every figure is
    chosen; otherwise the form's shape is written."""
    rapat = ROOT / "data" / EDISI / "rapat" / "2024-07-23-rapat-koordinasi-desk-pilkada.yml"
    kpu = ROOT / "data" / EDISI / "instansi" / "kpu.yml"
    sources = {path: with_comments(path.read_text(encoding="utf-8")) for path in (rapat, kpu)}
    sources[kpu] = sources[kpu].replace("pemilih: 6468\n", 'pemilih: "6.468"\n', 1).replace(
        "pemilih: 11917\n", 'pemilih: "11.917"\n', 1)  # counts may be written as texts with thousands dots
    form_rapat, form_kpu = node_format([{"kind": p.parent.name, "source": sources[p], "form": True} for p in sources])
    file_rapat, file_kpu = load(sources[rapat]), load(sources[kpu])
    assert isinstance(file_rapat["agenda"][0]["instansi"], str)
    assert form_rapat["agenda"][0]["instansi"] == [file_rapat["agenda"][0]["instansi"]]
    assert [k if isinstance(k, dict) else {"uraian": k} for k in file_rapat["keputusan"]] == form_rapat["keputusan"]
    figures = format_settings()["instansi"]["tree"]["fields"]["laporan_pemilih"]["unions"]["ilustratif"]["all"]
    assert [r["ilustratif"] for r in file_kpu["laporan_pemilih"]][:3] == [True, True, ["tps"]]
    assert [r["ilustratif"] for r in form_kpu["laporan_pemilih"]][:3] == [figures, figures, ["tps"]]
    rows, file_rows = form_kpu["laporan_pemilih"][0]["kecamatan"], file_kpu["laporan_pemilih"][0]["kecamatan"]
    assert [r["pemilih"] for r in file_rows[:2]] == ["6.468", "11.917"]
    assert [r["pemilih"] for r in rows[:2]] == [6468, 11917]  # the number field's numbers

    form_rapat["agenda"][0]["instansi"].append("kpu")  # two agencies: a list now
    form_rapat["keputusan"][0]["id"] = "sekretariat-menghimpun"  # a decision with an id: a record now
    form_rapat["keputusan"].insert(0, {"uraian": "Keputusan baru.", "id": ""})  # a new one, with no id
    form_kpu["laporan_pemilih"][0]["ilustratif"] = ["pemilih"]  # some figures: a list now
    form_kpu["laporan_pemilih"][1]["ilustratif"] = []  # none: false, the file's shape
    form_kpu["laporan_pemilih"][2]["ilustratif"] = list(figures)  # the list stays a list
    rows[1]["pemilih"] = 11918  # a changed count: a number now; the unchanged one stays "6.468"
    saved_rapat, saved_kpu = node_format([{"kind": p.parent.name, "source": sources[p], "data": data}
                                          for p, data in ((rapat, form_rapat), (kpu, form_kpu))])
    rapat_data, kpu_data = load(saved_rapat), load(saved_kpu)
    assert rapat_data["agenda"][0]["instansi"] == [file_rapat["agenda"][0]["instansi"], "kpu"]
    assert rapat_data["agenda"][1:] == file_rapat["agenda"][1:]  # untouched: its texts stay texts
    # the new decision takes the place, and so the shape, of the first: a text
    assert rapat_data["keputusan"][:2] == ["Keputusan baru.",
                                          {"id": "sekretariat-menghimpun", "uraian": file_rapat["keputusan"][0]}]
    assert rapat_data["keputusan"][2:] == file_rapat["keputusan"][1:]
    assert [r["ilustratif"] for r in kpu_data["laporan_pemilih"]][:3] == [["pemilih"], False, figures]
    assert [r["pemilih"] for r in kpu_data["laporan_pemilih"][0]["kecamatan"][:3]] == [
        "6.468", 11918, file_rows[2]["pemilih"]]
    assert kpu_data["laporan_pemilih"][3:] == file_kpu["laporan_pemilih"][3:]
    for path, text in ((rapat, saved_rapat), (kpu, saved_kpu)):
        check_saved(text, sources[path], path.parent.name)
        loads_cleanly(text, tmp_path / path.name)


def test_a_new_file_gets_the_schema_line_and_order(node_format, tmp_path):
    data = {"ringkasan": "Rapat singkat.", "peserta": ["setda"], "tempat": "Buntok", "waktu": "09.00",
            "judul": "Rapat: evaluasi", "tanggal": "2024-12-02", "pimpinan": {"jabatan": "Sekda", "nama": "Edy"},
            "catatan_data": "", "sumber": []}
    [text] = node_format([{"kind": "rapat", "source": None, "data": data}])
    check_saved(text, format_settings()["rapat"]["schema_line"], "rapat", comments=False)
    assert 'waktu: "09.00"' in text and "tanggal: 2024-12-02\n" in text
    assert "catatan_data" not in text and "sumber" not in text  # empty fields the form showed are not written
    assert [line.split(":")[0] for line in text.split("\n")[1:] if re.match(r"[a-z_]+:", line)] == [
        "judul", "tanggal", "waktu", "tempat", "pimpinan", "peserta", "ringkasan"]
    loads_cleanly(text, tmp_path / "baru.yml")


# --- in a real browser: Decap's editor saves through the format ------------------------------------------------

def save_in_the_form(browser, edisi: str, paths: list[Path], root: Path) -> dict[Path, str]:  # noqa: F811
    """Each file, with comments, opened in the built form of its edition (Decap's test-repo backend, direct
    publishing) at its address in the form, its name edited (Decap publishes nothing unchanged: a
    character typed and deleted leaves the button off) and published, then back to the list; the saved texts."""
    from support import StaticServer
    for path, text in admin_files(edisi, {"name": "test-repo"}, publish_mode="simple").items():
        (root / edisi / path).parent.mkdir(parents=True, exist_ok=True)
        (root / edisi / path).write_text(text, encoding="utf-8")
    tree: dict = {}
    for path in paths:
        tree.setdefault(path.parent.name, {})[path.name] = {
            "content": with_comments(path.read_text(encoding="utf-8")), "path": path.relative_to(ROOT).as_posix()}
    # the test-repo backend reads an entry by its path's parts, but lists a folder by its whole path as one key:
    # the same folder objects under both
    folders = ", ".join(f"{json.dumps(f'data/{edisi}/{kind}')}: tree[{json.dumps(kind)}]" for kind in tree)
    saved = {}
    with StaticServer(root) as server:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)  # a busy machine: the suite runs beside this on every core
        page.add_init_script(f"const tree = {json.dumps(tree)};"
                             f"window.repoFiles = {{data: {{{json.dumps(edisi)}: tree}}, {folders}}};")
        page.goto(f"{server.url}/{edisi}/admin/index.html")
        page.get_by_role("button", name=re.compile(r"^(Masuk|Login)$")).click()
        for path in paths:
            kind, name = path.parent.name, NAME[path.parent.name]
            # the file's own address in the form (what the list's entry links to): no race with the list's loading
            page.evaluate(f"() => {{ location.hash = '#/collections/{kind}-{edisi}/entries/{path.stem}'; }}")
            wanted = load(path.read_text(encoding="utf-8"))[name]
            page.wait_for_function(f"() => document.querySelector('[id^={name}-field]')?.value === {json.dumps(wanted)}")
            field = page.locator(f"[id^={name}-field]").first
            field.press("End")
            field.type("x")
            page.get_by_role("button", name=re.compile(r"^(Terbitkan|Publish)$")).click()
            page.get_by_text(re.compile(r"^(Terbitkan sekarang|Publish now)$")).click()
            before = json.dumps(tree[kind][path.name]["content"])
            page.wait_for_function(f"() => window.repoFiles.data[{json.dumps(edisi)}][{json.dumps(kind)}]"
                                   f"[{json.dumps(path.name)}].content !== {before}")
            saved[path] = page.evaluate(f"() => window.repoFiles.data[{json.dumps(edisi)}][{json.dumps(kind)}]"
                                        f"[{json.dumps(path.name)}].content")
            page.locator(f"a[href='#/collections/{kind}-{edisi}']").first.click()  # the editor's way back
            page.wait_for_function(f"() => !document.querySelector('[id^={name}-field]')")
            page.locator(f"a[href$='/collections/{kind}-{edisi}/entries/{path.stem}']").wait_for()  # listed again
        page.close()
    return saved


def test_files_saved_through_the_form_keep_their_data_comments_and_validate(browser, tmp_path):  # noqa: F811
    chosen = {edisi: [p for p in EXAMPLES if p.parts[-3] == edisi] for edisi in ("pilkada-2024", "pilgub-kalteng-2020")}
    saved = {}
    for edisi, paths in chosen.items():
        saved.update(save_in_the_form(browser, edisi, paths, tmp_path / "admin"))
    project = tmp_path / "project"
    for name in ("data", "content", "schemas"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for path, text in saved.items():
        kind, name = path.parent.name, NAME[path.parent.name]
        original = with_comments(path.read_text(encoding="utf-8"))
        expected = load(original)
        expected[name] += "x"
        assert load(text) == expected, path
        check_saved(text, original, kind)
        (project / path.relative_to(ROOT)).write_text(text, encoding="utf-8")
    from test_examples import problem_lines, run_validate
    result = run_validate(project)
    assert [line for line in problem_lines(result) if ": peringatan: " not in line] == []
    assert result.returncode == 0
