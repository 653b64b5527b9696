"""The shape of the code, checked by package: the import graph is read from the source (every ``import`` and
``from … import`` at any depth of a module, lazy imports included) and held against the rules below.

The packages, in the order of the pipeline in DESIGN.md (a package may import its own modules and those of
earlier packages, never a later one):

    (base)   fingerprint, memo, project          what every stage may use: the code's digest, the memo, settings
    load     reading, schema, overlay, validation, messages, problems
    domain   regions, editions, thresholds, directory, series, ledger, readiness, the site's values (model);
             it reads the records of load and imports no other stage
    check    the cross-file rules
    edition  the filter of a site edition, the guard of a public repository
    views    the site model of one edition
    render   Markdown, downloads, open data, PDF, schemas, the web form
    pipeline the story of a build, in one screen; it imports no tool and nothing of the builder
    build    the only package that imports MkDocs          tools    editors' tools (neither imports the other)
    cli      the commands
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

BASE = {"generator.fingerprint", "generator.memo", "generator.project", "generator"}
ORDER = ["base", "load", "domain", "check", "edition", "views", "render", "pipeline", "build", "cli"]
RANK = {name: rank for rank, name in enumerate(ORDER)} | {"tools": ORDER.index("build")}
MKDOCS = {"mkdocs", "material"}
HANDED_TO_THE_BUILDER = ["Job", "JobOutput", "BuiltPage", "BuildFailed", "Publication", "Checked"]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit_of(module: str) -> str:
    """The package a module belongs to (``generator.views.build`` → views), or base / pipeline / cli."""
    if module in BASE:
        return "base"
    parts = module.split(".")
    return parts[1]


def imports(path: Path) -> set[str]:
    """Every module of the package and every outside top-level package that a module imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import (the package uses absolute imports)"
            module = node.module or ""
            if module == "generator" or module.startswith("generator."):
                for alias in node.names:  # a submodule imported by name, or a name of the module
                    sub = f"{module}.{alias.name}"
                    found.add(sub if sub in MODULES else module)
            else:
                found.add(module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(a.name if a.name.startswith("generator") else a.name.split(".")[0] for a in node.names)
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports(path) for name, path in MODULES.items()}


def violations(graph: dict[str, set[str]]) -> list[str]:
    """Every broken rule of an import graph (module → what it imports), in words."""
    found = []
    for module, imported in sorted(graph.items()):
        unit = unit_of(module)
        if unit not in RANK:
            found.append(f"{module}: in no package of the rules ({unit})")
            continue
        if MKDOCS & imported and unit != "build":
            found.append(f"{module} imports {sorted(MKDOCS & imported)}: only build/ may")
        for other in sorted(name for name in imported if name.startswith("generator")):
            target = unit_of(other)
            if target == unit:
                continue
            if target not in RANK:
                found.append(f"{module} imports {other}, in no package of the rules")
            elif {unit, target} == {"build", "tools"}:
                found.append(f"{module} imports {other}: the builder and the tools do not import each other")
            elif RANK[target] > RANK[unit]:
                found.append(f"{module} ({unit}) imports {other} ({target}), a later stage")
    return found


def test_every_module_is_in_a_package_of_the_rules():
    assert not [m for m in MODULES if unit_of(m) not in RANK]


def test_the_import_graph_keeps_the_rules():
    assert violations(GRAPH) == []


@pytest.mark.parametrize("module, imported, broken", [
    ("generator.domain.series", "generator.views.build", "a later stage"),
    ("generator.domain.ledger", "generator.check.consistency", "a later stage"),
    ("generator.load.validate", "generator.domain.regions", "a later stage"),
    ("generator.pipeline", "generator.tools.scaffold", "a later stage"),
    ("generator.pipeline", "generator.build.processes", "a later stage"),
    ("generator.render.markdown", "mkdocs", "only build/ may"),
    ("generator.views.build", "material", "only build/ may"),
    ("generator.tools.split", "generator.build.runs", "do not import each other"),
    ("generator.build.site", "generator.tools.codeowners", "do not import each other"),
])
def test_a_broken_rule_is_found(module, imported, broken):
    """The rules bite: the real graph with one wrong arrow added is refused, with the reason."""
    graph = {name: set(found) for name, found in GRAPH.items()}
    graph[module].add(imported)
    assert any(broken in line and line.startswith(module) for line in violations(graph)), violations(graph)


def test_only_build_imports_mkdocs_even_indirectly():
    """Importing the core (pipeline and everything below it) loads no MkDocs module: checked in the graph,
    transitively, so a helper that pulls MkDocs in through another module is found too."""
    def reach(module: str, seen: set[str]) -> set[str]:
        for name in GRAPH.get(module, ()):
            if name not in seen:
                seen.add(name)
                reach(name, seen)
        return seen
    assert not MKDOCS & reach("generator.pipeline", set())


def test_what_the_builder_is_handed_is_defined_outside_the_mkdocs_modules():
    defined = {node.name: module for module, path in MODULES.items()
               for node in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(node, ast.ClassDef)}
    for name in HANDED_TO_THE_BUILDER:
        assert not MKDOCS & GRAPH[defined[name]], f"{name} is defined in {defined[name]}, which imports MkDocs"


def test_the_core_passes_nothing_through_environment_variables():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "os.environ[" not in text.replace('os.environ["GITHUB_STEP_SUMMARY"]', ""), path.name
        assert "os.environ.update" not in text and "os.putenv" not in text, path.name
