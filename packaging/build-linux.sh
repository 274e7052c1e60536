#!/usr/bin/env bash
# Builds the Linux packages of Glossator into packaging/dist/:
#   glossator/                                   the frozen one-folder app (PyInstaller)
#   glossator_<version>_<arch>.deb               /usr/lib/glossator, /usr/bin/glossator, desktop entry, icons
#   glossator-<version>-linux-<arch>.tar.xz      the same folder, to unpack anywhere
#   build-info.txt                               build time and sizes
# Needs Python 3.11+ with venv, and Debian's dpkg-dev (dpkg-shlibdeps), desktop-file-utils,
# xz-utils and the libraries Qt links against (.ci/run installs them). PyInstaller and the
# app's dependencies come from PyPI into a build venv of their own (packaging/build/venv).
# The `Depends:` line is computed by dpkg-shlibdeps from what the bundled binaries link
# against; test-deb.sh proves it is complete by installing the package on a clean system.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
BUILD=$ROOT/packaging/build
DIST=$ROOT/packaging/dist
VENV=$BUILD/venv
started=$(date +%s)
say() { printf '== %s\n' "$*"; }

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
DEB=$DIST/glossator_${VERSION}_${ARCH}.deb
TARBALL=$DIST/glossator-${VERSION}-linux-${ARCH}.tar.xz
say "Glossator $VERSION for $ARCH"

say "build environment ($VENV)"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# The app's dependencies and the packaging extra, read from pyproject.toml. Glossator itself is
# not installed: PyInstaller reads it from desktop/ (the spec's pathex), and nothing in the
# checkout is written to (no egg-info).
mapfile -t requirements < <("$VENV/bin/python" - <<'PYEOF'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["packaging"]))
PYEOF
)
"$VENV/bin/python" -m pip install --quiet "${requirements[@]}"
"$VENV/bin/python" -c 'import PyInstaller, PySide6; print("PyInstaller", PyInstaller.__version__, "PySide6", PySide6.__version__)'

say "frozen app (PyInstaller one-folder build)"
echo "(PyInstaller's Qt hook also collects plugins the spec then drops, such as libqgtk3: its"
echo " warnings about libgtk-3 are expected)"
t0=$(date +%s)
rm -rf "$DIST/glossator"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller" packaging/glossator.spec
freeze_seconds=$(( $(date +%s) - t0 ))
APP=$DIST/glossator
test -x "$APP/glossator"

