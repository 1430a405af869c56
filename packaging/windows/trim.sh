#!/usr/bin/env bash
# Remove from a PyInstaller build what the program never loads, so the
# installer stays small. Each line says why it can go; the smoke test (the
# window under Qt's real windows plugin, the sheets to PDF) proves it.
set -euo pipefail
APP="$1"
Q="$APP/_internal/PySide6"
[ -d "$Q" ] || { echo "trim.sh: no PySide6 folder in $APP" >&2; exit 1; }
before="$(du -sb "$APP" | cut -f1)"

# Software OpenGL fallback (20 MB): widgets and QPdfWriter never use OpenGL.
rm -f "$Q/opengl32sw.dll"
# Touch input over the network (TUIO): pulls Qt6Network in with it.
rm -rf "$Q/plugins/generic"
rm -f "$Q/Qt6Network.dll"
# SVG: the program shows no SVG images or icons.
rm -f "$Q/plugins/iconengines/qsvgicon.dll" "$Q/plugins/imageformats/qsvg.dll" "$Q/Qt6Svg.dll"
rmdir "$Q/plugins/iconengines" 2>/dev/null || true
# Image formats nobody opens here (the icon is ICO/PNG; scans are opened by Windows).
for f in qicns qtga qtiff qwbmp qwebp; do rm -f "$Q/plugins/imageformats/$f.dll"; done
# Platforms: windows for the window, offscreen for --smoke and headless sheets.
rm -f "$Q/plugins/platforms/qdirect2d.dll" "$Q/plugins/platforms/qminimal.dll"
# Qt's own translations: the interface speaks zh_CN and en only.
find "$Q/translations" -type f ! -name '*_zh_CN.qm' ! -name '*_en.qm' -delete

after="$(du -sb "$APP" | cut -f1)"
echo "trimmed $(( (before - after) / 1048576 )) MB; $(( after / 1048576 )) MB left"
# These must still be there, or the program cannot start or translate.
for need in Qt6Core.dll Qt6Gui.dll Qt6Widgets.dll Qt6PrintSupport.dll \
            plugins/platforms/qwindows.dll plugins/platforms/qoffscreen.dll \
            plugins/styles/qmodernwindowsstyle.dll translations/qtbase_zh_CN.qm; do
  [ -f "$Q/$need" ] || { echo "trim.sh: $need is missing" >&2; exit 1; }
done
