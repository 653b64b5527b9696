"""Names that vulture (``make lint``) cannot see used: they are called or read by MkDocs, click, pydantic, the
templates' words (added by scripts/lint) or the tests. Each is named here, with who uses it."""

# ruff: noqa: F821, B018
# MkDocs calls the plugin's events and reads its settings (mkdocs.yml: plugins: - bulletin)
BulletinPlugin
on_startup
dirty  # an argument of on_startup
on_config
on_files
on_env
on_nav
on_page_markdown
on_page_context
on_page_content
on_post_page
on_post_template
on_post_build
on_serve
repositori
error_handler  # set on MkDocs' LiveReloadServer: what it serves for a missing page
observer  # set on MkDocs' LiveReloadServer: the watcher it starts in serve() (generator.build.preview.watcher)
external_attr  # set on a ZIP entry (generator/build/offline.py): zipfile writes it into the archive
# click calls the commands
new_rapat
new_laporan
pdf
init
migrate
# pydantic reads these
model_config
_restricted_needs_basis
# fields of the data files: validated and kept, not (yet) shown on a page
dasar_hukum
laporan_kependudukan
laporan_pemilih
laporan_linmas
# the tests and the editors' guide read this list of messages
ALSO_IN_EDITOR
