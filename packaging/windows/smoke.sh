#!/usr/bin/env bash
# Smoke test of the Windows installer under Wine: install silently, run the
# program's self-test, start the window with Qt's real windows plugin and take
# a screenshot, upgrade in place, uninstall. Any failure exits non-zero with
# the reason. Usage: smoke.sh [dist/windows/CoopLedger-<version>-setup.exe]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/packaging/windows"
DIST="$ROOT/dist/windows"
# shellcheck source=winelib.sh
source "$HERE/winelib.sh"

SETUP="${1:-$(ls "$DIST"/CoopLedger-*-setup.exe 2>/dev/null | head -1)}"
[ -f "$SETUP" ] || { echo "smoke: no installer; run packaging/windows/build.sh first" >&2; exit 1; }
VERSION="$(basename "$SETUP" | sed -e 's/^CoopLedger-//' -e 's/-setup\.exe$//')"

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }
trap wl_cleanup EXIT

wl_apt wine wine64 gcc-mingw-w64-x86-64 xvfb x11-utils xdotool imagemagick fonts-noto-cjk bc

step "fresh Wine prefix"
# The display first: Wine's desktop process starts with the first program and
# keeps the display it found, so a window opened later needs it from the start.
wl_xvfb
wl_init smoke
bash "$HERE/check_no_standins.sh" "$DIST/CoopLedger"
INSTDIR="$WL_LOCALAPPDATA/Programs/CoopLedger"
INSTDIR_WIN="$WL_LOCALAPPDATA_WIN\\Programs\\CoopLedger"
DATA="$WL_LOCALAPPDATA/CoopLedger"
DATA_WIN="$WL_LOCALAPPDATA_WIN\\CoopLedger"
START_MENU_LNK="$WL_USER_DIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/合作台账.lnk"
DESKTOP_LNK="$HOME/合作台账.lnk"  # Wine links the user's Desktop to $HOME
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\CoopLedger'
SETTINGS_KEY='HKCU\Software\CoopLedger\CoopLedger'

step "silent install (default folder)"
wl_run 300 "$SETUP" /S || fail "setup.exe /S exited $?"
for f in CoopLedger.exe CoopLedgerW.exe uninstall.exe _internal; do
  [ -e "$INSTDIR/$f" ] || fail "not installed: $INSTDIR/$f"
done
[ -f "$START_MENU_LNK" ] || fail "no Start-menu shortcut 合作台账"
[ -f "$DESKTOP_LNK" ] || fail "no desktop shortcut 合作台账"
wl_run 30 reg query "$UNINSTALL_KEY" /v UninstallString | grep -q 'uninstall.exe' \
  || fail "no Apps & features entry"
wl_run 30 reg query "$UNINSTALL_KEY" /v DisplayVersion | grep -q "$VERSION" \
  || fail "Apps & features does not show version $VERSION"
bash "$HERE/check_no_standins.sh" "$INSTDIR"

step "command line"
help="$(wl_run 60 "$INSTDIR/CoopLedger.exe" --help)" || fail "CoopLedger.exe --help exited $?"
grep -q '合作台账' <<<"$help" || fail "--help does not print 合作台账 in UTF-8: $help"

step "CoopLedger.exe --smoke"
t0=$(date +%s.%N)
out="$(QT_QPA_PLATFORM=offscreen wl_run 300 "$INSTDIR/CoopLedger.exe" --smoke)" \
  || fail "--smoke exited $?: $out"
t1=$(date +%s.%N)
echo "$out"
grep -q '^COOP-LEDGER SMOKE OK' <<<"$out" || fail "--smoke printed no marker line"
printf 'smoke self-test: %.1f s\n' "$(echo "$t1 - $t0" | bc)"

step "the window, with Qt's windows platform plugin, on a 1366x768 screen"
# The default ledger the shortcut opens, with the sample data (so no first-start question).
wl_run 120 "$INSTDIR/CoopLedger.exe" demo --db "$DATA_WIN\\ledger.sqlite" || fail "demo exited $?"
status_file="$WL_DIR/window-exit"

