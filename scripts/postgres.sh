#!/usr/bin/env bash
# A local PostgreSQL cluster kept in a folder, made with the system's binaries.
#
#   scripts/postgres.sh start   FOLDER [--port N|auto] [--db NAME] [--for-tests]
#   scripts/postgres.sh stop    FOLDER
#   scripts/postgres.sh status  FOLDER     # prints the connection string (of the --db given to start)
#   scripts/postgres.sh destroy FOLDER
#   scripts/postgres.sh replica FOLDER --of CONNECTION_STRING [--port N|auto]
#
# start creates the cluster if FOLDER has none, recovers one left behind by a
# crashed run, reuses it if it already runs, creates the database, and prints
# the connection string as the only line on stdout (progress goes to stderr): the
# owner's (postgres). It also creates the role chronicle_service, which the service
# runs as (./run.sh passes it in ConnectionStrings__Chronicle, the owner's in
# ConnectionStrings__ChronicleOwner).
#   --port N     the port to use (default 5433); if something else listens
#                there, the next free port is taken instead
#   --port auto  a free port picked at random
#   --db NAME    the database to create if missing (default chronicle)
#   --for-tests  fsync, synchronous_commit and full_page_writes off, 300 connections
#
# replica makes FOLDER a streaming replica (hot standby) of the server the connection
# string names (its host, port and user postgres; the server must accept replication
# connections, as initdb's defaults do on 127.0.0.1): pg_basebackup -R, then starts it and
# prints its connection string (same database) as the only line on stdout.
set -euo pipefail

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=scripts/lib/pg.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/pg.sh"

usage() {
  sed -n '2,27p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

absolute() { (mkdir -p "$1" && cd "$1" && pwd -P); }

cmd_start() {
  local folder="" port=5433 db=chronicle mode=dev
  while (($#)); do
    case "$1" in
      --port) port="${2:?--port needs a value}"; shift 2 ;;
      --db) db="${2:?--db needs a value}"; shift 2 ;;
      --for-tests) mode="test"; shift ;;
      -h | --help) usage ;;
      -*) die "unknown option $1 (see scripts/postgres.sh --help)" ;;
      *) [[ -z "$folder" ]] || usage; folder="$1"; shift ;;
    esac
  done
  [[ -n "$folder" ]] || usage
  [[ "$port" == auto || "$port" =~ ^[0-9]+$ ]] || die "--port must be a number or 'auto', not '$port'."

  pg_require_binaries
  folder="$(absolute "$folder")"
  pg_cluster_init "$folder"
  # status prints the connection string of the database start made.
  printf '%s\n' "$db" >"$folder/database"

  local running
  if running="$(pg_running_port "$folder")"; then
    info "reusing the PostgreSQL server already running on $folder (port $running)"
    pg_wait_ready "$running" || die "the server on port $running does not answer; see $folder/server.log, or stop it with: scripts/postgres.sh stop $folder"
    pg_create_database "$running" "$db"
    pg_create_service_role "$running"
    pg_connection_string "$running" "$db"
    return 0
  fi
  pg_recover_stale "$folder"

  # A port can be taken between our check and the server's bind: try a few.
  local attempt chosen
  for attempt in 1 2 3; do
    chosen="$(choose_port "$port")" || die "no free TCP port found near $port."
    if pg_cluster_start "$folder" "$chosen" "$mode"; then
      pg_create_database "$chosen" "$db"
      pg_create_service_role "$chosen"
      pg_connection_string "$chosen" "$db"
      return 0
    fi
    grep -q 'could not bind\|Address already in use' "$folder/server.log" 2>/dev/null || break
    info "port $chosen was taken meanwhile (attempt $attempt); trying another"
    port=auto
  done
  die "could not start PostgreSQL in $folder (see $folder/server.log)."
}

