#!/usr/bin/env bash
# The OpenAPI checks (scripts/openapi.sh check, run by ./test.sh): Redocly CLI from
# tests/openapi/package-lock.json (Node.js and npm come with 30-browser.sh) and Kiota,
# the local dotnet tool pinned in .config/dotnet-tools.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

command -v npm >/dev/null 2>&1 || die "npm is missing (30-browser.sh installs it)."
(cd tests/openapi && npm ci --no-audit --no-fund --loglevel=error >&2)
DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet tool restore >&2
info "OpenAPI checks: Redocly CLI $(cd tests/openapi && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly --version 2>/dev/null | tail -n1), Kiota $(dotnet kiota --version 2>/dev/null | head -n1)"
