"""Buletin Desk Pilkada: YAML data of a regency's election desk turned into a Material for MkDocs site.

The pipeline (``generator.pipeline`` tells it in one screen), one package per stage:

    load      data files → typed records, every problem at once       (generator.load)
    domain    what the bulletin knows: regions, thresholds, series…    (generator.domain)
    check     the cross-file rules, once per election edition          (generator.check)
    edition   what a site edition may show                             (generator.edition)
    views     the site model of one edition                            (generator.views)
    render    {path: Markdown} via Jinja2, downloads, PDF              (generator.render)
    build     MkDocs + Material, at the edge                           (generator.build)

Nothing outside ``generator.build`` imports MkDocs; editors' tools are in ``generator.tools``.
"""

from generator import fingerprint  # noqa: F401  the digest of the code, taken as the package is imported

__version__ = "0.2.0"
