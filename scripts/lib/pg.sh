# shellcheck shell=bash
# A local PostgreSQL cluster in a folder of our own, made with the system's binaries.
#
# Layout of a cluster folder:
#   FOLDER/data/        PGDATA (initdb)
#   FOLDER/socket/      the Unix socket directory
#   FOLDER/server.log   the server's log (pg_ctl -l)
#
# When we are root the folder belongs to the `postgres` user and every server
# command runs as that user, because initdb and postgres refuse to run as root.
# Requires common.sh.

PG_MIN_MAJOR=15
PG_BIN=""

# Prints the newest bin folder holding initdb and pg_ctl of PostgreSQL >= 15.
pg_find_bindir() {
  local dir major best="" best_major=0
  if [[ -n "${CHRONICLE_PG_BIN:-}" ]]; then
    [[ -x "$CHRONICLE_PG_BIN/initdb" && -x "$CHRONICLE_PG_BIN/pg_ctl" ]] ||
      die "CHRONICLE_PG_BIN=$CHRONICLE_PG_BIN has no initdb and pg_ctl."
    printf '%s\n' "$CHRONICLE_PG_BIN"
    return 0
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] || continue
    major="$(basename "$(dirname "$dir")")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if ((major >= PG_MIN_MAJOR && major > best_major)); then
      best="$dir"
      best_major="$major"
    fi
  done
  # Elsewhere (Homebrew, other distributions) the binaries may simply be on PATH.
  if [[ -z "$best" ]] && command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    major="$(pg_ctl --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/')"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= PG_MIN_MAJOR)); then
      best="$(dirname "$(command -v pg_ctl)")"
    fi
  fi
  [[ -n "$best" ]] && printf '%s\n' "$best"
}

pg_install_with_apt() {
  info "PostgreSQL >= $PG_MIN_MAJOR not found; installing it with apt-get (this takes a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null >&2 || die "apt-get update failed; install PostgreSQL >= $PG_MIN_MAJOR by hand and run this again."
  apt-get install -y -qq --no-install-recommends postgresql postgresql-client </dev/null >&2 ||
    die "apt-get install postgresql failed; install PostgreSQL >= $PG_MIN_MAJOR by hand and run this again."
}

# Sets PG_BIN, installing PostgreSQL when it is missing and we may.
pg_require_binaries() {
  [[ -n "$PG_BIN" ]] && return 0
  PG_BIN="$(pg_find_bindir || true)"
  if [[ -z "$PG_BIN" ]]; then
    if is_root && command -v apt-get >/dev/null 2>&1; then
      pg_install_with_apt
      PG_BIN="$(pg_find_bindir || true)"
    fi
    [[ -n "$PG_BIN" ]] || die "PostgreSQL >= $PG_MIN_MAJOR server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on PATH.
  Install them (Debian/Ubuntu: sudo apt-get install postgresql; macOS: brew install postgresql@16),
  point CHRONICLE_PG_BIN at their folder, or set ConnectionStrings__Chronicle to a server you already have."
  fi
}

