#!/usr/bin/env bash
# Runs the benchmark program and writes docs/benchmarks.md.
# PostgreSQL: ConnectionStrings__Chronicle if set, else a throwaway cluster with default (durable) settings.
# Extra arguments go to the program, e.g. bench/run.sh --single-appends 1000 --synthetic-events 100000
# or --suites store,queries --output /tmp/b.md (suites: store, queries, http, notifications).
# The store suite takes --clients N (concurrent single appends, default 8); the query suite --synthetic-session N
# (events per SaveChanges when loading the synthetic history, default 2000).
# The notifications suite takes --sse-clients N (default 1000) and --notification-events N (default 200).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ -z "${ConnectionStrings__Chronicle:-}" ]]; then
  cluster="$(mktemp -d "${TMPDIR:-/tmp}/chronicle-bench.XXXXXX")"
  trap 'scripts/postgres.sh destroy "$cluster" >/dev/null 2>&1 || true' EXIT
  ConnectionStrings__Chronicle="$(scripts/postgres.sh start "$cluster" --port auto --db chronicle_bench)"
  export ConnectionStrings__Chronicle
fi

# The HTTP suite starts the API as its own process from its Release build.
dotnet build src/CstoChronicle.Api -c Release -v q -nologo
dotnet run --project bench/CstoChronicle.Bench -c Release -- "$@"
