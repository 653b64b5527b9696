"""The JSON Schema of each kind of data file, exported from the pydantic models (nothing hand-written)."""

from __future__ import annotations

from .schema import FILE_MODELS

SCHEMA_ID = "https://buletin-desk-pilkada.invalid/schema/{kind}.schema.json"


def schemas() -> dict[str, dict]:
    out = {}
    for kind, model in FILE_MODELS.items():
        document = model.model_json_schema()
        document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        document["$id"] = SCHEMA_ID.format(kind=kind)
        out[kind] = document
    return out
