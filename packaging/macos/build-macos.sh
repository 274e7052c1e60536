#!/usr/bin/env bash
# macOS recipe: builds packaging/dist/Glossator.app and packaging/dist/Glossator-<version>.dmg.
# Runs on macOS 11 or later with Python 3.11+ (python.org installer or Homebrew) and the Xcode
# command line tools (codesign, hdiutil, xcrun); it is not run by CI, which builds on Linux.
# The app is built for the machine's architecture (arm64 or x86_64): build once on each.
#
# Signing and notarization, optional, with an Apple Developer ID:
#   MACOS_SIGN_IDENTITY="Developer ID Application: Name (TEAMID)"  signs every binary in the app
#       (hardened runtime, packaging/macos/entitlements.plist) and the .dmg; without it the app
#       is signed ad hoc and runs on this Mac only.
#   MACOS_NOTARY_PROFILE=name  a keychain profile made once with
#       xcrun notarytool store-credentials name --apple-id ID --team-id TEAMID
#       submits the .dmg to Apple's notary service, waits, and staples the ticket.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=${PYTHON:-python3}
BUILD=$ROOT/packaging/build
DIST=$ROOT/packaging/dist
VENV=$BUILD/venv-macos
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
APP=$DIST/Glossator.app
DMG=$DIST/Glossator-$VERSION-macos-$(uname -m).dmg
say() { printf '== %s\n' "$*"; }

say "build environment"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
# The app's dependencies and the packaging extra from pyproject.toml (macOS ships bash 3.2: no
# mapfile), and Pillow, which lets PyInstaller turn glossator-256.png into the .icns icon.
requirements=()
while IFS= read -r line; do requirements+=("$line"); done < <("$VENV/bin/python" -c \
  'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["packaging"]))')
"$VENV/bin/python" -m pip install --quiet "${requirements[@]}" pillow

say "Glossator.app (PyInstaller)"
rm -rf "$DIST/glossator" "$APP"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller-macos" packaging/glossator.spec
"$APP/Contents/MacOS/glossator" --version
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/glossator" --self-test
"$APP/Contents/MacOS/glossator" --self-test  # the cocoa platform, on this Mac's screen
codesign --verify --deep --strict --verbose=2 "$APP"

say "$(basename "$DMG")"
STAGE=$BUILD/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Glossator $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  [ -n "${MACOS_SIGN_IDENTITY:-}" ] || { echo "notarization needs MACOS_SIGN_IDENTITY"; exit 1; }
  say "notarization"
  xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
  xcrun stapler validate "$DMG"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi
say "built $(basename "$DMG"): $(du -h "$DMG" | cut -f1); app folder $(du -sh "$APP" | cut -f1)"
