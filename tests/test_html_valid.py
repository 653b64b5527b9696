"""Every built HTML page is valid HTML, by the Nu HTML Checker (the W3C validator, npm package ``vnu-jar``).

All the HTML of both site editions and every election edition is checked in one run of the checker with the
machine's Java: the pages, 404.html, the ``terbaru/`` alias and the root redirects. The checker's errors are not
filtered: a page with any error fails, and the message says file, line and what is wrong.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from node_deps import node_package


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    return node_package("vnu-jar/build/dist/vnu.jar")


def run_vnu(jar: Path, files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    assert java, "java is not installed (Debian: apt-get install --no-install-recommends default-jre-headless)"
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    output = result.stderr.strip() or result.stdout.strip()  # the checker writes its report to stderr
    try:
        report = json.loads(output)
    except json.JSONDecodeError:
        pytest.fail(f"the checker gave no JSON report (exit {result.returncode}):\n{output[:2000]}")
    messages = report.get("messages", [])
    assert messages or result.returncode == 0, f"exit {result.returncode} without messages:\n{output[:2000]}"
    return messages


def test_every_page_is_valid_html(built_site, vnu_jar):
    files = sorted(built_site.rglob("*.html"))
    editions = {f.relative_to(built_site).parts[0] for f in files}
    assert editions == {"publik", "internal"}, editions
    assert any(f.name == "404.html" for f in files)
    messages = run_vnu(vnu_jar, files)
    by_file: dict[str, list[str]] = defaultdict(list)
    for m in messages:
        where = m.get("url", "?").removeprefix("file:").removeprefix(str(built_site) + "/")
        line = m.get("lastLine", "?")
        extract = " ".join(m.get("extract", "").split())[:120]
        by_file[where].append(f"line {line}: {m.get('type')}: {m.get('message')}  [{extract}]")
    summary = "\n".join(f"{page}\n" + "\n".join(f"    {e}" for e in errors[:5])
                        + (f"\n    … {len(errors) - 5} more" if len(errors) > 5 else "")
                        for page, errors in sorted(by_file.items()))
    assert not messages, f"{len(messages)} errors in {len(by_file)} of {len(files)} files:\n{summary}"
