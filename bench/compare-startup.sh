#!/usr/bin/env bash
# Time from process start to the first 200 on /health/ready, and resident memory 2 s later, of two builds of the API,
# alternating, each first on a fresh schema (tables created) and then again on the same schema (tables there).
# Usage: bench/compare-startup.sh CONNECTION_STRING NAME=API_DLL NAME=API_DLL [ROUNDS]
# e.g. bench/compare-startup.sh "$ConnectionStrings__Chronicle" before=/tmp/old/CstoChronicle.Api.dll now=src/CstoChronicle.Api/bin/Release/net10.0/CstoChronicle.Api.dll 4
set -euo pipefail
cs="$1"; a="$2"; b="$3"; rounds="${4:-4}"

start_api() { # dll schema port -> pid
  ConnectionStrings__Chronicle="$cs" Chronicle__Schema="$2" Chronicle__ImportDataset=false ASPNETCORE_URLS="http://127.0.0.1:$3" \
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning dotnet "$1" >/dev/null 2>&1 &
  echo $!
}
ready_ms() { # port start_ns
  until curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready"; do sleep 0.05; done
  echo $(( ($(date +%s%N) - $2) / 1000000 ))
}

for round in $(seq "$rounds"); do
  for build in "$a" "$b"; do
    name="${build%%=*}"; dll="${build#*=}"
    schema="startup_${name}_${round}_$RANDOM"; port=$((20000 + RANDOM % 20000))
    t=$(date +%s%N); pid=$(start_api "$dll" "$schema" "$port"); first=$(ready_ms "$port" "$t")
    sleep 2; rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$pid/status"); kill "$pid"; wait "$pid" 2>/dev/null || true
    t=$(date +%s%N); pid=$(start_api "$dll" "$schema" "$port"); again=$(ready_ms "$port" "$t"); kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$name round=$round fresh_schema_ms=$first existing_schema_ms=$again rss_mib=$rss load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
