#!/usr/bin/env bash
# Runs the timeline page's tests in a real browser (Debian's Chromium, driven by
# playwright-core) against the API on a throwaway database.
#
#   tests/browser/run.sh [FILE...]     # FILE: specs to run (default: every specs/*.test.mjs)
#
# 1. builds the API (Release) unless CHRONICLE_BROWSER_NO_BUILD=1;
# 2. PostgreSQL: ConnectionStrings__Chronicle if set (a fresh schema in it), else a
#    throwaway cluster in a temporary folder (scripts/postgres.sh --for-tests);
# 3. starts the API on a port of its choosing (port 0) with a fresh Chronicle:Schema and a random editor
#    API key given by configuration (only its SHA-256 hash), and waits for /health/ready;
# 4. runs node --test on the specs, with the service's address and the key in the
#    environment (CHRONICLE_BASE_URL, CHRONICLE_EDITOR_KEY);
# 5. stops the API and the cluster, also on failure or Ctrl-C.
#
# Screenshots, the API's log and the TAP report land in .artifacts/browser/.
# The last line printed is "N passed, N failed" (", N skipped" when some were);
# the exit code is non-zero when a test failed or the run broke.
# Chromium: $CHROMIUM_PATH, default /usr/bin/chromium (apt-get install chromium).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

ARTIFACTS="$ROOT/.artifacts/browser"
CLUSTER=""
API_PID=""
READY_TIMEOUT_S="${CHRONICLE_BROWSER_READY_TIMEOUT:-180}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

summary() {
  local passed="$1" failed="$2" skipped="$3" line
  line="$passed passed, $failed failed"
  ((skipped == 0)) || line+=", $skipped skipped"
  printf '%s\n' "$line"
}

stop_api() {
  [[ -n "$API_PID" ]] || return 0
  # The API runs in its own process group (setsid): end the group, dotnet and the app it started.
  kill -TERM -- "-$API_PID" 2>/dev/null || true
  local waited=0
  while kill -0 -- "-$API_PID" 2>/dev/null && ((waited < 20)); do
    sleep 0.5
    waited=$((waited + 1))
  done
  kill -KILL -- "-$API_PID" 2>/dev/null || true
  API_PID=""
}

cleanup() {
  stop_api
  if [[ -n "$CLUSTER" ]]; then
    scripts/postgres.sh destroy "$CLUSTER" >/dev/null 2>&1 || rm -rf "$CLUSTER"
    CLUSTER=""
  fi
}
trap cleanup EXIT
trap 'echo; info "interrupted"; exit 130' INT
trap 'info "terminated"; exit 143' TERM

fail_setup() {
  warn "$1"
  summary 0 1 0
  exit 1
}

command -v node >/dev/null 2>&1 || fail_setup "Node.js is not installed (node is not on PATH); .ci/setup.d/30-browser.sh installs it."
[[ -x "$CHROMIUM_PATH" ]] || fail_setup "no Chromium at $CHROMIUM_PATH (apt-get install -y chromium, or set CHROMIUM_PATH)."
if [[ ! -d "$HERE/node_modules/playwright-core" ]]; then
  info "installing the browser tests' npm packages (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund >&2) || fail_setup "npm ci failed in tests/browser (message above)."
fi
require_dotnet

if [[ "${CHRONICLE_BROWSER_NO_BUILD:-0}" != 1 ]]; then
  info "building the API"
  dotnet build src/CstoChronicle.Api -c Release -nologo -v quiet >&2 || fail_setup "the API does not build (message above)."
fi

if [[ -n "${ConnectionStrings__Chronicle:-}" ]]; then
  info "browser tests use PostgreSQL from ConnectionStrings__Chronicle"
else
  CLUSTER="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-browser.XXXXXX")"
  chmod 755 "$CLUSTER"
  ConnectionStrings__Chronicle="$(scripts/postgres.sh start "$CLUSTER" --port auto --db chronicle_browser --for-tests)" ||
    fail_setup "could not start a PostgreSQL for the browser tests (message above)."
