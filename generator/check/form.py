"""The login of the web form (generator.render.webform), as a desk declares it in ``mkdocs.yml``, under the
bulletin plugin::

    plugins:
      - bulletin:
          formulir:
            backend: github                        # github | gitlab | gitea
            base_url: https://oauth.desk.example   # github: the desk's own OAuth service

Each backend is Decap CMS's own, with Decap's option names (its backend documentation, and the sources npm
installed: decap-cms-backend-github / -gitlab / -gitea): GitHub through the desk's OAuth service (``base_url``,
``auth_endpoint``); GitLab with PKCE (``auth_type: pkce``, ``app_id``; ``base_url`` and ``api_root`` for a
self-hosted server), which needs no server of the desk's own; Gitea (``base_url``, ``app_id``, ``api_root``), PKCE
too. A desk that declares no login gets a form page that says what to set and loads nothing (Decap would otherwise
send "Login with GitHub" to Netlify's service); a declared login with an unknown backend, a missing key or a key
Decap does not read is refused at its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.check.formats import compose, plugin_options
from generator.load.problems import Problem, Problems, display_path

KEY = "formulir"


@dataclass(frozen=True)
class Login:
    """What one Decap backend needs of a desk: the keys it must give, those it may give, those it is given."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    fixed: Mapping[str, str]  # written into the backend whatever the desk says (the desk may say it too)
    needs: str  # what the required keys are, in a sentence an editor reads


COMMON = ("repo", "branch")  # repo: "owner/name" (on GitHub, repo_url gives it); branch: main by default
BACKENDS = {
    "github": Login(("base_url",), ("auth_endpoint", "api_root", *COMMON), {},
                    "base_url (alamat layanan OAuth desk; auth_endpoint bila jalurnya bukan /auth)"),
    "gitlab": Login(("app_id",), ("base_url", "api_root", "auth_endpoint", *COMMON), {"auth_type": "pkce"},
                    "app_id (Application ID aplikasi OAuth GitLab; base_url bila GitLab desk bukan gitlab.com)"),
    "gitea": Login(("base_url", "app_id"), ("api_root", *COMMON), {},
                   "base_url (alamat Gitea desk) dan app_id (Client ID aplikasi OAuth2 Gitea)"),
}
URL_KEYS = {"base_url", "api_root"}


def missing_login() -> str:
    """What a desk without a login must set, in Indonesian: the form page and the guide say it."""
    choices = "; ".join(f"{name}: {login.needs}" for name, login in BACKENDS.items())
    return (f"Login formulir belum diatur. Tambahkan `{KEY}:` di bawah plugin bulletin di mkdocs.yml, dengan "
            f"`backend:` salah satu dari {', '.join(BACKENDS)} dan kuncinya ({choices}).")


def form_errors(form: Mapping, repository: str | None) -> list[tuple[str, str]]:
    """(key, message) of every fault of a declared login; [] when it is right (or not declared at all)."""
    if not form:
        return []
    name = form.get("backend")
    if name is None:
        return [("backend", f"`{KEY}` tanpa `backend`: tulis salah satu dari {', '.join(BACKENDS)}")]
    if name not in BACKENDS:
        return [("backend", f"backend formulir \"{name}\" tidak dikenal: pilih salah satu dari "
                            f"{', '.join(BACKENDS)}")]
    login = BACKENDS[name]
    errors = []
    for key in login.required:
        if form.get(key) in (None, ""):
            errors.append((key, f"backend {name} memerlukan `{key}`: {login.needs}"))
    if not form.get("repo") and not (name == "github" and repository):
        where = "atau repo_url GitHub di mkdocs.yml" if name == "github" else "(mis. desk/buletin-desk-pilkada)"
        errors.append(("repo", f"backend {name} memerlukan `repo` (pemilik/nama repositori) {where}"))
    known = {"backend", *login.required, *login.optional, *login.fixed}
    for key, value in form.items():
        if key not in known:
            errors.append((key, f"kunci `{key}` tidak dibaca backend {name}: kunci yang dikenal "
                                f"{', '.join(sorted(known))}"))
        elif key in login.fixed and value != login.fixed[key]:
            errors.append((key, f"backend {name} memakai `{key}: {login.fixed[key]}` (tanpa server), "
                                f"bukan \"{value}\""))
        elif key != "backend" and value not in (None, "") and not isinstance(value, (str, int)):
            errors.append((key, f"`{key}` harus berupa teks"))
        elif key in URL_KEYS and value and not str(value).startswith(("https://", "http://")):
            errors.append((key, f"`{key}` harus alamat lengkap yang diawali https://, bukan \"{value}\""))
    return errors


def check_form(config_file: Path, root: Path, form: Mapping, repository: str | None, problems: Problems) -> None:
    """Say at its line (in mkdocs.yml) each fault of the form's declared login."""
    errors = form_errors(form, repository)
    if not errors:
        return
    entry, options = plugin_options(compose(config_file))
    named, section = _entry(options, KEY)
    for key, message in errors:
        node = _key_node(section, key) or named or entry  # a missing key: said at `formulir:`
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)
        problems.add(Problem(display_path(config_file, root), line, column, f"plugins.bulletin.{KEY}.{key}",
                             message))


def _entry(mapping: yaml.Node | None, key: str) -> tuple[yaml.Node | None, yaml.Node | None]:
    """(the node of ``key``, the node of its value) in a mapping; (None, None) when it is not there."""
    if isinstance(mapping, yaml.MappingNode):
        for key_node, value_node in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
    return None, None


def _key_node(section: yaml.Node | None, key: str) -> yaml.Node | None:
    """The node of ``key``'s value in the section (its key when the value is empty), or None."""
    named, value = _entry(section, key)
    return value if value is not None and value.value not in ("", None) else named