say "bundle contents"
# What must not be there: Qt modules we never use, and the system's font stack.
unwanted=$(find "$APP" \( -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' -o -iname '*WebEngine*' \
  -o -iname '*Qt63D*' -o -iname '*Qt6Multimedia*' -o -iname 'libfontconfig*' \
  -o -iname 'libfreetype*' -o -path '*/qml/*' \) -print)
if [ -n "$unwanted" ]; then
  echo "unwanted files in the bundle:"; echo "$unwanted"; exit 1
fi
for needed in _internal/resources/glossator.desktop _internal/resources/icons/glossator.svg \
  _internal/resources/codebook/default.json _internal/seeds \
  _internal/glossator/store/migrations/env.py _internal/PySide6/Qt/plugins/platforms/libqxcb.so \
  _internal/PySide6/Qt/plugins/platforms/libqoffscreen.so; do
  test -e "$APP/$needed" || { echo "missing from the bundle: $needed"; exit 1; }
done
ls "$APP/_internal/PySide6/Qt/lib" "$APP/_internal/PySide6/Qt/plugins"/*
reported=$("$APP/glossator" --version)
echo "$APP/glossator --version: $reported"
test "$reported" = "Glossator $VERSION"

say "desktop entry"
desktop-file-validate resources/glossator.desktop

say ".deb package"
STAGE=$BUILD/deb
PKG=$STAGE/debian/glossator
rm -rf "$STAGE"
mkdir -p "$PKG/DEBIAN" "$PKG/usr/lib" "$PKG/usr/bin" "$PKG/usr/share/applications" \
  "$PKG/usr/share/icons/hicolor/scalable/apps" "$PKG/usr/share/icons/hicolor/256x256/apps" \
  "$PKG/usr/share/doc/glossator"
cp -a "$APP" "$PKG/usr/lib/glossator"
ln -s ../lib/glossator/glossator "$PKG/usr/bin/glossator"
install -m 0644 resources/glossator.desktop "$PKG/usr/share/applications/glossator.desktop"
install -m 0644 resources/icons/glossator.svg "$PKG/usr/share/icons/hicolor/scalable/apps/glossator.svg"
install -m 0644 resources/icons/glossator-256.png "$PKG/usr/share/icons/hicolor/256x256/apps/glossator.png"
cat > "$PKG/usr/share/doc/glossator/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Glossator
Files: *
License: MIT
Comment: /usr/lib/glossator bundles CPython (PSF License), Qt 6 and PySide6 (LGPL-3.0, as
 shared libraries that can be replaced), SQLAlchemy, Alembic, Mako, MarkupSafe, platformdirs,
 markdown-it-py, mdit-py-plugins, mdurl, charset-normalizer (MIT/BSD), selectolax with Lexbor
 (MIT/Apache-2.0) and RapidFuzz (MIT).
EOF
find "$PKG" -type d -exec chmod 0755 {} +
find "$PKG/usr/share" -type f -exec chmod 0644 {} +

# Depends: every system library the bundle links against, with the minimum versions from
# Debian's symbols files (dpkg-shlibdeps), run in a throwaway debian/ tree.
printf 'Source: glossator\n\nPackage: glossator\nArchitecture: any\n' > "$STAGE/debian/control"
mapfile -t elfs < <(find "$PKG/usr/lib/glossator" -type f -exec sh -c \
  'for f; do [ "$(head -c 4 "$f" | od -An -c | tr -d " ")" = "177ELF" ] && echo "$f"; done' sh {} +)
mapfile -t libdirs < <(printf '%s\n' "${elfs[@]}" | xargs -n1 dirname | sort -u)
(cd "$STAGE" && dpkg-shlibdeps -O "${libdirs[@]/#/-l}" "${elfs[@]/#/-e}" \
  2> "$BUILD/dpkg-shlibdeps.log") > "$BUILD/substvars"
DEPENDS=$(sed -n 's/^shlibs:Depends=//p' "$BUILD/substvars")
test -n "$DEPENDS"
echo "${#elfs[@]} ELF files; Depends: $DEPENDS"
INSTALLED_KB=$(du -sk "$PKG" --exclude=DEBIAN | cut -f1)
cat > "$PKG/DEBIAN/control" <<EOF
Package: glossator
Version: $VERSION
Architecture: $ARCH
Maintainer: Glossator maintainers <maintainers@glossator.invalid>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: text
Priority: optional
Description: read reports beside their footnotes and annotate who says what
 Glossator is a desktop workbench for research teams who study reports with
 footnotes: a library of reports shown beside their notes, highlights with
 tags from a codebook, speakers and stances, and review by a second reader.
 Everything lives in one local SQLite database, with undo and backups.
EOF
rm -f "$DIST"/glossator_*.deb
t0=$(date +%s)
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
deb_seconds=$(( $(date +%s) - t0 ))
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'

say ".tar.xz of the folder"
rm -f "$DIST"/glossator-*-linux-*.tar.xz
t0=$(date +%s)
tar -C "$DIST" --owner=0 --group=0 --numeric-owner --sort=name \
  --transform "s,^glossator,glossator-$VERSION," -cf - glossator | xz -T0 -6 > "$TARBALL"
tar_seconds=$(( $(date +%s) - t0 ))

total_seconds=$(( $(date +%s) - started ))
{
  echo "version: $VERSION ($ARCH)"
  echo "build time: ${total_seconds} s in all (PyInstaller ${freeze_seconds} s, dpkg-deb ${deb_seconds} s, tar.xz ${tar_seconds} s)"
  echo "frozen folder: $(du -sm "$APP" | cut -f1) MB ($(find "$APP" -type f | wc -l) files)"
  echo "deb: $(basename "$DEB") $(( $(stat -c %s "$DEB") / 1024 / 1024 )) MB ($(stat -c %s "$DEB") bytes), Installed-Size ${INSTALLED_KB} KiB"
  echo "tar.xz: $(basename "$TARBALL") $(( $(stat -c %s "$TARBALL") / 1024 / 1024 )) MB ($(stat -c %s "$TARBALL") bytes)"
  echo "Depends: $DEPENDS"
} | tee "$DIST/build-info.txt"
say "built in ${total_seconds} s"
