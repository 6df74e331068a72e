#!/bin/bash
# Renders reference/NAME.png, what a browser shows, for each fixture NAME of suite/ given (all when none is given):
# headless Chromium (Debian's chromium) decodes the first frame and draws it on white (render-references.html).
# Chromium shows no TIFF: a TIFF's reference is ImageMagick's (convert -auto-orient, on white), except orientations
# 5 and 7, which ImageMagick 6.9 leaves unturned: theirs is orientation 1's, as Pillow's tests expect of them.
# Usage: bash src/test/resources/images/render-references.sh [NAME...]   (port 9299 on 127.0.0.1, or RENDER_PORT)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${RENDER_PORT:-9299}
serve=$(mktemp -d)
cp "$here"/suite/* "$here/render-references.html" "$serve/"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$serve" >/dev/null 2>&1 &
server=$!
trap 'kill $server; rm -rf "$serve"' EXIT
sleep 1
cd "$here/suite"
for name in "${@:-$(ls)}"; do
  case "$name" in
    *.tif)
      source=$name
      [[ $name =~ orientation-[57]\.tif$ ]] && source=${name/orientation-[57]/orientation-1}
      convert "$source[0]" -auto-orient -background white -flatten "PNG24:$here/reference/$name.png"
      echo "$name: ImageMagick";;
    *)
      profile=$(mktemp -d)
      line=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
          --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
          --force-color-profile=srgb --virtual-time-budget=20000 \
          --dump-dom "http://127.0.0.1:$port/render-references.html?files=$name" 2>/dev/null | grep -o "$name [^<]*" | head -1 || true)
      rm -rf "$profile"
      data=${line#* }
      case "$data" in
        ERROR*|"") echo "$name: not shown by Chromium: ${data:-no output}";;
        *) echo "$data" | base64 -d > "$here/reference/$name.png"; echo "$name: Chromium";;
      esac;;
  esac
done
