"""Incremental builds on a desk of several kabupaten: after any sequence of record edits, the warm path gives
exactly what a cold run in a fresh process gives (the machinery is tests/differential.py's).

The desk is bench/make_dataset.py's, two kabupaten of a province (23 kecamatan, 12 agencies, restricted values
inline), so that the warm path's shortcuts meet what a single regency never has: pages and figures per kabupaten
and province, agencies reporting on some kecamatan and not others. Hypothesis draws edits of kecamatan and agency
records, each applied to one of several files and undone by applying it again:

* a kecamatan's figure or text changes (a logistics route, the ASN proposal that decides its status), a risk is
  raised to high (its kabupaten's count of open high risks), a contact is added, a risk is removed, a value is
  made invalid (validation fails), the file is removed (the agencies' reports then name an unknown kecamatan);
* an agency's reported figure changes (Linmas per TPS: a warning and a status), a report row is removed, a contact
  is added, the agency's file is removed.

After each step the warm path (the same process, or a new process with the same cache) is held against a cold run
in a fresh process with another hash seed and an empty cache: the problems the data has are the same, word for
word; the build succeeds or fails alike; where both succeed, the two sites are equal file for file (pages, search
index, downloads, the offline ZIP); where both fail, the warm site stays as it was.

    .venv/bin/python -m pytest tests/test_incremental.py -p no:randomly --warm-cold-examples 4   # 3 drawn too
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from differential import ROOT, WarmProcess, Workspace
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_warm_cold import step  # the warm path held against a cold run in a fresh process, after one edit

sys.path.insert(0, str(ROOT / "bench"))
import make_dataset  # noqa: E402

pytestmark = pytest.mark.build

# `make test` (tests/conftest.py's --warm-cold-examples 1, the default) runs MAKE_TEST_SEQUENCE; with
# --warm-cold-examples N, the explicit sequences and N - 1 drawn ones (derandomized: every run tries the same).
DATA = Path("data") / make_dataset.EDISI


@dataclass(frozen=True)
class RecordEdit:
    """An edit of one data file, as ``re.sub`` of its first match (``None``: the file is removed)."""

    name: str
    folder: str  # kecamatan | instansi
    pattern: str | None
    replacement: str | None = None

    def apply(self, path: Path) -> None:
        if self.pattern is None:
            path.unlink()
            return
        text = path.read_text(encoding="utf-8")
        changed, count = re.subn(self.pattern, self.replacement, text, count=1, flags=re.MULTILINE)
        assert count == 1, f"{self.name}: no match in {path}"
        path.write_text(changed, encoding="utf-8")


CONTACT = "kontak:\n  - jabatan: \"Pos pengaduan (uji)\"\n    telepon_kantor: \"0062 525 21500\"\n"
EDITS = {edit.name: edit for edit in [
    RecordEdit("rute", "kecamatan", r"^(        waktu_tempuh_jam: )[0-9.]+$", r"\g<1>7"),
    RecordEdit("asn", "kecamatan", r"^(      diserahkan: )true$", r"\g<1>false"),
    RecordEdit("risiko-tinggi", "kecamatan", r"^(    tingkat: )(sedang|rendah)$", r"\g<1>tinggi"),
    RecordEdit("risiko-dihapus", "kecamatan", r"^risiko:\n(?:  .*\n|    .*\n)*", ""),
    RecordEdit("kontak-baru", "kecamatan", r"^kontak:\n", CONTACT),
    RecordEdit("tidak-valid", "kecamatan", r"^(        waktu_tempuh_jam: )[0-9.]+$", r"\g<1>dua jam"),
    RecordEdit("kecamatan-dihapus", "kecamatan", None),
    RecordEdit("linmas", "instansi", r"^(        linmas_siap: )[0-9]+$", r"\g<1>1"),
    RecordEdit("baris-dihapus", "instansi", r"^      - kecamatan: \"[0-9.]+\"\n        [a-z_]+: [0-9]+\n(?=      - )", ""),
    RecordEdit("kontak-instansi", "instansi", r"^kontak:\n", CONTACT),
    RecordEdit("instansi-dihapus", "instansi", None),
]}
STEP = st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 50), st.sampled_from(["sama", "baru"]))


@pytest.fixture(scope="module")
def space(tmp_path_factory):
    """A workspace holding the desk (``pristine`` kept beside it, to start each example from) and the package."""
    root = tmp_path_factory.mktemp("inkremental")
    make_dataset.make("province", root / "asli", kabupaten_limit=2)
    shutil.copytree(ROOT / "generator", root / "paket" / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return Workspace(root)


def reset(space: Workspace) -> None:
    """The desk as made, with an empty cache and no site: each example starts from a cold warm path."""
    shutil.rmtree(space.project, ignore_errors=True)
    shutil.copytree(space.root / "asli", space.project)


def target(space: Workspace, edit: RecordEdit, index: int) -> Path | None:
    """The ``index``-th file (modulo their number) of the edit's folder that the edit applies to, if any."""
    folder = space.project / DATA / edit.folder
    files = sorted(folder.rglob("*.yml"))
    if edit.pattern is not None:
        files = [path for path in files
                 if re.search(edit.pattern, path.read_text(encoding="utf-8"), flags=re.MULTILINE)]
    return files[index % len(files)] if files else None


# What `make test` runs (its budget, --warm-cold-examples 1): an agency's figure that moves its kabupaten's and the
# desk's totals, on the warm process; then a kecamatan file removed (the build fails), on a new process.
MAKE_TEST_SEQUENCE = [("linmas", 1, "sama"), ("kecamatan-dihapus", 4, "baru")]


def test_warm_equals_cold_after_record_edits(space, request):
    drawn = request.config.getoption("--warm-cold-examples") - 1
    if drawn < 1:
        run_sequence(space, MAKE_TEST_SEQUENCE)
        return

    @settings(max_examples=drawn, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    # One kecamatan's text (its page only), then a figure that moves its kabupaten's and the desk's totals; a
    # risk raised in one kabupaten; an agency's report row removed; a file removed (the build fails), then a
    # second edit on a new process.
    @example(MAKE_TEST_SEQUENCE)
    @example([("rute", 0, "sama"), ("linmas", 1, "sama")])
    @example([("risiko-tinggi", 9, "baru"), ("baris-dihapus", 2, "sama")])
    @example([("kecamatan-dihapus", 4, "sama"), ("asn", 3, "baru")])
    @given(st.lists(STEP, min_size=1, max_size=3))
    def run(steps):
        run_sequence(space, steps)

    run()


def run_sequence(space: Workspace, steps) -> None:
    """From the site and caches a first build leaves, each edit applied, then held warm against cold (``step``)."""
    reset(space)
    warm = WarmProcess(space)
    try:
        warm.ask(op="build")
        for name, index, path in steps:
            edit = EDITS[name]
            file = target(space, edit, index)
            if file is None:
                continue
            edit.apply(file)
            step(space, warm, path, f"{name} {file.name} ({path})")
    finally:
        warm.stop()
