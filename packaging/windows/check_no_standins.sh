#!/usr/bin/env bash
# The Wine stand-ins are test equipment: fail if one turned up in a build or
# an installed folder. Usage: check_no_standins.sh FOLDER...
set -euo pipefail
status=0
for dir in "$@"; do
  found="$(find "$dir" -type f \( -iname 'bcryptprimitives.dll' -o -iname 'icuuc.dll' \
           -o -iname 'mscms.dll' \) -print)"
  if [ -n "$found" ]; then
    echo "a Wine stand-in is inside $dir:" >&2
    echo "$found" >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "no Wine stand-ins in: $*"
exit "$status"
