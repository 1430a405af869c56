#!/usr/bin/env bash
# The Windows build under Wine: installer and installed size, silent install
# time, and starts (median of 5) of the frozen program: --version (the
# interpreter only), --smoke (a ledger, the sample data, a sheet to PDF and
# .xlsx, read back) and start to a visible main window. The anchor is Wine
# running its own cmd.exe: what any Windows program costs under Wine here.
# Needs dist/windows/CoopLedger-*-setup.exe (packaging/windows/build.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=../packaging/windows/winelib.sh
source "$ROOT/packaging/windows/winelib.sh"
SETUP="$(ls "$ROOT"/dist/windows/CoopLedger-*-setup.exe | head -1)"
RUNS=5
trap wl_cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {printf "%.2f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

wl_apt wine wine64 gcc-mingw-w64-x86-64 xvfb x11-utils xdotool bc
wl_xvfb  # before Wine starts its desktop process (see smoke.sh)
wl_init bench
INSTDIR="$WL_LOCALAPPDATA/Programs/CoopLedger"
DATA_WIN="$WL_LOCALAPPDATA_WIN\\CoopLedger"

t=$(now); wl_run 300 "$SETUP" /S; install_s=$(elapsed "$t")
wl_run 60 "$INSTDIR/CoopLedger.exe" demo --db "$DATA_WIN\\ledger.sqlite" >/dev/null

# "Warm Wine": the wineserver stays up between runs, as Windows itself is
# already running when a user double-clicks; each run is still a new process
# of ours. The anchor is the same for Wine's own cmd.exe. "First start" is one
# run after the wineserver was stopped: Wine boots its services too.
timed() { local t; t=$(now); "$@" >/dev/null; elapsed "$t"; }
window_once() {
  local t; t=$(now)
  ( wl_run 120 "$INSTDIR/CoopLedgerW.exe" --lang zh_CN ) >/dev/null 2>&1 &
  local runner=$!
  wl_wait_window '合作台账' 90 || { echo "no window" >&2; return 1; }
  elapsed "$t"
  wl_run 30 taskkill /IM CoopLedgerW.exe >/dev/null || true
  wait "$runner" || true
}
wl_restart_server  # the first start below boots Wine's services too
first_window=$(window_once)
wl_run 60 cmd /c exit >/dev/null
anchor=$(for _ in $(seq $RUNS); do timed wl_run 60 cmd /c exit; done | median)
version=$(for _ in $(seq $RUNS); do timed wl_run 60 "$INSTDIR/CoopLedger.exe" --version; done | median)
smoke=$(for _ in $(seq $RUNS); do QT_QPA_PLATFORM=offscreen timed wl_run 300 "$INSTDIR/CoopLedger.exe" --smoke; done | median)
window=$(for _ in $(seq $RUNS); do window_once; done | median)
# The second anchor: the same self-test of the checkout, natively on Linux.
native_smoke=$(for _ in $(seq $RUNS); do
  (cd "$ROOT" && QT_QPA_PLATFORM=offscreen HOME=/tmp timed python3 -m desktop_app --smoke)
done | median)

echo "## Windows build under Wine ($(date +%F))"
python3 -c "import sys; sys.path.insert(0, '$ROOT'); from bench.machine import machine; print('\n'.join(machine()))"
echo "Wine $(wine --version 2>/dev/null)"
echo
echo "| what | figure |"
echo "|---|---|"
echo "| installer $(basename "$SETUP") | $(du -m "$SETUP" | cut -f1) MB ($(stat -c %s "$SETUP") bytes) |"
echo "| installed folder | $(du -sm "$INSTDIR" | cut -f1) MB in $(find "$INSTDIR" -type f | wc -l) files |"
printf '| silent install | %.1f s |\n' "$install_s"
echo "| anchor: Wine runs cmd.exe /c exit (warm Wine, median of $RUNS) | $anchor s |"
echo "| CoopLedger.exe --version (warm Wine, median of $RUNS) | $version s |"
echo "| CoopLedger.exe --smoke (warm Wine, median of $RUNS) | $smoke s |"
echo "| CoopLedgerW.exe start to visible main window (warm Wine, median of $RUNS) | $window s |"
printf '| the same, first start after Wine was stopped (one run) | %.2f s |\n' "$first_window"
echo "| anchor: python3 -m desktop_app --smoke natively on Linux (median of $RUNS) | $native_smoke s |"
