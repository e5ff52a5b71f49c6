#!/usr/bin/env bash
# Runs every test of CstoChronicle.sln against a real PostgreSQL.
#
# Unless ConnectionStrings__Chronicle is set, a throwaway cluster is made in a
# temporary folder on a free port (durability off, 300 connections), handed to
# the tests through ConnectionStrings__Chronicle, then stopped and deleted,
# also when the run fails or is interrupted.
#
# Arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Append".
#
# Then, when no argument was given, the timeline page's tests run in a real browser
# (tests/browser/run.sh) on the same cluster, in a schema of their own. Without
# Chromium or Node.js they are skipped with a note on stderr, except in CI (CI=true),
# where that counts as a failure. CHRONICLE_BROWSER_TESTS=0 skips them, =1 runs them
# even with arguments. Their counts are part of the last line.
# Then, also only without arguments, scripts/openapi.sh check: Redocly's lint of the committed
# OpenAPI document and the committed generated client against a fresh Kiota generation
# (CHRONICLE_OPENAPI_CHECKS=0 skips them, =1 runs them even with arguments); counted in the last line.
# TRX results land in .artifacts/test-results/. The last line printed is
# "N passed, N failed" (", N skipped" when some were), and the exit code is
# non-zero when a test failed or the build or test run broke.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

RESULTS="$ROOT/.artifacts/test-results"
CLUSTER=""

cleanup() {
  if [[ -n "$CLUSTER" ]]; then
    scripts/postgres.sh destroy "$CLUSTER" 2>/dev/null || rm -rf "$CLUSTER"
    CLUSTER=""
  fi
}
trap cleanup EXIT
trap 'echo; info "interrupted"; exit 130' INT
trap 'info "terminated"; exit 143' TERM

# Sums one attribute of the <Counters .../> element over every TRX file.
trx_sum() {
  local name="$1" total=0 file value
  for file in "$RESULTS"/*.trx; do
    [[ -f "$file" ]] || continue
    value="$(grep -o '<Counters [^>]*>' "$file" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
    total=$((total + ${value:-0}))
  done
  printf '%s\n' "$total"
}

summary_line() {
  local passed="$1" failed="$2" skipped="$3" line
  line="$passed passed, $failed failed"
  ((skipped == 0)) || line+=", $skipped skipped"
  printf '%s\n' "$line"
}

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --version >/dev/null 2>&1; then
  ( require_dotnet ) || true
  summary_line 0 1 0
  exit 1
fi

if [[ -n "${ConnectionStrings__Chronicle:-}" ]]; then
  info "using PostgreSQL from ConnectionStrings__Chronicle"
else
  CLUSTER="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-test.XXXXXX")"
  # chmod: when we are root the cluster belongs to the postgres user, who must enter it.
  chmod 755 "$CLUSTER"
  if ! ConnectionStrings__Chronicle="$(scripts/postgres.sh start "$CLUSTER" --port auto --db chronicle_test --for-tests)"; then
    warn "could not start a PostgreSQL for the tests (message above)"
    cleanup
    summary_line 0 1 0
    exit 1
  fi
fi
export ConnectionStrings__Chronicle
info "tests use: $ConnectionStrings__Chronicle"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

status=0
# A test that hangs longer than CHRONICLE_TEST_HANG_TIMEOUT is killed and counted as
# failed, so that a deadlock cannot eat CI's whole time.
dotnet test CstoChronicle.sln -c Release \
  --logger "trx;LogFilePrefix=tests" --results-directory "$RESULTS" \
  --blame-hang-timeout "${CHRONICLE_TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type none \
  "$@" || status=$?

# Prints "passed failed skipped" of the browser tests (0 0 0 when they are not run).
browser_tests() {
  local wanted="${CHRONICLE_BROWSER_TESTS:-}" line=""
  [[ -n "$wanted" ]] || { (($# == 0)) && wanted=1 || wanted=0; }
  if [[ "$wanted" != 1 ]]; then
    info "browser tests not run (arguments were given or CHRONICLE_BROWSER_TESTS=0)"
    echo "0 0 0"
    return
  fi
  if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || ! command -v node >/dev/null 2>&1; then
    if [[ "${CI:-}" == true ]]; then
      warn "browser tests cannot run: Chromium or Node.js is missing (.ci/setup.d/30-browser.sh installs them)"
      echo "0 1 0"
    else
      warn "browser tests NOT run: Chromium (${CHROMIUM_PATH:-/usr/bin/chromium}) or Node.js is missing; install them with: sudo bash .ci/setup.d/30-browser.sh (CI always runs them)"
      echo "0 0 0"
    fi
    return
  fi
  info "running the browser tests (tests/browser/run.sh)"
  line="$(CHRONICLE_BROWSER_NO_BUILD=1 tests/browser/run.sh | tail -n 1)" || true
  if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
    info "browser tests: $line"
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[4]:-0}"
  else
    warn "the browser tests ended without their count (see above): counting one failure"
    echo "0 1 0"
  fi
}
read -r browser_passed browser_failed browser_skipped < <(browser_tests "$@")

# Prints "passed failed" of scripts/openapi.sh check: Redocly's lint of docs/openapi/v1.json and the
# committed client against a fresh Kiota generation (0 0 when not run). Like the browser tests, run
# without arguments or with CHRONICLE_OPENAPI_CHECKS=1; without Node.js skipped with a note, except in CI.
openapi_checks() {
  local wanted="${CHRONICLE_OPENAPI_CHECKS:-}" line=""
  [[ -n "$wanted" ]] || { (($# == 0)) && wanted=1 || wanted=0; }
  if [[ "$wanted" != 1 ]]; then
    echo "0 0"
    return
  fi
  if ! command -v node >/dev/null 2>&1; then
    if [[ "${CI:-}" == true ]]; then
      warn "OpenAPI checks cannot run: Node.js is missing (.ci/setup.d/30-browser.sh installs it)"
      echo "0 1"
    else
      warn "OpenAPI checks NOT run: Node.js is missing (sudo bash .ci/setup.d/30-browser.sh installs it)"
      echo "0 0"
    fi
    return
  fi
  info "running the OpenAPI checks (scripts/openapi.sh check)"
  line="$(scripts/openapi.sh check | tail -n 1)" || true
  if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    info "OpenAPI checks: $line"
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
  else
    warn "the OpenAPI checks ended without their count (see above): counting one failure"
    echo "0 1"
  fi
}
read -r openapi_passed openapi_failed < <(openapi_checks "$@")

cleanup

passed="$(trx_sum passed)"
failed=$(($(trx_sum failed) + $(trx_sum error) + $(trx_sum timeout) + $(trx_sum aborted)))
# A skipped test counts in total but not in executed (notExecuted stays 0).
skipped=$(($(trx_sum total) - $(trx_sum executed)))

if ((status != 0 && failed == 0)); then
  warn "dotnet test exited with code $status but no test failed: the build broke or a test run crashed (see above). Counting it as a failure."
  failed=1
fi
passed=$((passed + browser_passed + openapi_passed))
failed=$((failed + browser_failed + openapi_failed))
skipped=$((skipped + browser_skipped))
info "TRX results: ${RESULTS#"$ROOT"/}/"
summary_line "$passed" "$failed" "$skipped"
((failed == 0))
