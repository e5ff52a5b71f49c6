#!/usr/bin/env bash
# The OpenAPI document and the .NET client generated from it.
#
#   scripts/openapi.sh update   # writes the served document to docs/openapi/v1.json (through the
#                               # test that compares them, on a throwaway PostgreSQL), then `client`
#   scripts/openapi.sh client   # regenerates src/CstoChronicle.Client/Generated/ from docs/openapi/v1.json
#                               # with Kiota (the local dotnet tool pinned in .config/dotnet-tools.json)
#   scripts/openapi.sh lint     # Redocly CLI (tests/openapi/, pinned in its package-lock.json) on docs/openapi/v1.json,
#                               # with tests/openapi/redocly.yaml: which rules are off, and why
#   scripts/openapi.sh check    # lint, and the committed client is what Kiota generates from the committed document
#
# check prints "N passed, N failed" last, as ./test.sh counts it. That the committed document is the
# served one is a test of the API's suite (OpenApiDocumentTests.The_committed_document_is_the_one_served).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

DOCUMENT=docs/openapi/v1.json
CLIENT=src/CstoChronicle.Client/Generated
LINT=tests/openapi
export KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false DOTNET_CLI_TELEMETRY_OPTOUT=1
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

generate() {
  local output="$1"
  dotnet tool restore >&2
  dotnet kiota generate --openapi "$DOCUMENT" --language CSharp --class-name ChronicleClient \
    --namespace-name CstoChronicle.Client --output "$output" --exclude-backward-compatible \
    --clean-output --log-level Error >&2
  # The log and the lock's generator details are not part of the client.
  rm -f "$output/.kiota.log"
}

cmd_client() {
  generate "$CLIENT"
  info "client regenerated in $CLIENT from $DOCUMENT"
}

cmd_update() {
  CHRONICLE_UPDATE_OPENAPI=1 CHRONICLE_BROWSER_TESTS=0 ./test.sh --filter "FullyQualifiedName~OpenApiDocumentTests.The_committed_document_is_the_one_served" >&2
  info "$DOCUMENT written from the served document"
  cmd_client
}

cmd_lint() {
  command -v node >/dev/null 2>&1 || die "Node.js is missing (apt-get install nodejs npm; CI: .ci/setup.d/30-browser.sh)."
  [[ -x "$LINT/node_modules/.bin/redocly" ]] || (cd "$LINT" && npm ci --no-audit --no-fund --loglevel=error >&2)
  (cd "$LINT" && node_modules/.bin/redocly lint --config redocly.yaml "../../$DOCUMENT" --format=stylish 2>&1 | grep -v '[║╔╚]') >&2
}

cmd_check() {
  local passed=0 failed=0 fresh
  if cmd_lint; then
    info "redocly lint: $DOCUMENT is clean"
    passed=$((passed + 1))
  else
    warn "redocly lint found problems in $DOCUMENT (above)"
    failed=$((failed + 1))
  fi
  fresh="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-client.XXXXXX")"
  # kiota-lock.json names the document by a path relative to the output: only its hash is compared.
  if generate "$fresh/Generated" && diff -r -q -x kiota-lock.json "$CLIENT" "$fresh/Generated" >&2 \
    && [[ "$(grep descriptionHash "$CLIENT/kiota-lock.json")" == "$(grep descriptionHash "$fresh/Generated/kiota-lock.json")" ]]; then
    info "the committed client is what Kiota generates from $DOCUMENT"
    passed=$((passed + 1))
  else
    warn "$CLIENT is not what Kiota generates from $DOCUMENT: run scripts/openapi.sh client"
    failed=$((failed + 1))
  fi
  rm -rf "$fresh"
  printf '%s passed, %s failed\n' "$passed" "$failed"
  ((failed == 0))
}

case "${1:-}" in
  update | client | lint | check) "cmd_$1" ;;
  *) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
