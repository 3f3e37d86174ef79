#!/usr/bin/env bash
# `npm test`: every check, in order, stopping at the first failure. Type checks, lint, unit and
# integration tests (real keychain via scripts/with-keyring.sh), the browser-mode end-to-end suite,
# then the Electron suite where the Electron binary is installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Bold/colour only on a terminal; CI logs stay plain.
if [[ -t 1 ]]; then b=$'\033[1m' red=$'\033[1;31m' green=$'\033[1;32m' off=$'\033[0m'; else b='' red='' green='' off=''; fi
started=$SECONDS
steps=()
current=""

summary() {
  local status=$?
  local passed="none"
  [[ ${#steps[@]} -gt 0 ]] && passed="$(printf '%s, ' "${steps[@]}")" && passed="${passed%, }"
  if [[ $status -ne 0 ]]; then
    printf '\n%sFAILED at "%s" (exit %s) after %ss.%s Passed before it: %s\n' "$red" \
      "${current:-setup}" "$status" "$((SECONDS - started))" "$off" "$passed"
  else
    printf '\n%sAll checks passed in %ss:%s %s\n' "$green" "$((SECONDS - started))" "$off" "$passed"
  fi
}
trap summary EXIT

step() {
  local name="$1"
  shift
  printf '\n%s==> %s%s  (%s)\n' "$b" "$name" "$off" "$*"
  local t=$SECONDS
  current="$name"
  "$@"
  steps+=("$name ($((SECONDS - t))s)")
}

# Same lookup as node_modules/electron/index.js, without running it (it downloads when the binary is missing).
electron_installed() {
  local pkg=node_modules/electron rel=""
  [[ -f "$pkg/path.txt" ]] && rel="$(<"$pkg/path.txt")"
  if [[ -n "${ELECTRON_OVERRIDE_DIST_PATH:-}" ]]; then
    [[ -e "$ELECTRON_OVERRIDE_DIST_PATH/${rel:-electron}" ]]
  else
    [[ -n "$rel" && -e "$pkg/dist/$rel" ]]
  fi
}

step "Type check" npm run typecheck
step "Lint and format" npm run lint
step "Unit and integration tests" npm run test:unit
step "Crash test (SIGKILL mid-campaign, no duplicates)" npm run test:crash
step "End-to-end (browser mode)" npm run test:e2e
if electron_installed; then
  step "Electron suite" bash scripts/with-keyring.sh npm run test:electron
else
  echo
  echo 'Electron suite skipped: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm run test:electron` where it is.'
  steps+=("Electron suite (skipped)")
fi
