#!/usr/bin/env bash
# Runs its arguments inside a throwaway Secret Service (gnome-keyring on a private D-Bus session), so
# tests and CI exercise the real OS keychain without touching the user's own keyring.
#
#   bash scripts/with-keyring.sh vitest run
#
# Linux: re-executes itself under `dbus-run-session --`, starts `gnome-keyring-daemon --unlock
# --components=secrets` with its data and control folders in a fresh temporary directory (independent
# of $HOME), exports what the daemon prints, sets HERALD_KEYRING_READY=1 and runs the command. The
# daemon is stopped and the directory removed afterwards. The exit status is the command's.
# macOS/Windows, or when HERALD_KEYRING_READY is already set: runs the command as it is.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: bash scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi

if [[ -n "${HERALD_KEYRING_READY:-}" || "$(uname -s)" != "Linux" ]]; then
  exec "$@"
fi

if [[ -z "${HERALD_KEYRING_DIR:-}" ]]; then
  # Outer stage: check the tools, make the temporary home of the keyring, enter a private bus.
  missing=()
  command -v dbus-run-session >/dev/null 2>&1 || missing+=("dbus-run-session (apt package: dbus-daemon, or dbus)")
  command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=("gnome-keyring-daemon (apt package: gnome-keyring)")
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "with-keyring: missing ${missing[*]}." >&2
    echo "with-keyring: install them with: sudo apt-get install dbus dbus-x11 gnome-keyring libsecret-1-dev" >&2
    exit 1
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/herald-keyring.XXXXXX")"
  cleanup() { rm -rf "$dir" 2>/dev/null || true; }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  status=0
  HERALD_KEYRING_DIR="$dir" dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@" || status=$?
  exit "$status"
fi

# Inner stage: we are on the private session bus; start and unlock a keyring that lives in $dir.
dir="$HERALD_KEYRING_DIR"
unset HERALD_KEYRING_DIR
mkdir -p "$dir/data" "$dir/control"
chmod 700 "$dir" "$dir/data" "$dir/control"

# --unlock reads the login keyring password from stdin; with an empty data folder it creates that keyring
# (the libsecret "default" collection keytar writes to) unlocked with this password.
daemon_env="$(echo -n test | XDG_DATA_HOME="$dir/data" \
  gnome-keyring-daemon --unlock --components=secrets --control-directory="$dir/control")"
while IFS= read -r line; do
  [[ "$line" == *=* ]] && export "${line?}"
done <<<"$daemon_env"
export HERALD_KEYRING_READY=1

# The daemon forks into the background; remember its pid (unique control folder) to stop it before the
# folder goes. Without pgrep it still exits on its own when the private bus closes.
daemon_pid=""
if command -v pgrep >/dev/null 2>&1; then
  daemon_pid="$(pgrep -f -- "--control-directory=$dir/control" | head -n 1 || true)"
fi
stop_daemon() {
  if [[ -n "$daemon_pid" ]] && kill "$daemon_pid" 2>/dev/null; then
    for _ in $(seq 1 50); do
      kill -0 "$daemon_pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
}
trap stop_daemon EXIT

status=0
"$@" || status=$?
exit "$status"