pg_ensure_os_user() {
  is_root || return 0
  id postgres >/dev/null 2>&1 && return 0
  info "creating the system user 'postgres' (PostgreSQL refuses to run as root)"
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres ||
    die "could not create the 'postgres' user; create it, or run as a normal user."
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
pg_as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_data_dir() { printf '%s/data\n' "$1"; }

# Unix socket paths are limited to 107 bytes: beyond that we listen on TCP only.
pg_socket_dir() {
  local dir="$1/socket"
  if ((${#dir} + 16 > 107)); then
    printf '\n'
  else
    printf '%s\n' "$dir"
  fi
}

pg_major_of_bindir() { "$PG_BIN/pg_ctl" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/'; }

# Creates the cluster unless FOLDER already holds one.
pg_cluster_init() {
  local folder="$1" data
  data="$(pg_data_dir "$folder")"
  [[ "$folder" != *"'"* ]] || die "the cluster folder '$folder' contains a quote; choose another path."
  if [[ -f "$data/PG_VERSION" ]]; then
    local have want
    have="$(cat "$data/PG_VERSION")"
    want="$(pg_major_of_bindir)"
    [[ "$have" == "$want" ]] ||
      die "the cluster in $data was made by PostgreSQL $have but the binaries found are $want. Delete $folder (its data is lost) or set CHRONICLE_PG_BIN."
    return 0
  fi
  pg_ensure_os_user
  if [[ -d "$data" ]]; then
    warn "$data holds no complete cluster (an interrupted initdb?); removing it"
    rm -rf "$data"
  fi
  mkdir -p "$folder/socket"
  if is_root; then
    chown -R postgres:postgres "$folder"
    pg_as_owner test -w "$folder" ||
      die "the 'postgres' user cannot write to $folder: a parent folder is closed to other users. Open it (chmod o+x on each parent), run as a normal user, or set ConnectionStrings__Chronicle."
  fi
  info "creating a PostgreSQL $(pg_major_of_bindir) cluster in $data"
  if ! pg_as_owner "$PG_BIN/initdb" -D "$data" --auth=trust --no-sync -U postgres -E UTF8 --locale=C >"$folder/initdb.log" 2>&1; then
    cat "$folder/initdb.log" >&2
    die "initdb failed (output above, also in $folder/initdb.log)."
  fi
}

# The process recorded in FOLDER/data/postmaster.pid, when that process is alive
# and is a postgres serving this very data folder (its working directory).
pg_recorded_pid() {
  local data pidfile pid
  data="$(pg_data_dir "$1")"
  pidfile="$data/postmaster.pid"
  [[ -f "$pidfile" ]] || return 1
  pid="$(sed -n 1p "$pidfile" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  if [[ -d /proc ]]; then
    [[ -d "/proc/$pid" ]] || return 1
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$(cd "$data" && pwd -P)" ]] || return 1
  else
    kill -0 "$pid" 2>/dev/null || return 1
  fi
  printf '%s\n' "$pid"
}

# Prints the port of the server running on FOLDER, if one is.
pg_running_port() {
  pg_recorded_pid "$1" >/dev/null || return 1
  sed -n 4p "$(pg_data_dir "$1")/postmaster.pid"
}

# After a crash the postmaster is gone but a dead run may have left its pid file
# behind, and its children may still be exiting: clear the way for a new start.
pg_recover_stale() {
  local folder="$1" data pidfile pid
  data="$(pg_data_dir "$folder")"
  pidfile="$data/postmaster.pid"
  [[ -f "$pidfile" ]] || return 0
  pid="$(sed -n 1p "$pidfile" 2>/dev/null || true)"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    warn "postmaster.pid names process $pid, which is now another program: a previous run crashed. Recovering the cluster."
  else
    warn "postmaster.pid names process ${pid:-?}, which is gone: a previous run crashed. Recovering the cluster."
  fi
  pg_wait_for_orphans "$data"
  rm -f "$pidfile"
}

# Waits (up to 15 s) for leftover backends of a killed postmaster to exit; they
# hold its shared memory and would make the new postmaster refuse to start.
pg_wait_for_orphans() {
  local data real tries=0 p found
  real="$(cd "$1" && pwd -P)"
  [[ -d /proc ]] || return 0
  while ((tries < 30)); do
    found=0
    for p in /proc/[0-9]*; do
      if [[ "$(readlink "$p/cwd" 2>/dev/null)" == "$real" ]]; then
        found=1
        break
      fi
    done
    ((found)) || return 0
    sleep 0.5
    tries=$((tries + 1))
  done
  warn "processes of the old server still run in $real; trying to start anyway"
}

pg_wait_ready() {
  local port="$1" tries=0
  while ((tries < 60)); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -t 1 && return 0
    sleep 0.5
    tries=$((tries + 1))
  done
  return 1
}

# Starts the server of FOLDER on PORT. MODE "test" trades durability for speed.
# Returns 1 (after printing the log's tail) if the server did not come up.
pg_cluster_start() {
  local folder="$1" port="$2" mode="${3:-dev}" data socket opts
  data="$(pg_data_dir "$folder")"
  socket="$(pg_socket_dir "$folder")"
  if [[ -z "$socket" ]]; then
    info "the path $folder is too long for a Unix socket; the server listens on TCP only"
  fi
  opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$socket'"
  if [[ "$mode" == test ]]; then
    opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  fi
  info "starting PostgreSQL on 127.0.0.1:$port (log: $folder/server.log)"
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$folder/server.log" -w -t 60 -o "$opts" start >/dev/null 2>&1; then
    warn "PostgreSQL did not start; the end of $folder/server.log:"
    tail -n 15 "$folder/server.log" >&2 2>/dev/null || true
    return 1
  fi
  pg_wait_ready "$port" || {
    warn "PostgreSQL started but does not answer on port $port"
    return 1
  }
}

pg_cluster_stop() {
  local folder="$1" how="${2:-fast}"
  pg_recorded_pid "$folder" >/dev/null || return 0
  info "stopping PostgreSQL in $folder"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$(pg_data_dir "$folder")" -m "$how" -w -t 60 stop >/dev/null 2>&1 ||
    warn "pg_ctl stop failed for $folder"
}

pg_create_database() {
  local port="$1" name="$2" exists
  [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "invalid database name '$name' (lower-case letters, digits, _)."
  exists="$("$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ||
    die "could not query the server on port $port."
  if [[ "$exists" != 1 ]]; then
    info "creating database $name"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name" || die "createdb $name failed."
  fi
}

pg_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s\n' "$1" "$2"
}

# The role the service runs as (decision 0206): it logs in, owns nothing, and gets its privileges from
# the API (ServiceRoleGrants) once the owner has made the schema: it reads and appends events, never
# rewrites or deletes them.
PG_SERVICE_ROLE=chronicle_service

pg_create_service_role() {
  local port="$1"
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_SERVICE_ROLE') THEN
        CREATE ROLE $PG_SERVICE_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
      END IF;
    END \$\$;" >/dev/null || die "could not create the role $PG_SERVICE_ROLE on port $port."
}

# The connection string of the service's role, from the owner's: the same server and database.
pg_service_connection_string() {
  printf '%s\n' "$1" | sed -E "s/Username=[^;]*/Username=$PG_SERVICE_ROLE/"
}
