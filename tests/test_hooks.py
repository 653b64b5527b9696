"""The pre-commit hook (scripts/git-hooks/pre-commit, also run by .pre-commit-config.yaml) stops a commit of
data that `bulletin validate` rejects, and one whose .github/CODEOWNERS no longer follows the reviewers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "scripts/git-hooks/pre-commit"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    for name in ("data", "contoh-terbatas", ".github", "content", "schemas"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "awal")
    return repo


def run_hook(repo: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run([str(HOOK)], cwd=repo, capture_output=True, text=True, env=env, timeout=120)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text, flags=re.M)
    path.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


def test_typo_in_a_figure_stops_the_commit(repo):
    edit(repo / "data/pilkada-2024/instansi/satpol-pp.yml", r"linmas_siap: ([0-9]+)$", r"linmas_siap: \g<1>O")
    git(repo, "add", "-A")
    result = run_hook(repo)
    assert result.returncode == 1
    assert "linmas_siap: harus bilangan bulat" in result.stdout
    assert "Commit dibatalkan" in result.stderr


def test_stale_codeowners_stops_the_commit(repo):
    edit(repo / "data/pilkada-2024/instansi/kpu.yml", r"^pemeriksa: .*$", 'pemeriksa: ["@budi-santoso"]')
    git(repo, "add", "-A")
    result = run_hook(repo)
    assert result.returncode == 1 and "bulletin codeowners" in result.stderr
    subprocess.run([str(Path(sys.executable).parent / "bulletin"), "codeowners"], cwd=repo, check=True,
                   capture_output=True)
    git(repo, "add", "-A")
    assert run_hook(repo).returncode == 0
