"""The ``bulletin`` command: validate, build, serve, render and schema.

Exit status: 0 ok, 1 data problems, 2 usage or environment error. No traceback reaches an editor.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from generator.domain.editions import EDITIONS, INTERNAL, PUBLIK
from generator.load import report
from generator.load.problems import DataProblemsError
from generator.pipeline import UnknownEdition, check
from generator.project import Project
from generator.tools import site_diff as diff_tool

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


def _use_restricted(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None:
        project = ctx.obj["project"]
        ctx.obj["project"] = Project(project.root, project.data, value.resolve())
    return value


restricted_option = click.option(
    "--restricted", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    envvar="BULETIN_TERBATAS", expose_value=False, callback=_use_restricted,
    help="Pohon data terbatas (salinan repositori terbatas), digabung ke data/ per catatan; bawaan: yang disebut "
         "`terbatas:` di mkdocs.yml bila ada. Variabel lingkungan: BULETIN_TERBATAS.")


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(report.FORMATS)), default="text",
              help="Bentuk laporan: text (editor), github (anotasi), json (mesin).")
@click.option("--strict", is_flag=True, help="Peringatan juga menggagalkan.")
@click.option("--public-only", is_flag=True,
              help="Tolak setiap nilai terbatas di data/, meski mkdocs.yml tidak menyatakan repositori publik "
                   "(pemeriksaan sebelum commit dan pull request).")
@restricted_option
@click.pass_context
def validate(ctx: click.Context, fmt: str, strict: bool, public_only: bool) -> None:
    """Periksa semua berkas data dan laporkan setiap masalah sekaligus."""
    checked = check(_project(ctx), public_only=public_only)
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
@restricted_option
@click.pass_context
def render(ctx: click.Context, out_dir: Path, edition: str, edisi: str | None, strict: bool) -> None:
    """Tulis halaman Markdown hasil data ke folder, tanpa MkDocs."""
    from generator.build.publish import mark_internal
    from generator.pipeline import render_project
    from generator.render.markdown import write_pages

    try:
        pages = render_project(_project(ctx), edition=edition, edisi=edisi, strict=strict)
    except DataProblemsError as exc:
        click.echo(report.as_text(exc.problems), err=True)
        ctx.exit(EXIT_DATA)
    except UnknownEdition as exc:
        click.echo(str(exc), err=True)
        ctx.exit(EXIT_USAGE)
    write_pages(pages, out_dir)
    if edition == INTERNAL:
        mark_internal(out_dir)
    click.echo(f"{len(pages)} halaman Markdown ditulis ke {out_dir}")


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Tulis satu berkas JSON Schema per jenis berkas data ke folder ini (proyek: schemas/).")
@click.option("--lines", "add_lines", is_flag=True,
              help="Tambahkan baris `# yaml-language-server: $schema=…` ke awal setiap berkas data yang belum "
                   "memilikinya (menunjuk ke folder --out, bawaan schemas/); isi berkas lainnya tidak diubah.")
@click.pass_context
def schema(ctx: click.Context, out_dir: Path | None, add_lines: bool) -> None:
    """JSON Schema berkas data, untuk pemeriksaan dan pelengkapan otomatis di editor."""
    from generator.render.schemas import add_schema_lines, schema_text, schemas, write_schemas

    project = _project(ctx)
    if out_dir is None and not add_lines:
        click.echo(schema_text(schemas()), nl=False)
        return
    if out_dir is not None:
        written = write_schemas(out_dir)
        click.echo(f"{len(written)} skema ditulis ke {out_dir}")
    if add_lines:
        changed = add_schema_lines(project.data_dir, (out_dir or project.schema_dir).resolve())
        click.echo(f"Baris $schema ditambahkan ke {len(changed)} berkas data.")


@main.command()
@click.option("--check", "check_only", is_flag=True, help="Jangan menulis; gagal (status 1) bila CODEOWNERS usang.")
@click.pass_context
def codeowners(ctx: click.Context, check_only: bool) -> None:
    """Tulis .github/CODEOWNERS dari pemeriksa yang disebut di setiap berkas instansi."""
    from generator.tools.codeowners import CODEOWNERS
    from generator.tools.codeowners import codeowners as make

    project = _project(ctx)
    path = project.root / CODEOWNERS
    text = make(project)
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if check_only:
        if current != text:
            click.echo(f"{CODEOWNERS} usang: jalankan `bulletin codeowners` lalu commit hasilnya.", err=True)
            ctx.exit(EXIT_DATA)
        click.echo(f"{CODEOWNERS} sesuai dengan data.")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    click.echo(f"{CODEOWNERS} ditulis: {len(rules)} baris pemeriksa.")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--wilayah", required=True,
              help="Kode Kemendagri kabupaten/kota (mis. 62.03) atau provinsi (mis. 62), atau \"nasional\".")
@click.option("--pemungutan", default=None, type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Hari pemungutan suara yang direncanakan, TTTT-BB-HH; bila belum ditetapkan, isi nanti.")
@click.option("--edisi", default=None,
              help="Pengenal edisi pemilihan; bawaan: pilkada-<tahun pemungutan>, atau pilkada-berikutnya.")
@click.option("--paket", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="BERKAS.whl",
              help="Wheel paket versi ini dari rilisnya: hash-nya dikunci di requirements.txt desk.")
def init(folder: Path, wilayah: str, pemungutan, edisi: str | None, paket: Path | None) -> None:
    """Buat repositori desk baru untuk satu wilayah, siap divalidasi dan dibangun."""
    from generator.domain.regions import region_tree
    from generator.tools.desk import InitRefused, new_desk, wheel_hash, write_desk

    try:
        sha256 = wheel_hash(paket) if paket else None
        desk = new_desk(region_tree(), wilayah, pemungutan.date() if pemungutan else None, edisi, folder.name,
                        sha256)
        restricted = write_desk(desk, folder)
    except InitRefused as exc:
        click.echo(f"Tidak dibuat: {exc}", err=True)
        raise SystemExit(EXIT_USAGE) from None
    for warning in desk.warnings:
        click.echo(f"Peringatan: {warning}", err=True)
    click.echo(f"Desk dibuat di {folder}: {len(desk.files)} berkas, {desk.kecamatan} kecamatan.")
    click.echo(f"Data terbatas di {restricted}: jadikan repositori privat tersendiri.")
    click.echo(f"Langkah berikut: baca {folder / 'README.md'}, lalu `bulletin --project {folder} validate`.")


@main.group()
def new() -> None:
    """Buat berkas data baru (rapat, kecamatan) atau tambahkan laporan, siap diisi."""


edisi_option = click.option("--edisi", default=None, help="Edisi pemilihan (folder di data/); bawaan: yang terbaru.")


def _scaffold(ctx: click.Context, make) -> None:
    """Run one scaffold against the public data of the chosen edition, write it and say what to fill."""
    from generator.domain.regions import region_tree
    from generator.pipeline import public_edition
    from generator.tools.scaffold import ScaffoldRefused

    project = _project(ctx)
    edisi = ctx.params.get("edisi")
    try:
        records = public_edition(project, edisi)
        made = make(records, region_tree(), project.schema_dir)
    except UnknownEdition as exc:
        click.echo(str(exc), err=True)
        ctx.exit(EXIT_USAGE)
    except ScaffoldRefused as exc:
        click.echo(f"Tidak dibuat: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    made.path.write_bytes(made.text.encode("utf-8"))
    click.echo(f"Ditulis: {made.path.relative_to(project.root).as_posix()}")
    if made.fill:
        fields = dict.fromkeys(re.sub(r"kecamatan\[[0-9]+\]", "kecamatan[*]", name) for name in made.fill)
        click.echo("Isi bidang ini, lalu jalankan `bulletin validate`: " + ", ".join(fields))


@new.command("rapat")
@click.option("--tanggal", type=click.DateTime(formats=["%Y-%m-%d"]), required=True, help="Tanggal rapat, TTTT-BB-HH.")
@click.option("--judul", required=True, help="Judul rapat.")
@edisi_option
@click.pass_context
def new_rapat(ctx: click.Context, tanggal, judul: str, edisi: str | None) -> None:
    """Rapat baru: peserta dari instansi edisi ini, tindak lanjut yang belum selesai di perkembangan."""
    from generator.tools.scaffold import new_meeting

    _scaffold(ctx, lambda records, regions, schemas: new_meeting(records, regions, schemas, tanggal.date(), judul))


@new.command("laporan")
@click.option("--instansi", required=True, help="Nama berkas instansi di instansi/, mis. disdukcapil.")
@click.option("--tanggal", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Tanggal posisi data, TTTT-BB-HH; bawaan: hari ini.")
@edisi_option
@click.pass_context
def new_laporan(ctx: click.Context, instansi: str, tanggal, edisi: str | None) -> None:
    """Tambahkan laporan bertanggal ke berkas instansi; baris lain berkas itu tidak diubah."""
    import datetime as dt

    from generator.tools.scaffold import new_report

    day = tanggal.date() if tanggal else dt.date.today()
    _scaffold(ctx, lambda records, regions, schemas: new_report(records, instansi, day))


@new.command("kecamatan")
@click.option("--kode", required=True, help="Kode Kemendagri kecamatan, mis. 62.04.01.")
@edisi_option
@click.pass_context
def new_kecamatan(ctx: click.Context, kode: str, edisi: str | None) -> None:
    """Berkas kecamatan baru: nama dan semua desa/kelurahan dari daftar Kemendagri."""
    from generator.tools.scaffold import new_kecamatan as make

    _scaffold(ctx, lambda records, regions, schemas: make(records, regions, schemas, kode))


def _reported(ctx: click.Context, checked, strict: bool):
    """``checked``, with its warnings printed; or every problem printed and exit 1."""
    if checked.failed(strict):
        click.echo(report.as_text(checked.problems), err=True)
        click.echo("Situs tidak dibangun; situs sebelumnya tidak diubah.", err=True)
        ctx.exit(EXIT_DATA)
    if checked.problems.warnings:
        click.echo(report.as_text(checked.problems), err=True)
    return checked


def _regions(text: str | None) -> set[str] | None:
    """--wilayah 62,63,umum → {"62", "63", "umum"}."""
    if text is None:
        return None
    regions = {part.strip() for part in text.split(",") if part.strip()}
    bad = sorted(r for r in regions if r != "umum" and not (len(r) == 2 and r.isdigit()))
    if bad or not regions:
        raise click.BadParameter(f"kode provinsi dua angka atau \"umum\", dipisah koma; ditemukan {', '.join(bad)}",
                                 param_hint="--wilayah")
    return regions


@main.command()
@click.option("--edition", type=click.Choice(EDITIONS), default=None,
              help="Bangun satu edisi saja; bawaan: publik dan internal.")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder situs; bawaan: site/ di proyek (site/publik/, site/internal/).")
@click.option("--base-url", default=None, metavar="URL",
              help="Alamat situs yang diterbitkan, mis. https://org.github.io/buletin/ (peta situs, feed, pratinjau "
                   "tautan); bawaan: site_url di mkdocs.yml.")
@click.option("--strict", is_flag=True, help="Peringatan data juga menggagalkan.")
@click.option("--jobs", "workers", type=click.IntRange(1, 64), default=None, envvar="BULETIN_PROSES",
              help="Jumlah proses MkDocs yang berjalan bersamaan; bawaan: jumlah inti prosesor. Variabel "
                   "lingkungan: BULETIN_PROSES.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder tembolok halaman; bawaan: .cache/bulletin/ di proyek.")
@click.option("--wilayah", default=None, metavar="KODE,…",
              help="Bangun satu bagian saja: halaman provinsi ini (mis. 62 atau 62,63) dan/atau \"umum\" "
                   "(beranda, indeks, rapat, unduhan, aset tema); wajib dengan --out. Gabungkan dengan `assemble`.")
@click.option("--out", "part_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder bagian untuk --wilayah.")
@click.option("--timings", "timings_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tulis detik per tahap (load, validate, check, filter, views, render, mkdocs, assemble) "
                   "sebagai JSON ke berkas ini.")
@restricted_option
@click.pass_context
def build(ctx: click.Context, edition: str | None, site_dir: Path | None, base_url: str | None, strict: bool,
          workers: int | None, cache_dir: Path | None, wilayah: str | None, part_dir: Path | None,
          timings_file: Path | None) -> None:
    """Periksa data lalu bangun situs dengan MkDocs; situs lama tetap utuh bila gagal."""
    from generator.build.runs import mkdocs_workers

    regions = _regions(wilayah)
    if (regions is None) != (part_dir is None):
        raise click.UsageError("--wilayah dan --out dipakai bersama.")
    project = _project(ctx)
    workers = workers or os.cpu_count() or 1
    executor = mkdocs_workers(workers) if workers > 1 else None
    try:
        _build(ctx, project, edition, site_dir, base_url, strict, workers, cache_dir, regions, part_dir,
               timings_file, executor)
    finally:
        if executor is not None:
            executor.terminate()  # whatever the outcome, no worker outlives the build
            executor.join()


def _build(ctx, project, edition, site_dir, base_url, strict, workers, cache_dir, regions, part_dir, timings_file,
           executor) -> None:
    from generator.build import processes
    from generator.build.forked import build_publications, validating_beside
    from generator.build.job import BuildFailed
    from generator.build.parts import build_part
    from generator.build.previews import OFF as PREVIEWS_OFF
    from generator.build.site import build_site
    from generator.pipeline import Stopwatch, check_files
    from generator.render.downloads import DOWNLOAD_ONLY

    watch = Stopwatch()
    base_url = base_url or project.settings.site_url  # mkdocs.yml's site_url, unless the command names another
    with processes.batch_memory():
        memo = (cache_dir or project.cache_dir) / "memo.sqlite"
        with validating_beside(project, memo, workers):  # a large tree's files, half of them in another process
            checked = check_files(project, watch, memo)
        processes.after_loading()
        editions = (edition,) if edition else EDITIONS
        versions = checked.versions
        # One site edition × election edition at a time, handed to the builder as soon as it is rendered (its
        # MkDocs runs start while the next one is made), each without its model: the memory stays small. A warm
        # build, and a large desk's cold one, makes them in two processes (generator.build.forked), the other
        # one running the cross-file checks first. The block starts once they ran: nothing is built unless they
        # pass.
        with build_publications(checked, editions, base_url, watch, memo.parent, workers) as published:
            _reported(ctx, checked, strict)
            if base_url is None and PUBLIK in editions:  # once, whatever the pages: no address, no link previews
                click.echo(PREVIEWS_OFF, err=True)
            if base_url is None:  # and the data packages name their files relative to themselves: nothing harvests
                click.echo(DOWNLOAD_ONLY, err=True)
            del checked
            try:
                if regions is not None:
                    builder = build_part(project, published, versions, regions, part_dir, base_url, workers=workers,
                                         executor=executor)
                    _write_timings(timings_file, watch, builder)
                    click.echo(f"Bagian {', '.join(sorted(regions))} dibangun di {part_dir}; gabungkan dengan "
                               "`bulletin assemble`.")
                    return
                builder = build_site(project, published, versions, editions, site_dir, base_url,
                                     workers=workers, cache_dir=cache_dir, executor=executor)
            except BuildFailed as exc:
                click.echo(f"Pembangunan situs gagal: {exc}", err=True)
                click.echo("Situs sebelumnya tidak diubah.", err=True)
                ctx.exit(EXIT_DATA)
    _write_timings(timings_file, watch, builder)
    target = Path(site_dir or project.site_dir)
    built = int(builder.timings.get("pages_built", 0))
    for name in editions:
        click.echo(f"Edisi {name} dibangun di {target / name}: " + ", ".join(v for v, _ in versions))
    click.echo(f"{built} halaman dibangun ulang, halaman lain dari tembolok.")


def _write_timings(path: Path | None, watch, builder) -> None:
    if path is not None:
        path.write_text(json.dumps({**watch.seconds, **builder.timings}, indent=1) + "\n", encoding="utf-8")


@main.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder situs; bawaan: site/ di proyek.")
@click.pass_context
def assemble(ctx: click.Context, parts: tuple[Path, ...], site_dir: Path | None) -> None:
    """Gabungkan bagian-bagian hasil `build --wilayah` menjadi satu situs dengan satu versions.json."""
    from generator.build.assemble import PageMissing
    from generator.build.parts import PartsMismatch, assemble_parts

    target = Path(site_dir or _project(ctx).site_dir)
    try:
        plan = assemble_parts(list(parts), target)
    except (PageMissing, PartsMismatch) as exc:
        click.echo(f"Penggabungan gagal: {exc}", err=True)
        click.echo("Situs sebelumnya tidak diubah.", err=True)
        ctx.exit(EXIT_DATA)
    editions = sorted({unit.edition for unit in plan.units})
    click.echo(f"Situs digabung dari {len(parts)} bagian di {target}: " + ", ".join(editions))


@main.command()
@click.argument("rapat")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas PDF tujuan; bawaan: <rapat>.pdf.")
@click.option("--edisi", default=None, help="Edisi pemilihan (folder di data/); bawaan: yang terbaru.")
@click.option("--edition", type=click.Choice(EDITIONS), default="publik", show_default=True, help="Edisi situs.")
@restricted_option
@click.pass_context
def pdf(ctx: click.Context, rapat: str, out_file: Path | None, edisi: str | None, edition: str) -> None:
    """Tulis buletin satu rapat sebagai PDF A4 (nama rapat = nama berkasnya di rapat/)."""
    from generator.render.pdf import MeetingNotFound, meeting_pdf

    model = _edition_model(ctx, edisi, edition)
    try:
        out = meeting_pdf(model, rapat, out_file or Path(f"{rapat}.pdf"))
    except MeetingNotFound:
        _unknown_meeting(ctx, rapat, model)
    click.echo(f"PDF ditulis ke {out}")


@main.command("wa")
@click.argument("rapat", required=False)
@click.option("--edisi", default=None, help="Edisi pemilihan (folder di data/); bawaan: yang terbaru.")
@click.option("--edition", type=click.Choice(EDITIONS), default="publik", show_default=True, help="Edisi situs.")
@click.option("--base-url", default=None, metavar="URL",
              help="Alamat situs yang diterbitkan, mis. https://org.github.io/buletin/: teks menyebut alamat lengkap "
                   "halamannya; bawaan: site_url di mkdocs.yml (tanpa keduanya: jalurnya di situs).")
@restricted_option
@click.pass_context
def whatsapp(ctx: click.Context, rapat: str | None, edisi: str | None, edition: str, base_url: str | None) -> None:
    """Ringkasan untuk WhatsApp, seperti di halamannya: satu rapat (nama rapat = nama berkasnya di rapat/), atau
    tanpa RAPAT kesiapan per kecamatan di beranda. Lebih dari 4.096 karakter: dibagi menjadi pesan bernomor."""
    from generator.domain.model import MeetingNotFound
    from generator.render.whatsapp import meeting_summary, readiness_summary

    model = _edition_model(ctx, edisi, edition, base_url or _project(ctx).settings.site_url)
    try:
        summary = meeting_summary(model, rapat) if rapat else readiness_summary(model)
    except MeetingNotFound:
        _unknown_meeting(ctx, rapat, model)
    click.echo(summary.text)


def _edition_model(ctx: click.Context, edisi: str | None, edition: str, base_url: str | None = None):
    """The model of one election edition as one site edition shows it, or every problem printed and exit 1 (an
    unknown election edition: exit 2)."""
    from generator.pipeline import publications

    checked = check(_project(ctx))
    if checked.failed():
        click.echo(report.as_text(checked.problems), err=True)
        ctx.exit(EXIT_DATA)
    try:
        return next(publications(checked, (edition,), edisi, base_url=base_url)).model
    except UnknownEdition as exc:
        click.echo(str(exc), err=True)
        ctx.exit(EXIT_USAGE)


def _unknown_meeting(ctx: click.Context, rapat: str, model) -> None:
    known = ", ".join(r.slug for r in model.rapat) or "belum ada rapat"
    click.echo(f"Rapat \"{rapat}\" tidak ada di edisi {model.edisi.id}; yang ada: {known}", err=True)
    ctx.exit(EXIT_USAGE)


@main.command()
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("destination", type=click.Path(file_okay=False, path_type=Path))
@click.option("--target", type=click.Choice(EDITIONS), required=True,
              help="publik (GitHub Pages, web) atau internal (intranet).")
@restricted_option
@click.pass_context
def publish(ctx: click.Context, source: Path, destination: Path, target: str) -> None:
    """Salin situs hasil build ke tujuannya; edisi internal ditolak untuk tujuan publik.

    Untuk tujuan publik, folder ditolak bila memuat tanda apa pun dari edisi internal (berkas penanda, halaman
    noindex, robots.txt yang menolak perayap, tanda TERBATAS) atau, bila pohon data terbatas tersedia, nilai
    apa pun darinya."""
    from generator.build.publish import PublishRefused, RestrictedValues
    from generator.build.publish import publish as publish_site

    project = _project(ctx)
    restricted = None
    if target == "publik" and project.restricted_dir is not None:
        restricted = RestrictedValues.of(project.restricted_dir, project.data_dir)
        click.echo(f"Diperiksa juga terhadap pohon data terbatas {project.restricted_dir}.", err=True)
    try:
        out = publish_site(source, destination, target, restricted)
    except PublishRefused as exc:
        click.echo(f"Ditolak: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    click.echo(f"Diterbitkan ke {out} (tujuan {target})")


@main.command()
@click.option("--restricted", "restricted_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder pohon data terbatas (dibuat bila belum ada).")
@click.pass_context
def split(ctx: click.Context, restricted_dir: Path) -> None:
    """Pindahkan setiap catatan dan bidang terbatas dari data/ ke pohon data terbatas, sekali, sebelum
    repositori dibuka untuk publik."""
    from generator.tools.split import SplitRefused, split_project

    project = _project(ctx)
    try:
        moved = split_project(project.data_dir, restricted_dir, project.root)
    except SplitRefused as exc:
        click.echo(f"Tidak dipisah; tidak ada yang diubah:\n{exc}", err=True)
        ctx.exit(EXIT_DATA)
    for name, count in moved:
        click.echo(f"{name}: {count} bagian terbatas dipindah")
    click.echo(f"{len(moved)} berkas dipisah; data terbatas di {restricted_dir}. Periksa dengan: "
               f"bulletin validate --restricted {restricted_dir} --public-only")


@main.command()
@click.option("--periksa", "check_only", is_flag=True,
              help="Hanya sebutkan apa yang akan diubah; keluar 1 bila ada (untuk pemeriksaan pull request).")
@click.pass_context
def migrate(ctx: click.Context, check_only: bool) -> None:
    """Ubah berkas desk ke format paket ini menurut aturan; setiap baris dan komentar lain tetap."""
    from generator.check.formats import FORMAT
    from generator.tools.desk import installed_wheel_hash, missing_hash_warning, package_files
    from generator.tools.migrate import MigrateRefused, apply, plan

    try:
        migration = plan(_project(ctx), package_files)
    except MigrateRefused as exc:
        click.echo(f"Tidak diubah: {exc}", err=True)
        ctx.exit(EXIT_USAGE)
    if not migration.said:
        click.echo(f"Desk sudah berformat {FORMAT}; tidak ada yang diubah.")
        return
    for line in migration.said:
        click.echo(("akan diubah: " if check_only else "diubah: ") + line)
    if check_only:
        ctx.exit(EXIT_DATA)
    apply(migration)
    click.echo(f"{len(migration.files)} berkas ditulis; desk kini berformat {FORMAT}. Periksa dengan "
               "`bulletin validate`, lalu commit.")
    if _project(ctx).root / "requirements.txt" in migration.files and installed_wheel_hash() is None:
        click.echo(f"Peringatan: {missing_hash_warning()}", err=True)  # the lock written has no hash of the package


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Alamat pratinjau.")
@click.option("--edition", type=click.Choice(EDITIONS), default="publik", show_default=True, help="Edisi.")
@click.option("--edisi", default=None, help="Edisi pemilihan (folder di data/); bawaan: yang terbaru.")
@restricted_option
@click.pass_context
def serve(ctx: click.Context, dev_addr: str, edition: str, edisi: str | None) -> None:
    """Pratinjau langsung: halaman yang berubah dibangun ulang setiap kali data, konten atau templat disimpan."""
    from generator.build.preview import serve as serve_preview

    host, _, port = dev_addr.rpartition(":")
    serve_preview(_project(ctx), host or "127.0.0.1", int(port), edition, edisi)


@main.command("site-diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(diff_tool.FORMATS), default="text", show_default=True,
              help="markdown: untuk ringkasan job GitHub.")
@click.option("--limit", type=int, default=diff_tool.LIMIT, show_default=True,
              help="Paling banyak sekian entri per daftar.")
@click.option("--exit-code", is_flag=True, help="Keluar 1 bila ada yang berubah.")
@click.pass_context
def site_diff(ctx: click.Context, old: Path, new: Path, fmt: str, limit: int, exit_code: bool) -> None:
    """Halaman dan berkas yang berubah di antara dua hasil bangun situs (OLD: sebelum, NEW: sesudah)."""
    ctx.exit(diff_tool.run(old, new, fmt, limit, exit_code))


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
