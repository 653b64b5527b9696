"""Publishing a built edition, with the one rule that matters most: the internal edition never goes public.

Every internal build, whichever way it was made (``bulletin build``, ``mkdocs build`` through the plugin, the
parts of a split build and their assembly, the preview), carries a marker file at its root, ``robots.txt``
refusing every crawler, and ``noindex`` on every page. ``publish`` to a public target refuses a folder that holds
any sign of the internal edition, so that one sign removed by hand does not open the door:

* the marker file, anywhere inside it;
* a page marked ``noindex`` or a ``robots.txt`` that refuses crawlers (the public edition has neither);
* the internal edition's marks: the TERBATAS mark of a restricted item, the internal banner, a record of the
  downloads marked ``akses: terbatas``;
* any value of the restricted tree, when one is at hand (``--restricted``, or ``terbatas:`` in mkdocs.yml):
  text as written, HTML- or JSON-escaped, and numbers (phone, NIK, NIP) however they are spaced.

Each file of a ZIP in the folder (the public edition's copy for reading without signal) is read as the files
beside it are. ``publish`` to an internal target refuses a service worker (``sw.js``, its list, or a page that
registers one): on a shared phone it would keep restricted pages after the reader left.

It copies atomically: aside, then renamed into place.
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

MARKER = ".buletin-internal"
MARKER_TEXT = ("Edisi INTERNAL Buletin Desk Pilkada. Berisi informasi yang dikecualikan menurut UU 14/2008 Pasal 17 "
               "dan data pribadi (UU 27/2022). Jangan dipublikasikan.\n")
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'

# Signs of the internal edition in a built file (bytes, as written by the theme, the templates and the downloads).
INTERNAL_SIGNS = {
    re.compile(rb"<meta\s+name=\"robots\"\s+content=\"[^\"]*noindex", re.IGNORECASE): "halaman bertanda noindex",
    re.compile(rb"class=\"bdp-terbatas\""): "tanda TERBATAS",
    re.compile(rb"EDISI INTERNAL"): "spanduk edisi internal",
    re.compile(rb"\"akses\":\s*\"terbatas\""): "catatan berakses terbatas",
}
_REFUSING_ROBOTS = re.compile(rb"^\s*disallow\s*:\s*/\s*$", re.IGNORECASE | re.MULTILINE)
TEXT_SUFFIXES = {".html", ".htm", ".json", ".xml", ".txt", ".csv", ".js", ".md", ".yml", ".svg", ".gz"}
MIN_TEXT = 8  # shorter restricted values ("tinggi", a status) are words every page uses
MIN_DIGITS = 8  # numbers with fewer digits (a count, a year) are not personal numbers


class PublishRefused(Exception):
    pass


def mark_internal(site: Path) -> None:
    """The marker file and a crawler-refusing robots.txt at the root of an internal build. Written aside and
    renamed in, so that a file linked from the page cache is replaced, never written through."""
    for name, text in ((MARKER, MARKER_TEXT), ("robots.txt", ROBOTS_TXT)):
        target = Path(site) / name
        temporary = target.with_name(f".{name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)



def internal_markers(folder: Path) -> list[Path]:
    """Every marker file under ``folder`` (an internal edition nested in a bigger folder counts too)."""
    return sorted(folder.rglob(MARKER))


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the folder checked
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def internal_signs(folder: Path, restricted: "RestrictedValues | None" = None, limit: int = 20) -> list[Finding]:
    """What in ``folder`` shows an internal edition: markers, noindex pages, robots.txt refusing crawlers,
    TERBATAS marks and, with ``restricted``, values of the restricted tree. At most ``limit`` findings."""
    findings = [Finding(path.relative_to(folder).as_posix(), "berkas penanda edisi internal")
                for path in internal_markers(folder)]
    for relative, data in _contents(folder):
        if len(findings) >= limit:
            break
        name = relative.rsplit("/", 1)[-1]
        if name == MARKER:  # in a ZIP (a marker on disk is found above)
            findings.append(Finding(relative, "berkas penanda edisi internal"))
            continue
        if name.endswith(".gz"):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                continue
        if name == "robots.txt" and _REFUSING_ROBOTS.search(data):
            findings.append(Finding(relative, "robots.txt menolak semua perayap (tanda edisi internal)"))
        for pattern, what in INTERNAL_SIGNS.items():
            if pattern.search(data):
                findings.append(Finding(relative, what))
                break
        if restricted is not None:
            found = restricted.find(data.decode("utf-8", "replace"))
            if found:
                findings.append(Finding(relative, f"nilai dari pohon data terbatas: \"{found}\""))
    return findings[:limit]


def _files(folder: Path):
    for root, _, names in os.walk(folder):  # not into linked folders: the alias links to a folder walked anyway
        for name in sorted(names):
            path = Path(root, name)
            if path.suffix.lower() in TEXT_SUFFIXES | {".zip"} and path.is_file():
                yield path


def _contents(folder: Path):
    """(relative path, bytes) of every text file under ``folder``, and of every file in its ZIPs
    (``unduh/buletin-x.zip!buletin-x/index.html``)."""
    for path in _files(folder):
        relative = path.relative_to(folder).as_posix()
        if path.suffix.lower() != ".zip":
            yield relative, path.read_bytes()
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                for member in archive.infolist():
                    if not member.is_dir():
                        yield f"{relative}!{member.filename}", archive.read(member)
        except (zipfile.BadZipFile, OSError):
            yield relative, path.read_bytes()


SERVICE_WORKER_FILES = {"sw.js", "sw-berkas.json"}  # generator.build.offline writes them in the public edition
_REGISTERS_WORKER = re.compile(rb"data-service-worker=|serviceWorker\.register\(")


def service_worker_signs(folder: Path, limit: int = 20) -> list[Finding]:
    """A service worker in ``folder``: its script or list, or a page or script that registers one."""
    findings = []
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = Path(root, name)
            relative = path.relative_to(folder).as_posix()
            if name in SERVICE_WORKER_FILES:
                findings.append(Finding(relative, "service worker"))
            elif path.suffix in (".html", ".js") and _REGISTERS_WORKER.search(path.read_bytes()):
                findings.append(Finding(relative, "mendaftarkan service worker"))
            if len(findings) >= limit:
                return findings
    return findings


class RestrictedValues:
    """The values of a restricted tree that ``data/`` does not hold too, and a search for them in built files.

    Text is searched as written and as HTML and JSON write it; a number with eight digits or more (a phone
    number, a NIK, a NIP) by its digits, whatever separates them, a phone number without its 0 or 62 in front.
    """

    def __init__(self, texts: set[str], numbers: set[str]):
        self.texts, self.numbers = texts, numbers
        forms = set()
        for text in texts:
            forms |= {text, html.escape(text, quote=False), html.escape(text, quote=True),
                      json.dumps(text, ensure_ascii=False)[1:-1], json.dumps(text)[1:-1]}
        self._text = re.compile(trie_pattern(forms)) if forms else None
        self._numbers = sorted(numbers, key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self.texts or self.numbers)

    def find(self, text: str) -> str | None:
        """The first restricted value in ``text``, or None."""
        if self._text is not None:
            match = self._text.search(text)
            if match:
                return match.group(0)
        if self._numbers:
            for run in _DIGIT_RUN.findall(text):
                digits = _SEPARATORS.sub("", run)
                for number in self._numbers:
                    if len(number) <= len(digits) and number in digits:
                        return number
        return None

    @classmethod
    def of(cls, restricted_dir: Path, data_dir: Path) -> "RestrictedValues":
        """The values written in ``restricted_dir`` and nowhere in ``data_dir`` (placement keys, legal bases
        and dates aside): what only the internal edition may hold."""
        restricted = _strings(restricted_dir)
        public = _strings(data_dir)
        texts, numbers = set(), set()
        for value in restricted - public:
            if _NUMBER.fullmatch(value):
                digits = re.sub(r"\D", "", value)
                if len(digits) >= MIN_DIGITS:
                    numbers.add(_phone_core(digits))
                continue
            for line in value.splitlines():
                line = line.strip()
                if len(line) >= MIN_TEXT and line not in public:
                    texts.add(line)
        return cls(texts, numbers)


NOT_CONTENT_KEYS = {"id", "setelah", "akses", "dasar", "$schema"}  # how a restricted value is placed and classified
_NUMBER = re.compile(r"\+?[0-9][0-9 ().\-/]*")
_DIGIT_RUN = re.compile(r"\+?[0-9][0-9 .\-()/]*[0-9]")
_SEPARATORS = re.compile(r"[^0-9]")


def _phone_core(digits: str) -> str:
    """A phone number's digits without the country code or trunk 0 in front (+62 812…, 0812… → 812…)."""
    if digits.startswith("62") and 10 <= len(digits) <= 15:
        return digits[2:]
    if digits.startswith("0") and 9 <= len(digits) <= 14:
        return digits[1:]
    return digits


