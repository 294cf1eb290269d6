#!/usr/bin/env bash
# elsdesk: set up everything and start the app (./run.sh) or run the whole test suite (./run.sh test).
#
# Options after ./run.sh go to the app (./run.sh --db desk.db) or to pytest (./run.sh test -k demo).
#
# What it does, in order:
#   1. installs the Debian libraries that Qt needs, only when one is missing (apt-get, as root or via sudo;
#      while another apt or dpkg holds the lock, e.g. a fresh Debian's automatic upgrades, it waits and says so);
#   2. creates a virtualenv in .venv with Python 3.11+ and installs elsdesk with its test tools;
#   3. starts the app on the local SQLite database in the user data folder, or runs pytest offscreen
#      on both backends: SQLite, and a throwaway PostgreSQL server that the tests start and stop
#      themselves (tests/pg_server.py; the Debian server package is installed when missing).
set -euo pipefail
cd "$(dirname "$0")"

# The first argument picks the mode (app or test); anything else is passed on: ./run.sh --db x.db starts the app on x.db.
MODE=app
case "${1:-}" in
    app|test) MODE="$1"; shift ;;
    gui) MODE=app; shift ;;
esac
APT_WAIT="${ELSDESK_APT_WAIT:-900}"   # seconds to wait for another apt/dpkg (a fresh Debian runs its automatic upgrades)
APT_POLL="${ELSDESK_APT_POLL:-5}"
PYTHON="${PYTHON:-python3}"
QT_LIBS_TEST="libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 fonts-dejavu-core"
QT_LIBS_WINDOW="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0"

say() { printf '\033[1m[elsdesk]\033[0m %s\n' "$*"; }

# The desk the app opens: --db DESK or --db=DESK among the options, else ELSDESK_DB, else the user data folder's.
desk_named() {
    local desk="${ELSDESK_DB:-user data folder}" previous=""
    for option in "$@"; do
        case "$option" in --db=*) desk="${option#--db=}" ;; esac
        [ "$previous" = "--db" ] && desk="$option"
        previous="$option"
    done
    printf '%s' "$desk"
}

install_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: install the Qt libraries yourself ($*)"; return 0; }
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing missing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    apt_get "$sudo" "${missing[*]}" update -qq || exit 1
    apt_get "$sudo" "${missing[*]}" install -y -qq --no-install-recommends "${missing[@]}" || exit 1
}

# apt-get that waits while another apt or dpkg holds the lock, saying so, instead of stopping with apt's bare error.
apt_get() {
    local sudo="$1" packages="$2"; shift 2
    local start=$SECONDS waited=0 told=0 out rc
    while true; do
        out="$(DEBIAN_FRONTEND=noninteractive $sudo apt-get "$@" 2>&1)" && rc=0 || rc=$?
        [ $rc -eq 0 ] && return 0
        if ! printf '%s' "$out" | grep -qiE 'could not get lock|unable to acquire the dpkg|unable to lock|is another process using it'; then
            printf '%s\n' "$out" >&2
            say "apt-get $1 failed (exit $rc). Install the packages yourself and run ./run.sh again: sudo apt-get install -y --no-install-recommends $packages"
            return $rc
        fi
        if [ "$waited" -ge "$APT_WAIT" ]; then
            say "another program still holds the package lock after $((APT_WAIT / 60)) minutes:"
            printf '%s\n' "$out" | grep -iE 'lock|held by' | head -3 >&2
            say "wait until it has finished (see: ps -ef | grep -E 'apt|dpkg|unattended'), then run ./run.sh again;"
            say "or install the packages yourself when it is done: sudo apt-get install -y --no-install-recommends $packages"
            return 1
        fi
        if [ "$told" -eq 0 ]; then
            say "another program is installing packages (on a fresh Debian usually the automatic upgrades);"
            say "waiting for it to finish (up to $((APT_WAIT / 60)) minutes; Ctrl+C stops)…"
            told=1
        elif [ $((waited / 60)) -ge "$told" ]; then
            say "still waiting for the package lock ($((waited / 60)) min)…"
            told=$((told + 1))
        fi
        sleep "$APT_POLL"
        waited=$((SECONDS - start))
    done
}

postgres_server_present() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; }

python_ok() { "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; }

setup() {
    python_ok || { say "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1 || echo none))"; exit 1; }
    local pkgs="$QT_LIBS_TEST"
    [ "$MODE" = "app" ] && pkgs="$pkgs $QT_LIBS_WINDOW"
    [ "$MODE" = "test" ] && ! postgres_server_present && pkgs="$pkgs postgresql"
    "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || pkgs="$pkgs python3-venv"
    # shellcheck disable=SC2086
    install_debian_packages $pkgs
    if [ ! -x .venv/bin/python ]; then
        say "creating virtualenv .venv"
        "$PYTHON" -m venv .venv
    fi
    local stamp=.venv/.elsdesk-installed
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
        say "installing elsdesk and its dependencies into .venv"
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e ".[test]"
        touch "$stamp"
    fi
}

case "$MODE" in
    app)
        setup
        say "starting elsdesk (database: $(desk_named "$@"))"
        exec .venv/bin/elsdesk gui "$@"
        ;;
    test)
        setup
        say "checking that only the GUI package imports Qt"
        .venv/bin/lint-imports
        say "running the test suite (offscreen Qt) on SQLite and on a throwaway PostgreSQL server"
        QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: ./run.sh [app|test] [arguments]" >&2  # not reached: anything else goes to the app
        exit 2
        ;;
esac
