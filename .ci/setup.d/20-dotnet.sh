#!/usr/bin/env bash
# The .NET SDK is preinstalled on this kind of machine: check it matches global.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh

require_dotnet
