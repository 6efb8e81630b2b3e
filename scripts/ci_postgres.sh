#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server, so the store tests run on PostgreSQL as well as SQLite.
#
#   scripts/ci_postgres.sh make test
#
# The server lives in a fresh temporary folder: its data directory, its log and its unix socket. It listens
# only on 127.0.0.1, on a free port, with trust authentication and fsync off (the data is thrown away, so
# durability buys nothing and costs time). The script creates an empty database `reinstate_test`, exports
# REINSTATE_TEST_POSTGRES_URL (which tests/store/conftest.py reads), runs the command, then always stops the
# server and deletes the folder, and exits with the command's exit code.
#
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` system user that the Debian
# package creates; for anyone else it runs as the calling user. When PostgreSQL is not installed or will not start,
# one line says the PostgreSQL store tests are skipped and the command runs anyway (on SQLite only). When
# REINSTATE_TEST_POSTGRES_URL is already set, that database is used and no server is started.
# Installing PostgreSQL is the caller's business (.ci/run installs it with apt when it may).
set -uo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]  (runs COMMAND with REINSTATE_TEST_POSTGRES_URL set)" >&2
  exit 2
fi

DATABASE=reinstate_test
PG_TMP=""     # the temporary folder; set once created
PG_BIN=""     # the folder holding initdb, pg_ctl and createdb
PG_RUN=()     # the prefix that runs a PostgreSQL program as the unprivileged user
PG_PORT=""

skip() {
  echo "ci_postgres: PostgreSQL store tests skipped: $1" >&2
}

# Stop the server (if it runs) and delete the temporary folder, keeping the exit code we are leaving with.
cleanup() {
  local status=$?
  if [ -n "$PG_TMP" ] && [ -d "$PG_TMP" ]; then
    if [ -f "$PG_TMP/data/postmaster.pid" ]; then
      # "immediate" skips the shutdown checkpoint: nothing here is worth keeping.
      (cd "$PG_TMP" && "${PG_RUN[@]}" "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate -w >/dev/null 2>&1)
    fi
    rm -rf "$PG_TMP"
  fi
  exit "$status"
}
trap cleanup EXIT
# An interrupted run still goes through cleanup (bash runs the EXIT trap when the script calls exit).
trap 'exit 130' INT
trap 'exit 143' TERM

# The PostgreSQL programs: initdb on PATH, else the newest Debian install (/usr/lib/postgresql/N/bin).
find_bin() {
  local initdb
  initdb=$(command -v initdb 2>/dev/null) \
    || initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] && [ -x "$initdb" ] || return 1
  PG_BIN=$(dirname "$(readlink -f "$initdb")")
  [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/createdb" ]
}

# Who runs the server: the `postgres` user when we are root, ourselves otherwise.
choose_user() {
  if [ "$(id -u)" != 0 ]; then
    PG_RUN=(env)
  elif id postgres >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1; then
    PG_RUN=(runuser -u postgres --)
  else
    return 1
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Create the cluster, start it and create the test database. Returns non-zero (after printing why) on failure.
start_server() {
  find_bin || { skip "PostgreSQL is not installed (no initdb found; apt-get install postgresql)."; return 1; }
  choose_user || { skip "running as root and there is no 'postgres' user to run the server as."; return 1; }
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/reinstate-pg.XXXXXX") || { skip "cannot create a temporary folder."; return 1; }
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_TMP"
  fi
  PG_PORT=$(free_port) || { skip "cannot find a free port on 127.0.0.1."; return 1; }
  # Run from inside the folder: the unprivileged user may not be allowed into the current directory.
  (
    cd "$PG_TMP" || exit 1
    # --no-sync, fsync=off, synchronous_commit=off, full_page_writes=off: speed over durability.
    "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" --username=postgres --auth=trust \
      --encoding=UTF8 --no-locale --no-sync >"$PG_TMP/initdb.log" 2>&1 || exit 1
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" start -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP -c fsync=off -c synchronous_commit=off \
          -c full_page_writes=off" >/dev/null || exit 1
    "${PG_RUN[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DATABASE" || exit 1
  ) && return 0
  skip "the throwaway server did not start; the end of its log follows."
  local log="$PG_TMP/server.log"
  [ -f "$log" ] || log="$PG_TMP/initdb.log"  # initdb itself failed: the server never ran
  tail -n 20 "$log" >&2 2>/dev/null
  return 1
}

if [ -n "${REINSTATE_TEST_POSTGRES_URL:-}" ]; then
  # The caller named a database already (a developer's own server): use it, start nothing.
  echo "ci_postgres: using the given REINSTATE_TEST_POSTGRES_URL; no server started."
elif start_server; then
  export REINSTATE_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$PG_PORT/$DATABASE"
  echo "ci_postgres: PostgreSQL $("$PG_BIN/postgres" --version | sed 's/^.*(PostgreSQL) //') on 127.0.0.1:$PG_PORT;" \
    "REINSTATE_TEST_POSTGRES_URL=$REINSTATE_TEST_POSTGRES_URL"
fi

"$@"
