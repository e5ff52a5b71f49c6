#!/usr/bin/env bash
# The timeline page's browser tests (tests/browser/): Debian's Chromium, Node.js with
# npm (installed with apt-get when missing), then the tests' npm packages from
# tests/browser/package-lock.json. Playwright's own browser download is never used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  is_root || die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run this as root."
  info "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

"$CHROMIUM" --headless --no-sandbox --version >/dev/null 2>&1 || die "$CHROMIUM does not start (try: $CHROMIUM --headless --no-sandbox --version)."
info "browser tests: $("$CHROMIUM" --version 2>/dev/null | head -n1), Node.js $(node --version), npm $(npm --version)"

(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >&2)
info "browser tests: npm packages installed in tests/browser/node_modules"