def _strings(folder: Path) -> set[str]:
    """Every text value of every YAML file under ``folder``, but those of the keys in NOT_CONTENT_KEYS."""
    from generator.load.reader import load_document  # the strict loader, as validation reads the files

    found: set[str] = set()
    if folder is None or not Path(folder).is_dir():
        return found
    for path in sorted(Path(folder).rglob("*.y*ml")):
        document, _ = load_document(path)
        if document is not None:
            _walk(document.data, found)
    return found


def _walk(value, found: set[str], key: str | None = None) -> None:
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_CONTENT_KEYS:
                _walk(item, found, name)
    elif isinstance(value, list):
        for item in value:
            _walk(item, found, key)
    elif isinstance(value, str) and value.strip():
        found.add(value.strip())


def trie_pattern(words: set[str]) -> str:
    """One regular expression that matches any of ``words``, as a trie: the search costs what the longest word
    costs, not what all of them together cost."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        chain = []
        while "" not in node and len(node) == 1:  # a run of single letters: no group, no recursion
            (char, node), = node.items()
            chain.append(re.escape(char))
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return "".join(chain)
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "".join(chain) + (f"(?:{body})?" if ends else body)

    return pattern(trie)


def check_publishable(source: Path, target: str, restricted: RestrictedValues | None = None) -> None:
    source = Path(source)
    if not (source / "index.html").is_file():
        raise PublishRefused(f"{source} bukan situs hasil build (tidak ada index.html)")
    if target == "publik":
        findings = internal_signs(source, restricted)
        if findings:
            listed = "\n".join(f"  {finding}" for finding in findings)
            raise PublishRefused(f"{source} memuat tanda edisi internal atau data terbatas; edisi internal tidak boleh "
                                 f"diterbitkan ke tujuan publik:\n{listed}")
    else:
        findings = service_worker_signs(source)
        if findings:
            listed = "\n".join(f"  {finding}" for finding in findings)
            raise PublishRefused(f"{source} memasang service worker; tujuan internal tidak boleh memakainya (halaman "
                                 f"terbatas akan tetap tersimpan di ponsel yang dipakai bersama):\n{listed}")


def publish(source: Path, destination: Path, target: str, restricted: RestrictedValues | None = None) -> Path:
    """Copy the built site ``source`` to ``destination`` for a ``publik`` or ``internal`` target.

    The copy holds files only: the alias link (``terbaru``) is copied as the edition it points to, as GitHub
    Pages accepts no links."""
    check_publishable(source, target, restricted)
    destination = Path(destination).resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}-baru-", dir=destination.parent))
    staging.rmdir()
    shutil.copytree(source, staging)
    swap(staging, destination)
    return destination


def swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, by renames: the old folder is removed only once the new one is in place."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-lama-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
