#!/usr/bin/env bash
# Serves CSTO Chronicle on http://localhost:5080 (or $ASPNETCORE_URLS).
#
# PostgreSQL comes from, in this order:
#   1. ConnectionStrings__Chronicle, if set;
#   2. Docker Compose (service db), if a Docker engine answers
#      (set CHRONICLE_NO_DOCKER=1 to skip this);
#   3. a local cluster kept in .pgdata/ (port 5433 or $CHRONICLE_PG_PORT),
#      made with the system's PostgreSQL binaries, installed with apt-get
#      if missing and we are root. It keeps running after the API stops, and
#      the next ./run.sh reuses it. Stop it: scripts/postgres.sh stop .pgdata
#
# Arguments are passed to the API (for example --Logging:LogLevel:Default=Debug), except for the
# commands below, which run once and start no server:
#   ./run.sh create-key | revoke-key | apply-schema | rebuild-projections | import-legacy-store ...
#   ./run.sh backup FILE | restore FILE [--replace]   (scripts/backup.sh; a restore then runs apply-schema)
#
# The server runs in ASP.NET Core's Development environment unless ASPNETCORE_ENVIRONMENT says
# otherwise: readable log lines instead of production's JSON.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
# shellcheck source=scripts/lib/pg.sh
source scripts/lib/pg.sh

PG_PORT="${CHRONICLE_PG_PORT:-5433}"
[[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "CHRONICLE_PG_PORT must be a port number, not '$PG_PORT'."

docker_engine_answers() {
  [[ "${CHRONICLE_NO_DOCKER:-0}" != 1 ]] || return 1
  command -v docker >/dev/null 2>&1 || return 1
  timeout 10 docker info >/dev/null 2>&1 || return 1
  if ! timeout 10 docker compose version >/dev/null 2>&1; then
    info "a Docker engine answers but 'docker compose' is missing; using a local cluster instead"
    return 1
  fi
}

# Starts the db service of docker-compose.yml and prints its connection string.
postgres_from_docker() {
  info "starting PostgreSQL with Docker Compose (service db, 127.0.0.1:$PG_PORT)"
  CHRONICLE_PG_PORT="$PG_PORT" docker compose up -d db >&2 ||
    die "docker compose up -d db failed (is port $PG_PORT free? set CHRONICLE_PG_PORT to another)."
  local id status="" tries=0
  id="$(docker compose ps -q db)"
  while ((tries < 90)); do
    status="$(docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null || true)"
    [[ "$status" == healthy ]] && break
    sleep 1
    tries=$((tries + 1))
  done
  [[ "$status" == healthy ]] || die "the db container is not healthy after 90 s (docker compose logs db)."
  docker compose exec -T db psql -q -v ON_ERROR_STOP=1 -U postgres -d chronicle -c "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronicle_service') THEN
        CREATE ROLE chronicle_service LOGIN PASSWORD 'chronicle';
      END IF;
    END \$\$;" >&2 || die "could not create the role chronicle_service in the db container."
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=chronicle;Database=chronicle\n' "$PG_PORT"
}

# The folder of the local cluster: .pgdata/ in the project. As root, PostgreSQL
# runs as the postgres user; when that user cannot enter the project (a clone
# under /root, say), the cluster lives in /var/lib/csto-chronicle/ instead and
# .pgdata is a link to it, so that the next ./run.sh still finds it.
local_cluster_folder() {
  local dir="$ROOT/.pgdata" elsewhere
  if is_root && [[ ! -e "$dir" ]]; then
    pg_require_binaries
    pg_ensure_os_user
    if ! pg_as_owner test -x "$ROOT"; then
      elsewhere="/var/lib/csto-chronicle/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
      info "the postgres user cannot enter $ROOT; keeping the cluster in $elsewhere (linked from .pgdata)"
      mkdir -p "$elsewhere"
      chmod 755 /var/lib/csto-chronicle
      ln -s "$elsewhere" "$dir"
    fi
  fi
  printf '%s\n' "$dir"
}

require_dotnet

# The service runs as the role chronicle_service, which reads and appends events but cannot rewrite or
# delete them; the owner (postgres) only creates and migrates the schema (decision 0206).
if [[ -n "${ConnectionStrings__Chronicle:-}" ]]; then
  info "using PostgreSQL from ConnectionStrings__Chronicle"
else
  if docker_engine_answers; then
    ConnectionStrings__ChronicleOwner="$(postgres_from_docker)"
  else
    cluster="$(local_cluster_folder)"
    ConnectionStrings__ChronicleOwner="$(scripts/postgres.sh start "$cluster" --port "$PG_PORT" --db chronicle)"
    info "PostgreSQL keeps running in .pgdata/ after the API stops; stop it with: scripts/postgres.sh stop .pgdata"
  fi
  ConnectionStrings__Chronicle="$(pg_service_connection_string "$ConnectionStrings__ChronicleOwner")"
  export ConnectionStrings__ChronicleOwner
fi
export ConnectionStrings__Chronicle
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"

# Connection strings are shown without their passwords.
without_password() { printf '%s\n' "$1" | sed -E 's/(^|;)[[:space:]]*(Password|Pwd)=[^;]*/\1\2=***/I'; }
info "database: $(without_password "$ConnectionStrings__Chronicle")"
[[ -z "${ConnectionStrings__ChronicleOwner:-}" ]] || info "schema changes as: $(without_password "$ConnectionStrings__ChronicleOwner")"
case "${1:-}" in
  backup)
    exec scripts/backup.sh "$@" ;;
  restore)
    scripts/backup.sh "$@"
    info "granting the service's role its privileges and checking the migrations (apply-schema)"
    exec dotnet run --project src/CstoChronicle.Api -c Release --no-launch-profile -- apply-schema ;;
  create-key | revoke-key | apply-schema | rebuild-projections | import-legacy-store)
    info "building the API to run its command '$1' (no server is started)" ;;
  *)
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
    info "building and starting the API on $ASPNETCORE_URLS in the $ASPNETCORE_ENVIRONMENT environment (Ctrl-C stops it)" ;;
esac
# --no-launch-profile: a launchSettings.json must not override ASPNETCORE_URLS.
exec dotnet run --project src/CstoChronicle.Api -c Release --no-launch-profile -- "$@"