open_window() {  # open_window SHOT [ARG...]: start the window, check it, leave it running
  local shot="$1" t0 t1 win geo x y w h
  shift
  rm -f "$status_file"
  t0=$(date +%s.%N)
  (
    # Only the program sees the locale: xdotool cannot match Chinese titles
    # under a locale this machine has not generated.
    if [ -n "${WINDOW_LOCALE:-}" ]; then export LC_ALL="$WINDOW_LOCALE" LANG="$WINDOW_LOCALE"; fi
    wl_run 300 "$INSTDIR/CoopLedgerW.exe" "$@" >/dev/null 2>&1; echo $? > "$status_file"
  ) 2>/dev/null &
  if ! wl_wait_window '合作台账' 90; then
    import -window root "$shot" 2>/dev/null || true
    xdotool search --name . getwindowname %@ 2>/dev/null | sort -u >&2 || true
    fail "no main window within 90 s (screenshot: $shot)"
  fi
  t1=$(date +%s.%N)
  printf 'start to visible window: %.1f s\n' "$(echo "$t1 - $t0" | bc)"
  sleep 3  # let it paint
  import -window root "$shot"
  echo "screenshot: $shot"
  if wl_find_window '^(Error|Unexpected error|意外错误)$' >/dev/null; then
    fail "an error box is showing (screenshot: $shot)"
  fi
  win="$(wl_find_window '合作台账')"
  geo="$(xwininfo -id "$win")"
  x=$(awk '/Absolute upper-left X/{print $4}' <<<"$geo"); y=$(awk '/Absolute upper-left Y/{print $4}' <<<"$geo")
  w=$(awk '/Width:/{print $2}' <<<"$geo"); h=$(awk '/Height:/{print $2}' <<<"$geo")
  echo "main window: ${w}x${h} at ${x},${y}"
  [ "$x" -ge 0 ] && [ "$y" -ge 0 ] && [ $((x + w)) -le 1366 ] && [ $((y + h)) -le 768 ] \
    || fail "the main window runs off a 1366x768 screen (screenshot: $shot)"
}

close_window() {  # WM_CLOSE, as the close button does; it must exit 0
  wl_run 30 taskkill /IM CoopLedgerW.exe >/dev/null || true
  for _ in $(seq 1 300); do [ -s "$status_file" ] && break; sleep 0.1; done
  [ -s "$status_file" ] || fail "the window did not close within 30 s"
  [ "$(cat "$status_file")" = 0 ] || fail "CoopLedgerW.exe exited $(cat "$status_file") after closing"
}

# No --lang: a Chinese Windows (Wine follows LC_ALL) must get the Chinese
# interface, which the window title 合作台账 shows.
WINDOW_LOCALE=zh_CN.UTF-8
open_window "$DIST/smoke-window.png"
WINDOW_LOCALE=
# Windows file semantics: the window holds the ledger (msvcrt lock), so a
# command that would write to it is refused with the holder's name.
printf 'name\n锁定测试大学\n' > "$HOME/lock-test.csv"
locked="$(wl_run 60 "$INSTDIR/CoopLedger.exe" import institution "$(winepath -w "$HOME/lock-test.csv")" \
          --lang en --db "$DATA_WIN\\ledger.sqlite")" && fail "import wrote to a ledger the window holds"
grep -q 'open in another copy' <<<"$locked" || fail "no 'open in another copy' message: $locked"
echo "lock: a second writer is refused while the window is open"
# Installing over, or uninstalling, a running program must change nothing.
wl_run 300 "$SETUP" /S "/D=$INSTDIR_WIN" && fail "setup.exe installed over the running program"
[ -f "$INSTDIR/CoopLedgerW.exe" ] && [ -f "$INSTDIR/_internal/python311.dll" ] \
  && [ -z "$(ls "$INSTDIR" | grep -v -x -e CoopLedger.exe -e CoopLedgerW.exe -e _internal -e uninstall.exe)" ] \
  || fail "the refused upgrade changed the installed folder: $(ls "$INSTDIR")"
