"""The ``bulletin`` command: validate, build, serve, render and schema.

Exit status: 0 ok, 1 data problems, 2 usage or environment error. No traceback reaches an editor.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import report
from .pipeline import check
from .editions import EDITIONS
from .problems import DataProblemsError
from .project import Project

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _project(ctx: click.Context) -> Project:
    return ctx.obj["project"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", "project_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder proyek (berisi mkdocs.yml); bawaan: folder kerja atau induknya.")
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """Buletin Desk Pilkada: periksa data YAML dan bangun situs buletinnya."""
    ctx.ensure_object(dict)
    ctx.obj["project"] = Project(project_dir.resolve()) if project_dir else Project.find()


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(report.FORMATS)), default="text",
              help="Bentuk laporan: text (editor), github (anotasi), json (mesin).")
@click.option("--strict", is_flag=True, help="Peringatan juga menggagalkan.")
@click.pass_context
def validate(ctx: click.Context, fmt: str, strict: bool) -> None:
    """Periksa semua berkas data dan laporkan setiap masalah sekaligus."""
    checked = check(_project(ctx))
    click.echo(report.FORMATS[fmt](checked.problems))
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(report.as_job_summary(checked.problems) + "\n")
    ctx.exit(EXIT_DATA if checked.problems.failed(strict) else EXIT_OK)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder tujuan halaman Markdown.")
@click.option("--edition", type=click.Choice(EDITIONS), default="publik", show_default=True, help="Edisi situs.")
@click.option("--edisi", default=None, help="Edisi pemilihan (folder di data/); bawaan: yang terbaru.")
@click.option("--strict", is_flag=True, help="Peringatan juga menggagalkan.")
@click.pass_context
def render(ctx: click.Context, out_dir: Path, edition: str, edisi: str | None, strict: bool) -> None:
    """Tulis halaman Markdown hasil data ke folder, tanpa MkDocs."""
    from .render import write_pages
    from .pipeline import render_project

    try:
        pages = render_project(_project(ctx), edition=edition, edisi=edisi, strict=strict)
    except DataProblemsError as exc:
        click.echo(report.as_text(exc.problems), err=True)
        ctx.exit(EXIT_DATA)
    except KeyError:
        click.echo(f"Edisi pemilihan \"{edisi}\" tidak ada.", err=True)
        ctx.exit(EXIT_USAGE)
    write_pages(pages, out_dir)
    click.echo(f"{len(pages)} halaman Markdown ditulis ke {out_dir}")


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Tulis satu berkas JSON Schema per jenis berkas data ke folder ini.")
@click.pass_context
def schema(ctx: click.Context, out_dir: Path | None) -> None:
    """JSON Schema berkas data, untuk pelengkapan otomatis di editor."""
    from .jsonschema import schemas

    documents = schemas()
    if out_dir is None:
        click.echo(json.dumps(documents, ensure_ascii=False, indent=2, sort_keys=True))
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind, document in documents.items():
        (out_dir / f"{kind}.schema.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    click.echo(f"{len(documents)} skema ditulis ke {out_dir}")


@main.command()
@click.option("--edition", type=click.Choice(EDITIONS), default=None,
              help="Bangun satu edisi saja; bawaan: publik dan internal.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder situs; bawaan: site/ di proyek (site/publik/, site/internal/).")
@click.option("--base-url", default=None, metavar="URL",
              help="Alamat situs yang diterbitkan, mis. https://org.github.io/buletin/ (untuk peta situs dan feed).")
@click.option("--strict", is_flag=True, help="Peringatan data juga menggagalkan.")
@click.pass_context
def build(ctx: click.Context, edition: str | None, site_dir: Path | None, base_url: str | None,
          strict: bool) -> None:
    """Periksa data lalu bangun situs dengan MkDocs; situs lama tetap utuh bila gagal."""
    from .site_build import BuildFailed, build_site

    project = _project(ctx)
    checked = check(project)
    if checked.problems.failed(strict) or not checked.models:
        click.echo(report.as_text(checked.problems), err=True)
        click.echo("Situs tidak dibangun; situs sebelumnya tidak diubah.", err=True)
        ctx.exit(EXIT_DATA)
    if checked.problems.warnings:
        click.echo(report.as_text(checked.problems), err=True)
    try:
        versions = [(m.edisi.id, m.edisi.nama_singkat) for m in checked.models]
        target = build_site(project, versions, (edition,) if edition else EDITIONS, site_dir, base_url)
    except BuildFailed as exc:
        click.echo(f"Pembangunan situs gagal: {exc}", err=True)
        click.echo("Situs sebelumnya tidak diubah.", err=True)
        ctx.exit(EXIT_DATA)
    for name in (edition,) if edition else EDITIONS:
        click.echo(f"Edisi {name} dibangun di {target / name}: " + ", ".join(v for v, _ in versions))


@main.command()
@click.argument("rapat")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan; bawaan: <rapat>.pdf.")
@click.option("--edisi", default=None, help="Edisi pemilihan (folder di data/); bawaan: yang terbaru.")
@click.option("--edition", type=click.Choice(EDITIONS), default="publik", show_default=True, help="Edisi situs.")
@click.pass_context
def pdf(ctx: click.Context, rapat: str, out_file: Path | None, edisi: str | None, edition: str) -> None:
    """Tulis buletin satu rapat sebagai PDF A4 (nama rapat = nama berkasnya di rapat/)."""
    from .pdf import MeetingNotFound, meeting_pdf
    from .pipeline import edition_models

    checked = check(_project(ctx))
    if checked.problems.failed() or not checked.models:
        click.echo(report.as_text(checked.problems), err=True)
        ctx.exit(EXIT_DATA)
    models = [m for m in edition_models(checked, edition) if edisi in (None, m.edisi.id)]
    if not models:
        click.echo(f"Edisi pemilihan \"{edisi}\" tidak ada.", err=True)
        ctx.exit(EXIT_USAGE)
    try:
        out = meeting_pdf(models[0], rapat, out_file or Path(f"{rapat}.pdf"))
    except MeetingNotFound:
        known = ", ".join(r.slug for r in models[0].rapat)
        click.echo(f"Rapat \"{rapat}\" tidak ada di edisi {models[0].edisi.id}; yang ada: {known}", err=True)
        ctx.exit(EXIT_USAGE)
    click.echo(f"PDF ditulis ke {out}")


@main.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("destination", type=click.Path(file_okay=False, path_type=Path))
@click.option("--target", type=click.Choice(EDITIONS), required=True,
              help="publik (GitHub Pages, web) atau internal (intranet).")
@click.pass_context
def publish(ctx: click.Context, source: Path, destination: Path, target: str) -> None:
    """Salin situs hasil build ke tujuannya; edisi internal ditolak untuk tujuan publik."""
    from .publish import PublishRefused, publish as publish_site

    try:
        out = publish_site(source, destination, target)
    except PublishRefused as exc:
        click.echo(f"Ditolak: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    click.echo(f"Diterbitkan ke {out} (tujuan {target})")


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Alamat pratinjau.")
@click.option("--edition", type=click.Choice(EDITIONS), default="publik", show_default=True, help="Edisi.")
@click.pass_context
def serve(ctx: click.Context, dev_addr: str, edition: str) -> None:
    """Pratinjau langsung: situs dibangun ulang setiap kali data, konten atau templat berubah."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    from .site_build import EDITION_VARIABLE

    os.environ[EDITION_VARIABLE] = edition
    project = _project(ctx)
    checked = check(project)
    if checked.problems:
        click.echo(report.as_text(checked.problems), err=True)
    mkdocs_serve(config_file=str(project.config_file), dev_addr=dev_addr, livereload=True,
                 watch=[str(project.data_dir)])


def run() -> None:
    """Console entry point: usage errors exit 2, data problems 1, and no traceback reaches an editor."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' banner about its successor, not for editors
    try:
        code = main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("Dibatalkan.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("Dibatalkan.", err=True)
        sys.exit(130)
    except OSError as exc:
        click.echo(f"Kesalahan lingkungan: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    run()