fi

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
SCHEMA="browser_$(date +%s)_$RANDOM"
EDITOR_KEY="browser-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
EDITOR_KEY_HASH="$(printf '%s' "$EDITOR_KEY" | sha256sum | cut -d' ' -f1)"
export CHRONICLE_EDITOR_KEY="$EDITOR_KEY"
export CHRONICLE_ARTIFACTS="$ARTIFACTS"

info "starting the API (schema $SCHEMA; log: .artifacts/browser/api.log)"
# Port 0: Kestrel binds a free port itself and logs it, so no other program can take the
# port between a check and the bind, nor answer our readiness probe in the API's place.
# No exec of a built dll: dotnet run sets the content root to the project, where wwwroot/ is.
setsid env \
  ConnectionStrings__Chronicle="$ConnectionStrings__Chronicle" \
  ASPNETCORE_URLS="http://127.0.0.1:0" \
  ASPNETCORE_ENVIRONMENT=Production \
  Chronicle__Schema="$SCHEMA" \
  Chronicle__ApiKeys__0__Name=browser-tests \
  Chronicle__ApiKeys__0__Role=editor \
  Chronicle__ApiKeys__0__Hash="$EDITOR_KEY_HASH" \
  dotnet run --project src/CstoChronicle.Api -c Release --no-launch-profile --no-build \
  >"$ARTIFACTS/api.log" 2>&1 </dev/null &
API_PID=$!

# The address Kestrel logged ("Now listening on: http://127.0.0.1:PORT"), once it has.
listening_address() {
  { grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$ARTIFACTS/api.log" 2>/dev/null || true; } | head -n 1 | sed 's/^Now listening on: //'
}

waited=0
CHRONICLE_BASE_URL=""
until [[ -n "$CHRONICLE_BASE_URL" ]] && curl -fsS "$CHRONICLE_BASE_URL/health/ready" >/dev/null 2>&1; do
  [[ -n "$CHRONICLE_BASE_URL" ]] || CHRONICLE_BASE_URL="$(listening_address)"
  kill -0 "$API_PID" 2>/dev/null || { tail -n 30 "$ARTIFACTS/api.log" >&2; fail_setup "the API stopped before it was ready (log above)."; }
  ((waited < READY_TIMEOUT_S * 2)) || { tail -n 30 "$ARTIFACTS/api.log" >&2; fail_setup "the API was not ready after ${READY_TIMEOUT_S} s."; }
  sleep 0.5
  waited=$((waited + 1))
done
export CHRONICLE_BASE_URL
info "the API is ready on $CHRONICLE_BASE_URL after $((waited / 2)) s; running the browser tests"

specs=("$@")
((${#specs[@]})) || specs=("$HERE"/specs/*.test.mjs)
# One spec file at a time (each drives its own Chromium); Node.js 18 knows neither option.
options=()
if (($(node -p 'process.versions.node.split(".")[0]') >= 20)); then
  options=(--test-concurrency=1 --test-timeout="${CHRONICLE_BROWSER_TEST_TIMEOUT_MS:-120000}")
fi
status=0
node --test "${options[@]}" \
  --test-reporter=spec --test-reporter-destination=stderr \
  --test-reporter=tap --test-reporter-destination="$ARTIFACTS/results.tap" \
  "${specs[@]}" || status=$?
stop_api

count() { grep -m1 -E "^# $1 [0-9]+$" "$ARTIFACTS/results.tap" | grep -oE '[0-9]+$' || echo 0; }
passed="$(count pass)"
failed=$(($(count fail) + $(count cancelled)))
skipped=$(($(count skipped) + $(count todo)))
if ((status != 0 && failed == 0)); then
  warn "node --test exited with code $status but no test failed: counting the run as one failure."
  failed=1
fi
info "screenshots and logs: .artifacts/browser/"
summary "$passed" "$failed" "$skipped"
((failed == 0))
