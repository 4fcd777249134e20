#!/usr/bin/env bash
# A private Virtuoso Open Source instance on loopback, for the integration test and for trying
# `kg publish` by hand.
#
#   scripts/virtuoso.sh start   install virtuoso-opensource if missing (Debian/Ubuntu, as root),
#                               write a virtuoso.ini under $VIRTUOSO_DIR, start the server and
#                               wait until its SPARQL endpoint answers
#   scripts/virtuoso.sh stop    shut that instance down (and only that one)
#   scripts/virtuoso.sh status  exit 0 when it is running
#
# Environment: VIRTUOSO_DIR (default /tmp/surveykg-virtuoso), VIRTUOSO_HTTP_PORT (18890),
# VIRTUOSO_SQL_PORT (11111), VIRTUOSO_WAIT (seconds to wait for start-up, 120).
# The database is new, so the administrator is dba with password dba: it listens on 127.0.0.1
# only. Endpoints: /sparql (read), /sparql-auth (SPARQL Update, digest auth) and
# /sparql-graph-crud-auth (Graph Store Protocol, digest auth).
set -euo pipefail

DIR="${VIRTUOSO_DIR:-/tmp/surveykg-virtuoso}"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-18890}"
SQL_PORT="${VIRTUOSO_SQL_PORT:-11111}"
WAIT="${VIRTUOSO_WAIT:-120}"
PACKAGE=virtuoso-opensource
PIDFILE="$DIR/virtuoso.pid"

say() { echo "virtuoso.sh: $*" >&2; }

install_package() {
    command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null && return 0
    if [ "$(id -u)" != 0 ]; then
        say "virtuoso-t is not installed and installing it needs root"
        return 1
    fi
    command -v apt-get >/dev/null || { say "apt-get not found: install Virtuoso by hand"; return 1; }
    say "installing $PACKAGE"
    # The package asks for the dba password of the system-wide instance; answer it up front.
    debconf-set-selections <<'EOF'
virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba
virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba
EOF
    # Do not let the package start the system-wide service (it listens on all interfaces).
    local policy=/usr/sbin/policy-rc.d added=""
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added=1
    fi
    local status=0
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "$PACKAGE" >/dev/null; } || status=$?
    [ -n "$added" ] && rm -f "$policy"
    return "$status"
}

write_ini() {
    mkdir -p "$DIR/db"
    cat >"$DIR/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $DIR/db/virtuoso.db
ErrorLogFile       = $DIR/db/virtuoso.log
LockFile           = $DIR/db/virtuoso.lck
TransactionFile    = $DIR/db/virtuoso.trx
xa_persistent_file = $DIR/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $DIR/db/virtuoso-temp.db
TransactionFile    = $DIR/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort            = 127.0.0.1:$SQL_PORT
DisableUnixSocket     = 1
DisableTcpSocket      = 0
MaxClientConnections  = 10
CheckpointInterval    = 60
CaseMode              = 2
DirsAllowed           = ., $DIR
NumberOfBuffers       = 20000
MaxDirtyBuffers       = 15000
ThreadsPerQuery       = 2
MaxQueryMem           = 1G
AllowOSCalls          = 0

[HTTPServer]
ServerPort            = 127.0.0.1:$HTTP_PORT
ServerRoot            = $DIR/vsp
MaxClientConnections  = 10
ServerThreads         = 10
MaxKeepAlives         = 10
KeepAliveTimeout      = 10
EnabledDavVSP         = 0
HTTPProxyEnabled      = 0
Charset               = UTF-8

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
EOF
    mkdir -p "$DIR/vsp"
}

running() {
    [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

sql() {
    isql-vt "127.0.0.1:$SQL_PORT" dba dba "exec=$1" >/dev/null 2>&1
}

ready() {
    sql "select 1;" || return 1
    if command -v curl >/dev/null; then
        curl -fsS -o /dev/null --max-time 5 -H 'Accept: application/sparql-results+json' \
            "http://127.0.0.1:$HTTP_PORT/sparql?query=ASK%7B%7D" || return 1
    fi
}

start() {
    if running; then
        say "already running (pid $(cat "$PIDFILE"))"
        return 0
    fi
    install_package
    write_ini
    say "starting on 127.0.0.1:$HTTP_PORT (HTTP) and 127.0.0.1:$SQL_PORT (SQL), data in $DIR"
    (cd "$DIR" && exec virtuoso-t +configfile "$DIR/virtuoso.ini" +foreground \
        >"$DIR/stdout.log" 2>&1) &
    echo $! >"$PIDFILE"
    local waited=0
    until ready; do
        if ! running; then
            say "the server exited; its log:"
            tail -n 30 "$DIR/db/virtuoso.log" "$DIR/stdout.log" >&2 || true
            return 1
        fi
        if [ "$waited" -ge "$WAIT" ]; then
            say "not ready after ${WAIT}s"
            stop
            return 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    say "ready after ${waited}s"
}

stop() {
    running || { rm -f "$PIDFILE"; return 0; }
    local pid
    pid="$(cat "$PIDFILE")"
    sql "shutdown();" || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    rm -f "$PIDFILE"
    say "stopped"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) running ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
