"""Buletin Desk Pilkada: YAML data of a regency's election desk turned into a Material for MkDocs site.

The pipeline, one module per stage:

    load      strict YAML with line marks           (generator.load)
    validate  typed records, every problem at once  (generator.schema, generator.validate)
    link      cross-references, figures, readiness  (generator.link, generator.readiness)
    render    {path: Markdown} via Jinja2           (generator.render)
    build     MkDocs + Material, at the edge        (generator.mkdocs_plugin, generator.site_build)

Nothing outside ``mkdocs_plugin`` and ``site_build`` imports MkDocs.
"""

__version__ = "0.1.0"
