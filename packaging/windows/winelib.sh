# Shared by smoke.sh and bench/bench_windows.sh (sourced, not run): a fresh,
# isolated Wine prefix with the stand-ins, and helpers to run Windows programs.
# shellcheck shell=bash

WL_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Prefixes live outside the checkout: a prefix's dosdevices/z: links to /, and
# anything that walks the repository (setuptools' package search, pip install
# -e) would follow it into the whole file system.
WL_ROOT="${COOP_LEDGER_WINE_ROOT:-/tmp/coop-ledger-wine}"

wl_apt() {  # wl_apt PKG...: install the Debian packages that are missing
  local missing=() pkg
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

wl_init() {  # wl_init NAME: a new prefix in $WL_ROOT/NAME/prefix, HOME beside it (Wine links Desktop there)
  local dir="$WL_ROOT/$1"
  WL_DIR="$dir"
  rm -rf "$dir"
  mkdir -p "$dir/home"
  export HOME="$dir/home" WINEPREFIX="$dir/prefix" WINEARCH=win64 WINEDEBUG=-all
  export WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n"
  unset QT_QPA_PLATFORM
  timeout 300 wineboot --init </dev/null 2>&1 | grep -v -e rundll32 -e configuration || true
  bash "$WL_HERE/wine-standins/install.sh" "$WINEPREFIX" >/dev/null
  wl_restart_server
  WL_USER_DIR="$WINEPREFIX/drive_c/users/$(whoami)"
  WL_LOCALAPPDATA="$WL_USER_DIR/AppData/Local"
  WL_LOCALAPPDATA_WIN="C:\\users\\$(whoami)\\AppData\\Local"
}

wl_restart_server() {
  # A persistent wineserver started on its own, with no pipe of ours as its
  # stdout: one started by a program inherits that program's output pipe, and
  # the `| cat` in wl_run would then wait for the server, not the program.
  # Restarting also makes Wine read the DPI anew.
  wineserver -k 2>/dev/null || true
  timeout 60 wineserver -w || true
  wineserver -p </dev/null >/dev/null 2>&1
  # Wine's services (winedevice.exe …) start with the first program and keep
  # its stdout too: start them here, on /dev/null.
  timeout 120 wineboot </dev/null >/dev/null 2>&1 || true
}

wl_run() {  # wl_run SECONDS EXE ARGS...: output piped (a file as stdout fails under Wine)
  local limit="$1"; shift
  timeout "$limit" wine "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}

wl_xvfb() {  # start Xvfb on a free display at 1366×768, like a small office laptop
  local n
  for n in $(seq 90 130); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || break
  done
  Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  WL_XVFB_PID=$!
  export DISPLAY=":$n"
  local i
  for i in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "Xvfb did not start on $DISPLAY" >&2
  return 1
}

wl_find_window() {  # wl_find_window REGEX: id of the first visible window whose title matches
  # Titles are read as xdotool getwindowname reads them (_NET_WM_NAME, UTF-8):
  # `search --name` reads WM_NAME, which Wine writes in the locale's charset,
  # "????" for Chinese under a locale this machine has not generated.
  local id
  for id in $(xdotool search --onlyvisible --name '' 2>/dev/null); do
    if xdotool getwindowname "$id" 2>/dev/null | grep -qE "$1"; then
      echo "$id"
      return 0
    fi
  done
  return 1
}

wl_wait_window() {  # wl_wait_window REGEX SECONDS: wait until a visible window's title matches
  local pattern="$1" limit="$2" end
  end=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$end" ]; do
    wl_find_window "$pattern" >/dev/null && return 0
    sleep 0.1
  done
  return 1
}

wl_cleanup() {
  [ -n "${WINEPREFIX:-}" ] && timeout 30 wineserver -k 2>/dev/null || true
  [ -n "${WL_XVFB_PID:-}" ] && kill "$WL_XVFB_PID" 2>/dev/null || true
}
