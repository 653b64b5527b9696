"""Buletin Desk Pilkada: YAML data of a regency's election desk turned into a Material for MkDocs site.

The pipeline (``generator.pipeline`` tells it in one screen):

    load      strict YAML with line marks                         (generator.load, generator.merge)
    validate  typed records, every problem at once                (generator.schema, generator.validate)
    check     references and consistency rules, once per edition  (generator.checks)
    edition   what a site edition may show                        (generator.edition)
    views     the site model: figures, readiness, action items    (generator.views)
    render    {path: Markdown} via Jinja2                         (generator.render, generator.export)
    build     MkDocs + Material, at the edge                      (generator.site_build, generator.mkdocs_*)

Nothing outside the builder imports MkDocs.
"""

from . import fingerprint  # noqa: F401  the digest of the code, taken as the package is imported

__version__ = "0.1.0"
