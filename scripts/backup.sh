#!/usr/bin/env bash
# Backs up and restores the chronicle's schema with PostgreSQL's own tools (pg_dump, pg_restore).
#
#   scripts/backup.sh backup  FILE             # one consistent snapshot of the schema, pg_dump's custom format
#   scripts/backup.sh restore FILE [--replace] # into the database of the connection string, same schema name;
#                                              # refuses a schema that already holds events unless --replace
#   scripts/backup.sh digest                   # events, last position, high-water mark and a hash of every event
#
# The connection is ConnectionStrings__ChronicleOwner when set, else ConnectionStrings__Chronicle (Npgsql form:
# Host=...;Port=...;Username=...;Password=...;Database=...); the schema is Chronicle__Schema (default chronicle).
# The binaries come from CHRONICLE_PG_BIN, else the newest /usr/lib/postgresql/*/bin, else PATH; pg_dump must be at
# least the server's major version. Privileges are not in the backup: after a restore, ./run.sh apply-schema grants
# the service's role again (./run.sh restore does it). Each command ends with the digest on stdout, so a backup and
# its restore can be compared: the same events hash the same.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/lib/common.sh
source "$ROOT/scripts/lib/common.sh"
# shellcheck source=scripts/lib/pg.sh
source "$ROOT/scripts/lib/pg.sh"

usage() { die "usage: scripts/backup.sh backup FILE | restore FILE [--replace] | digest"; }

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE from an Npgsql connection string (never printed).
export_libpq_environment() {
  local connection="$1" pair key value
  local IFS=';'
  for pair in $connection; do
    [[ "$pair" == *=* ]] || continue
    key="$(printf '%s' "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
    value="${pair#*=}"
    case "$key" in
      host | server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username | userid | user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
      database | db) export PGDATABASE="$value" ;;
    esac
  done
  [[ -n "${PGDATABASE:-}" ]] || die "the connection string names no Database."
}

pg_tool() {
  local name="$1" dir
  dir="${CHRONICLE_PG_BIN:-$(pg_find_bindir || true)}"
  if [[ -n "$dir" && -x "$dir/$name" ]]; then
    printf '%s\n' "$dir/$name"
  elif command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
  else
    die "$name was not found (install postgresql-client, or set CHRONICLE_PG_BIN)."
  fi
}

psql_value() { "$(pg_tool psql)" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }

# events=N position=P mark=M hash=H: the whole of mt_events, row by row in position order, in UTC.
digest_sql() {
  local s="$SCHEMA"
  printf '%s\n' "SET TimeZone = 'UTC'; SELECT format('events=%s position=%s mark=%s hash=%s', count(*), coalesce(max(e.seq_id), 0), coalesce((SELECT last_seq_id FROM $s.mt_event_progression WHERE name = 'HighWaterMark'), 0), md5(coalesce(string_agg(e::text, E'\\n' ORDER BY e.seq_id), ''))) FROM $s.mt_events e;"
}

digest() { psql_value "$(digest_sql)"; }

# pg_dump in a snapshot exported by a transaction of our own, which then reads the digest in that same snapshot:
# the line printed describes exactly what the file holds, whatever was appended meanwhile.
backup_in_snapshot() {
  local file="$1" snapshot line
  coproc SNAPSHOT { "$(pg_tool psql)" -X -q -A -t -v ON_ERROR_STOP=1; }
  printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAPSHOT[1]}"
  read -r -t 60 snapshot <&"${SNAPSHOT[0]}" || die "could not open a snapshot to back up from."
  "$(pg_tool pg_dump)" --snapshot="$snapshot" --format=custom --schema="$SCHEMA" --no-owner --no-privileges --file="$file"
  digest_sql >&"${SNAPSHOT[1]}"
  read -r -t 600 line <&"${SNAPSHOT[0]}" || die "could not read the backup's digest."
  printf '%s\n' "COMMIT;" >&"${SNAPSHOT[1]}"
  exec {SNAPSHOT[1]}>&-
  wait "$SNAPSHOT_PID" || true
  printf '%s\n' "$line"
}

COMMAND="${1:-}"
[[ -n "$COMMAND" ]] || usage
SCHEMA="${Chronicle__Schema:-chronicle}"
[[ "$SCHEMA" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "Chronicle__Schema must match ^[a-z_][a-z0-9_]{0,62}\$."
CONNECTION="${ConnectionStrings__ChronicleOwner:-${ConnectionStrings__Chronicle:-}}"
[[ -n "$CONNECTION" ]] || die "set ConnectionStrings__Chronicle (or ConnectionStrings__ChronicleOwner), as ./run.sh does."
export_libpq_environment "$CONNECTION"
export PGOPTIONS="-c client_min_messages=warning"

case "$COMMAND" in
  backup)
    FILE="${2:-}"
    [[ -n "$FILE" ]] || usage
    info "backing up schema $SCHEMA of database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432} to $FILE"
    # One transaction snapshot: every table as of the same instant, appends in flight included or not, never half.
    DIGEST="$(backup_in_snapshot "$FILE.partial")"
    "$(pg_tool pg_restore)" --list "$FILE.partial" >/dev/null || die "the backup in $FILE.partial does not read back."
    mv "$FILE.partial" "$FILE"
    info "backup written: $FILE ($(du -h "$FILE" | cut -f1)), holding:"
    printf '%s\n' "$DIGEST"
    ;;
  restore)
    FILE="${2:-}"
    [[ -n "$FILE" && -f "$FILE" ]] || die "restore needs a backup FILE made by: scripts/backup.sh backup FILE"
    REPLACE="${3:-}"
    [[ -z "$REPLACE" || "$REPLACE" == --replace ]] || usage
    if [[ "$(psql_value "SELECT to_regclass('$SCHEMA.mt_events') IS NOT NULL")" == t ]] &&
      [[ "$(psql_value "SELECT EXISTS (SELECT FROM $SCHEMA.mt_events)")" == t ]]; then
      [[ "$REPLACE" == --replace ]] ||
        die "schema $SCHEMA of database $PGDATABASE already holds events; restore into an empty database, or add --replace to drop it first."
      warn "dropping schema $SCHEMA of database $PGDATABASE (--replace)"
    fi
    psql_value "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null
    info "restoring $FILE into database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432}"
    "$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$PGDATABASE" "$FILE"
    info "restored; the schema holds (compare with the backup's line):"
    digest
    ;;
  digest)
    digest
    ;;
  *) usage ;;
esac
