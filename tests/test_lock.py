"""The lock files: .venv holds exactly what requirements.txt pins, the pins satisfy pyproject.toml, the runtime
lock that desks get holds the same pins, a file whose hash differs from the lock is refused, and the npm packages
are pinned exactly with integrity hashes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import sysconfig
import tomllib
from importlib.metadata import distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import generator

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
RUNTIME_LOCK = ROOT / "generator" / "tools" / "desk" / "requirements-paket.txt"  # `bulletin init` reads it
PROJECT = "buletin-desk-pilkada"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def locked_blocks(lock: Path = LOCK) -> dict[str, str]:
    """Each locked package's requirement text (its pin and hash lines), by normalised name."""
    blocks: dict[str, list[str]] = {}
    name = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := PIN.match(line):
            name = canonicalize_name(match[1])
            blocks[name] = [line]
        elif name and line.lstrip().startswith("--hash="):
            blocks[name].append(line)
        else:
            name = None
    return {name: "\n".join(lines) + "\n" for name, lines in blocks.items()}


def locked_versions() -> dict[str, str]:
    return {name: PIN.match(block)[2] for name, block in locked_blocks().items()}


def test_every_locked_package_has_hashes():
    blocks = locked_blocks()
    assert len(blocks) > 50
    assert [name for name, block in blocks.items() if "--hash=sha256:" not in block] == []


def pins(lock: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """(version, hashes) of each package of a lock."""
    return {name: (PIN.match(block)[2], frozenset(re.findall(r"--hash=(sha256:[0-9a-f]{64})", block)))
            for name, block in locked_blocks(lock).items()}


def test_the_runtime_lock_pins_what_the_lock_pins():
    """The runtime lock (the package's dependencies alone, from which `bulletin init` writes a desk's lock) holds
    each of its packages at requirements.txt's version, with the same hashes: `make lock` writes both, and they
    never drift apart. It holds no tool of the tests, the lint or the lock."""
    runtime, full = pins(RUNTIME_LOCK), pins(LOCK)
    assert len(runtime) > 30 and set(runtime) < set(full)
    assert {name: (pin, full.get(name)) for name, pin in runtime.items() if full.get(name) != pin} == {}, \
        "(runtime lock, requirements.txt) pins differ; run make lock"
    assert {"pytest", "hypothesis", "ruff", "uv", "pip", "setuptools"}.isdisjoint(runtime)
    assert all(hashes for _version, hashes in runtime.values())


def test_installed_distributions_equal_the_lock():
    """What pip installed into .venv is what the lock names, at the locked version, and nothing else."""
    site_dirs = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in distributions(path=site_dirs)}
    assert installed.pop(PROJECT, None) == generator.__version__, f"{PROJECT} is not installed in {site_dirs}"
    locked = locked_versions()
    differences = {name: (installed.get(name), locked.get(name))
                   for name in installed.keys() | locked.keys() if installed.get(name) != locked.get(name)}
    assert differences == {}, "(installed, locked) versions differ; run make site (or make lock)"


def test_lock_satisfies_pyproject():
    """Every requirement of pyproject.toml (dependencies, the test extra, the dependency groups) is pinned in
    the lock at a version it allows: the lock is not older than pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*project["project"]["dependencies"], *project["project"]["optional-dependencies"]["test"],
              *(req for group in project["dependency-groups"].values() for req in group)]
    locked = locked_versions()
    problems = []
    for text in wanted:
        req = Requirement(text)
        version = locked.get(canonicalize_name(req.name))
        if version is None or not req.specifier.contains(version, prereleases=True):
            problems.append(f"{text}: locked {version}")
    assert problems == [], "requirements.txt does not match pyproject.toml; run make lock"


def pip_install(requirements: Path, target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pip", "install", "--require-hashes", "--no-deps", "--no-input",
                           "--progress-bar", "off", "--target", str(target), "-r", str(requirements)],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)


def test_a_tampered_hash_makes_installation_fail(tmp_path):
    """One small locked package, installed from the lock's own lines, then with every hash altered: pip
    refuses the download. (The download comes from pip's cache when make site fetched it already.)"""
    blocks = locked_blocks()
    name = next(n for n in ("mergedeep", "ghp-import", "pyyaml-env-tag", "iniconfig") if n in blocks)
    genuine = tmp_path / "genuine.txt"
    genuine.write_text(blocks[name], encoding="utf-8")
    tampered = tmp_path / "tampered.txt"
    tampered.write_text(re.sub(r"(sha256:[0-9a-f]{63})([0-9a-f])",
                               lambda m: m[1] + ("0" if m[2] != "0" else "1"), blocks[name]), encoding="utf-8")
    assert tampered.read_text() != genuine.read_text()

    ok = pip_install(genuine, tmp_path / "genuine")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    refused = pip_install(tampered, tmp_path / "tampered")
    assert refused.returncode != 0, refused.stdout
    assert "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE" in refused.stderr, refused.stderr
    assert not any((tmp_path / "tampered").glob(f"{name.replace('-', '_')}*"))


def test_npm_packages_are_pinned_exactly_with_integrity():
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    declared = {**manifest.get("dependencies", {}), **manifest.get("optionalDependencies", {})}
    assert {"axe-core", "vnu-jar", "lighthouse"} <= declared.keys()
    assert [f"{n}@{v}" for n, v in declared.items() if not re.fullmatch(r"\d+\.\d+\.\d+", v)] == []
    packages = lock["packages"]
    assert {n: packages[f"node_modules/{n}"]["version"] for n in declared} == declared
    assert [p for p, meta in packages.items() if p and "integrity" not in meta] == []