choose_port() {
  local wanted="$1" port
  if [[ "$wanted" == auto ]]; then
    random_free_port
    return
  fi
  port="$(free_port_from "$wanted")" || return 1
  [[ "$port" == "$wanted" ]] || info "port $wanted is used by another program; using $port instead"
  printf '%s\n' "$port"
}

cmd_replica() {
  local folder="" of="" port=auto host primary_port db
  while (($#)); do
    case "$1" in
      --of) of="${2:?--of needs a connection string}"; shift 2 ;;
      --port) port="${2:?--port needs a value}"; shift 2 ;;
      -h | --help) usage ;;
      -*) die "unknown option $1 (see scripts/postgres.sh --help)" ;;
      *) [[ -z "$folder" ]] || usage; folder="$1"; shift ;;
    esac
  done
  [[ -n "$folder" && -n "$of" ]] || usage
  host="$(printf '%s\n' "$of" | tr ';' '\n' | sed -n 's/^Host=//Ip' | head -n 1)"
  primary_port="$(printf '%s\n' "$of" | tr ';' '\n' | sed -n 's/^Port=//Ip' | head -n 1)"
  db="$(printf '%s\n' "$of" | tr ';' '\n' | sed -n 's/^Database=//Ip' | head -n 1)"
  [[ -n "$host" && -n "$primary_port" && -n "$db" ]] || die "--of needs Host, Port and Database, e.g. Host=127.0.0.1;Port=5433;Username=postgres;Database=chronicle"

  pg_require_binaries
  pg_ensure_os_user
  folder="$(absolute "$folder")"
  [[ ! -f "$folder/data/PG_VERSION" ]] || die "$folder already holds a cluster; destroy it first."
  mkdir -p "$folder/socket"
  if is_root; then chown -R postgres:postgres "$folder"; fi
  info "copying the primary on $host:$primary_port into $folder/data (pg_basebackup -R)"
  pg_as_owner "$PG_BIN/pg_basebackup" -h "$host" -p "$primary_port" -U postgres -D "$folder/data" -R -X stream --checkpoint=fast --no-sync \
    >"$folder/basebackup.log" 2>&1 || { cat "$folder/basebackup.log" >&2; die "pg_basebackup failed (output above)."; }
  printf '%s\n' "$db" >"$folder/database"
  local attempt chosen
  for attempt in 1 2 3; do
    chosen="$(choose_port "$port")" || die "no free TCP port found near $port."
    if pg_cluster_start "$folder" "$chosen" test; then
      pg_connection_string "$chosen" "$db"
      return 0
    fi
    port=auto
  done
  die "could not start the replica in $folder (see $folder/server.log)."
}

cmd_stop() {
  local folder="${1:?usage: scripts/postgres.sh stop FOLDER}"
  [[ -d "$folder" ]] || { info "no cluster in $folder"; return 0; }
  pg_require_binaries
  folder="$(absolute "$folder")"
  if pg_running_port "$folder" >/dev/null; then
    pg_cluster_stop "$folder" fast
  else
    info "PostgreSQL in $folder is not running"
  fi
}

cmd_status() {
  local folder="${1:?usage: scripts/postgres.sh status FOLDER}" port
  if [[ ! -f "$folder/data/PG_VERSION" ]]; then
    info "no cluster in $folder"
    return 3
  fi
  if port="$(pg_running_port "$folder")"; then
    info "running on 127.0.0.1:$port"
    pg_connection_string "$port" "$(cat "$folder/database" 2>/dev/null || echo chronicle)"
  else
    info "stopped"
    return 3
  fi
}

cmd_destroy() {
  local folder="${1:?usage: scripts/postgres.sh destroy FOLDER}"
  [[ -d "$folder" ]] || return 0
  if [[ -d "$folder/data" ]]; then
    pg_require_binaries
    pg_cluster_stop "$(absolute "$folder")" immediate
  fi
  rm -rf "$folder"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  destroy) shift; cmd_destroy "$@" ;;
  replica) shift; cmd_replica "$@" ;;
  *) usage ;;
esac