# _?= runs the uninstaller in place, so its exit code comes back.
wl_run 120 "$INSTDIR/uninstall.exe" /S "_?=$INSTDIR_WIN" && fail "uninstall.exe removed the running program"
[ -f "$INSTDIR/CoopLedgerW.exe" ] && [ -f "$INSTDIR/_internal/python311.dll" ] \
  && wl_run 30 reg query "$UNINSTALL_KEY" >/dev/null || fail "the refused uninstall removed something"
echo "install and uninstall wait while the program runs"
close_window
[ -d "$DATA/backups" ] || fail "no backups folder after opening the ledger"
wl_run 30 reg query "$SETTINGS_KEY" >/dev/null || fail "the window saved no settings"

step "the window again at 150 % scaling (144 dpi), with the size saved at 100 %"
wl_run 30 reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 144 /f >/dev/null
wl_restart_server  # Wine reads the DPI when its services start
open_window "$DIST/smoke-window-150.png" --lang zh_CN
close_window
wl_run 30 reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 96 /f >/dev/null

step "upgrade: install over itself"
before="$(sha256sum "$DATA/ledger.sqlite" | cut -d' ' -f1)"
backups_before="$(ls "$DATA/backups" | wc -l)"
wl_run 300 "$SETUP" /S "/D=$INSTDIR_WIN" || fail "upgrade setup.exe exited $?"
[ -f "$INSTDIR/CoopLedgerW.exe" ] || fail "the upgrade left no program"
[ "$(sha256sum "$DATA/ledger.sqlite" | cut -d' ' -f1)" = "$before" ] || fail "the upgrade changed the ledger"
[ "$(ls "$DATA/backups" | wc -l)" = "$backups_before" ] || fail "the upgrade changed the backups"
wl_run 30 reg query "$SETTINGS_KEY" >/dev/null || fail "the upgrade removed the settings"
wl_run 120 "$INSTDIR/CoopLedger.exe" check --db "$DATA_WIN\\ledger.sqlite" \
  || fail "coop-ledger check failed on the ledger after the upgrade"

step "silent uninstall"
wl_run 120 "$INSTDIR/uninstall.exe" /S || fail "uninstall.exe /S exited $?"
# The uninstaller runs on from a copy in %TEMP%: wait until it is done.
uninstalled() {
  [ ! -e "$INSTDIR/uninstall.exe" ] && [ ! -e "$DESKTOP_LNK" ] \
    && ! wl_run 30 reg query "$UNINSTALL_KEY" >/dev/null 2>&1
}
for _ in $(seq 1 120); do uninstalled && break; sleep 0.5; done
[ ! -e "$INSTDIR/CoopLedgerW.exe" ] && [ ! -e "$INSTDIR/_internal" ] || fail "the program is still installed"
[ ! -e "$START_MENU_LNK" ] && [ ! -e "$DESKTOP_LNK" ] || fail "the uninstaller left shortcuts"
if wl_run 30 reg query "$UNINSTALL_KEY" >/dev/null 2>&1; then fail "Apps & features still lists it"; fi
[ "$(sha256sum "$DATA/ledger.sqlite" | cut -d' ' -f1)" = "$before" ] || fail "uninstalling changed the ledger"
[ -d "$DATA/backups" ] || fail "uninstalling deleted the backups"
wl_run 30 reg query "$SETTINGS_KEY" >/dev/null || fail "uninstalling removed the settings"

echo
echo "WINDOWS SMOKE TEST PASSED ($VERSION, installer $(du -m "$SETUP" | cut -f1) MB, ${SECONDS}s)"
