#!/usr/bin/env bash
# Compile the stand-ins and put them into one Wine prefix's system32 (test
# equipment, see README.md). Usage: install.sh WINEPREFIX
# Callers also set WINEDLLOVERRIDES to include "mscms=n".
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX="$1"
SYS32="$PREFIX/drive_c/windows/system32"
[ -d "$SYS32" ] || { echo "install.sh: $SYS32 is not a Wine prefix's system32" >&2; exit 1; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
for name in bcryptprimitives icuuc mscms; do
  x86_64-w64-mingw32-gcc -O2 -Wall -Werror -shared -s -o "$OUT/$name.dll" "$HERE/$name.c" -ladvapi32
  cp "$OUT/$name.dll" "$SYS32/$name.dll"
done
echo "stand-ins installed in $SYS32"
