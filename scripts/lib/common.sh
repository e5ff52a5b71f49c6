# shellcheck shell=bash
# Messages and small helpers shared by run.sh, test.sh, .ci/run and scripts/*.sh.
# Progress goes to stderr so that a script's stdout can carry a single result
# (for example the connection string printed by scripts/postgres.sh start).

info() { printf 'chronicle: %s\n' "$*" >&2; }
warn() { printf 'chronicle: warning: %s\n' "$*" >&2; }
die() {
  printf 'chronicle: error: %s\n' "$*" >&2
  exit 1
}

is_root() { [[ "${EUID:-$(id -u)}" -eq 0 ]]; }

# The repository root: the parent of scripts/.
chronicle_root() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  (cd "$here/../.." && pwd)
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
  local port="$1"
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# Prints a port from START upwards (at most 100 tries) on which nothing listens.
free_port_from() {
  local port="$1" last=$(($1 + 100))
  while ((port < last)); do
    if ! port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
    port=$((port + 1))
  done
  return 1
}

# Prints a free port picked at random in 20000-59999, so that concurrent runs
# (two ./test.sh at once) rarely race for the same one.
random_free_port() {
  local tries=0 port
  while ((tries < 50)); do
    port=$((20000 + RANDOM % 40000))
    if ! port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  return 1
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    die "the .NET SDK is not installed (dotnet is not on PATH). Install .NET SDK 10 (see global.json), then run this again."
  local version
  if ! version="$(dotnet --version 2>/dev/null)"; then
    die "dotnet is installed but no SDK matches global.json ($(tr -d '\n ' <"$(chronicle_root)/global.json")). Install .NET SDK 10.0.x: 'dotnet --list-sdks' shows what is there."
  fi
  info "using .NET SDK $version"
}

# Quiet, non-interactive dotnet.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
