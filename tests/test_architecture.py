"""The shape of the code: each stage a module with one job, imported only from above, and MkDocs only at the edge.

The import graph is read from the source (every ``from .x import`` and ``import generator.x``, at any depth
of a module, lazy imports included) and checked against the order of the pipeline in DESIGN.md:

    load → validate → checks → edition → views → render → build (the MkDocs adapter) → cli
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Each module's layer; a module may import only modules of a lower or the same layer (same layer: helpers of
# one stage, e.g. series and ledger are both read by views). Every module of the package must be listed.
LAYERS = {
    0: ["__init__", "fingerprint", "thresholds", "messages", "problems", "exemptions", "editions", "project", "output",
        "memo", "processes"],
    1: ["types", "load"],
    2: ["schema", "regions", "merge"],
    3: ["validate"],
    4: ["model", "readiness", "directory", "series", "checks"],
    5: ["edition", "ledger", "opendata"],
    6: ["views", "guard"],
    7: ["render", "export", "versions", "publish", "report", "jsonschema", "pdf", "split", "scaffold", "codeowners", "cms"],
    8: ["pipeline"],
    9: ["mkdocs_plugin", "mkdocs_build", "site_build", "preview"],
    10: ["cli"],
}
ADAPTER = {"mkdocs_plugin", "mkdocs_build", "site_build", "preview"}  # the builder: the only place MkDocs is
STAGE_OF = {name: layer for layer, names in LAYERS.items() for name in names}


def imports(path: Path) -> set[str]:
    """The package modules and outside packages a module imports (top-level names)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level and node.module:  # from .x import y
                found.add("generator." + node.module.split(".")[0])
            elif node.level:  # from . import x, y (modules, or names of the package itself)
                found.update(f"generator.{alias.name}" if (PACKAGE / f"{alias.name}.py").is_file()
                             else "generator.__init__" for alias in node.names)
            elif node.module:
                found.add(node.module if node.module.startswith("generator") else node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name if alias.name.startswith("generator") else alias.name.split(".")[0]
                         for alias in node.names)
    return found


MODULES = sorted(p.stem for p in PACKAGE.glob("*.py"))


def test_every_module_has_a_layer():
    assert sorted(STAGE_OF) == MODULES, "a new module: give it its layer in LAYERS"


@pytest.mark.parametrize("module", MODULES)
def test_no_stage_imports_one_above_it(module):
    own = STAGE_OF[module]
    above = sorted(name for name in imports(PACKAGE / f"{module}.py") if name.startswith("generator.")
                   and STAGE_OF[name.split(".")[1]] > own)
    assert not above, f"{module} (layer {own}) imports {above}, which come later in the pipeline"


@pytest.mark.parametrize("module", MODULES)
def test_mkdocs_only_in_the_adapter(module):
    outside = {"mkdocs", "material"} & imports(PACKAGE / f"{module}.py")
    if module in ADAPTER:
        return
    assert not outside, f"{module} imports {sorted(outside)}: only {sorted(ADAPTER)} may"


def test_the_core_passes_nothing_through_environment_variables():
    for path in PACKAGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "os.environ[" not in text.replace('os.environ["GITHUB_STEP_SUMMARY"]', ""), path.name
        assert "os.environ.update" not in text and "os.putenv" not in text, path.name
