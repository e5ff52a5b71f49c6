#!/usr/bin/env bash
# PostgreSQL server binaries (>= 15) for test.sh's throwaway cluster:
# installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/pg.sh
source scripts/lib/pg.sh

pg_require_binaries
pg_ensure_os_user
info "PostgreSQL: $("$PG_BIN/pg_ctl" --version) in $PG_BIN"
