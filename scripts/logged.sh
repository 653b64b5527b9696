# Sourced by scripts/python-deps and scripts/node-deps (bash). `logged CMD...` runs CMD with all its output
# appended to the install log, $INSTALL_LOG. When CMD fails it says so, names the log and shows what failed:
# the first error lines of CMD's output (npm prints its usage after them) and its last lines; then exits 1.
# Installers are loud; the desk's IT staff need the result, and the log when it fails.
INSTALL_LOG=${INSTALL_LOG:-.venv/install.log}

logged() {
  mkdir -p "$(dirname "$INSTALL_LOG")"
  printf '\n$ %s\n' "$*" >>"$INSTALL_LOG"
  local start status errors last
  start=$(($(wc -l <"$INSTALL_LOG") + 1))
  "$@" >>"$INSTALL_LOG" 2>&1 && return 0
  status=$?
  errors=$(tail -n +"$start" "$INSTALL_LOG" | grep -i -m 8 -E '^(npm )?err(or)?[: ]+[^ ]' || true)
  # pip's notes on index locations that this machine's pip configuration names but that do not exist are noise
  last=$(tail -n +"$start" "$INSTALL_LOG" | grep -v "^WARNING: Location '.*' is ignored" | tail -n 15)
  {
    echo "Pemasangan gagal (kode $status): $*"
    echo "Log lengkap: $INSTALL_LOG; baris terakhirnya:"
    if [ -n "$errors" ] && ! grep -qF -- "$(head -n 1 <<<"$errors")" <<<"$last"; then
      printf '%s\n…\n' "$errors" | sed 's/^/  | /'
    fi
    sed 's/^/  | /' <<<"$last"
  } >&2
  exit 1
}
