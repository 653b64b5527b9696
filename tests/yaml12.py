"""YAML as editors' tools read it: the YAML 1.2 core schema, the way the YAML language server (VS Code's YAML
extension, and the git host's web editor through it) and check-jsonschema read a file before they apply a schema.

PyYAML's parser with the resolvers of YAML 1.2 § 10.3.2 in place of PyYAML's YAML 1.1 ones: a date stays text
(the schemas say string/format date), ``no``/``yes``/``on`` stay text, ``052521500`` is the integer 52521500,
``131.140`` the number 131.14, ``62.10`` the number 62.1. Nothing of ``generator.load.reader`` is used.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml


class CoreSchemaLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's implicit types only."""


CoreSchemaLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    CoreSchemaLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def _core_int(loader: CoreSchemaLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text, 10)  # decimal, leading zeros included (YAML 1.1 would read them as octal)


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _core_int)


def load_yaml12(path: Path) -> Any:
    """The file's data as the YAML language server sees it (bytes, so that a byte-order mark is handled)."""
    return yaml.load(Path(path).read_bytes(), Loader=CoreSchemaLoader)
