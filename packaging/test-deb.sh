#!/usr/bin/env bash
# Tests the .deb that build-linux.sh made, the way a user gets it:
#  1. the package itself: metadata, files, desktop entry (desktop-file-validate), and every
#     ELF file in it resolved by ldd against this system (no "not found");
#  2. a clean Debian system (debootstrap --variant=minbase into packaging/build/chroot):
#     `apt-get install --no-install-recommends ./glossator_*.deb` pulls in only what the
#     package's Depends name; there ldd finds every library, `glossator --version` and
#     `glossator --self-test` pass offscreen, then Xvfb and xauth are added and the self-test
#     runs again on a real X server with the xcb platform (a build that only works offscreen
#     lacks libraries); the package is removed again;
#  3. start times of the frozen build beside the same code run from source (startup_times.py).
# Runs as root (chroot, mounts). Needs debootstrap and network access to the Debian mirror
# (DEBIAN_MIRROR, default deb.debian.org). GLOSSATOR_TEST_CHROOT=0 skips step 2.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/packaging/build
DIST=$ROOT/packaging/dist
say() { printf '== %s\n' "$*"; }

shopt -s nullglob
debs=("$DIST"/glossator_*.deb)
[ "${#debs[@]}" -eq 1 ] || { echo "expected one .deb in $DIST (run packaging/build-linux.sh)"; exit 1; }
DEB=${debs[0]}
say "package $(basename "$DEB"): $(( $(stat -c %s "$DEB") / 1024 / 1024 )) MB ($(stat -c %s "$DEB") bytes)"
dpkg-deb --field "$DEB" Package Version Architecture Installed-Size Depends

# A script run on the host and in the chroot: every ELF file under a folder, checked with ldd
# the way the app loads them (its own library folders first). Prints what is missing.
LDD_CHECK=$BUILD/ldd-check.sh
cat > "$LDD_CHECK" <<'EOF'
#!/bin/sh
# usage: ldd-check.sh FOLDER ; exit 1 if any library is not found
folder=$1
libpath=$(find "$folder" -name '*.so*' -printf '%h\n' | sort -u | tr '\n' ':')
count=0; missing=0
for f in $(find "$folder" -type f); do
  [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = "177ELF" ] || continue
  count=$((count + 1))
  out=$(LD_LIBRARY_PATH="$libpath" ldd "$f" 2>&1 | grep 'not found' || true)
  if [ -n "$out" ]; then
    missing=$((missing + 1)); echo "$f:"; echo "$out"
  fi
done
echo "ldd: $count ELF files, $missing with missing libraries"
[ "$missing" -eq 0 ]
EOF
chmod +x "$LDD_CHECK"

say "package contents"
EXTRACT=$BUILD/deb-extract
rm -rf "$EXTRACT"
dpkg -x "$DEB" "$EXTRACT"
for f in usr/bin/glossator usr/lib/glossator/glossator usr/share/applications/glossator.desktop \
  usr/share/icons/hicolor/scalable/apps/glossator.svg usr/share/icons/hicolor/256x256/apps/glossator.png \
  usr/share/doc/glossator/copyright; do
  test -e "$EXTRACT/$f" || { echo "missing in the package: /$f"; exit 1; }
done
echo "/usr/bin/glossator -> $(readlink "$EXTRACT/usr/bin/glossator")"
desktop-file-validate "$EXTRACT/usr/share/applications/glossator.desktop"
echo "desktop-file-validate: clean"
echo "installed folder /usr/lib/glossator: $(du -sm "$EXTRACT/usr/lib/glossator" | cut -f1) MB"
say "ldd on this system"
"$LDD_CHECK" "$EXTRACT/usr/lib/glossator"

if [ "${GLOSSATOR_TEST_CHROOT:-1}" != 0 ]; then
  SUITE=${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
  MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
  CHROOT=$BUILD/chroot
  cleanup() {
    for m in dev/pts dev/shm dev proc sys; do
      mountpoint -q "$CHROOT/$m" 2>/dev/null && umount -l "$CHROOT/$m" || true
    done
  }
  trap cleanup EXIT
  cleanup
  say "clean $SUITE system (debootstrap --variant=minbase)"
  t0=$(date +%s)
  rm -rf "$CHROOT"
  debootstrap --variant=minbase "$SUITE" "$CHROOT" "$MIRROR" > "$BUILD/debootstrap.log" 2>&1 \
    || { tail -30 "$BUILD/debootstrap.log"; exit 1; }
  echo "debootstrap: $(( $(date +%s) - t0 )) s"
  mount -t proc proc "$CHROOT/proc"
  mount -t sysfs sysfs "$CHROOT/sys"
  mount --bind /dev "$CHROOT/dev"
  mount --bind /dev/pts "$CHROOT/dev/pts"
  if mountpoint -q /dev/shm; then mount --bind /dev/shm "$CHROOT/dev/shm"; fi
  cp "$DEB" "$LDD_CHECK" "$CHROOT/tmp/"
  in_chroot() {
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      DEBIAN_FRONTEND=noninteractive chroot "$CHROOT" "$@"
  }
  before=$(in_chroot dpkg-query -W -f '${Package}\n' | wc -l)
  say "apt-get install --no-install-recommends ./$(basename "$DEB") (in the clean system)"
  in_chroot apt-get update -qq
  in_chroot apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$DEB")" \
    > "$BUILD/chroot-install.log" 2>&1 || { tail -40 "$BUILD/chroot-install.log"; exit 1; }
  after=$(in_chroot dpkg-query -W -f '${Package}\n' | wc -l)
  echo "installed glossator and $(( after - before - 1 )) packages it depends on"
  in_chroot dpkg -s glossator | grep -E '^(Status|Version):'
  echo "installed folder: $(in_chroot du -sm /usr/lib/glossator | cut -f1) MB"
  say "ldd in the clean system"
  in_chroot /tmp/ldd-check.sh /usr/lib/glossator
  say "glossator --version (installed, clean system)"
  in_chroot glossator --version | tee "$BUILD/chroot-version.txt"
  grep -qx "Glossator $(dpkg-deb --field "$DEB" Version)" "$BUILD/chroot-version.txt"
  say "glossator --self-test, QT_QPA_PLATFORM=offscreen (installed, clean system)"
  in_chroot env QT_QPA_PLATFORM=offscreen glossator --self-test
  say "glossator --self-test on Xvfb, QT_QPA_PLATFORM=xcb (installed, clean system)"
  in_chroot apt-get install -y -qq --no-install-recommends xvfb xauth > "$BUILD/chroot-xvfb.log" 2>&1 \
    || { tail -40 "$BUILD/chroot-xvfb.log"; exit 1; }
  if ! in_chroot env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" \
      glossator --self-test | tee "$BUILD/chroot-xcb.txt"; then
    echo "-- again with QT_DEBUG_PLUGINS=1:"
    in_chroot env QT_QPA_PLATFORM=xcb QT_DEBUG_PLUGINS=1 xvfb-run -a glossator --self-test 2>&1 | tail -40
    exit 1
  fi
  grep -q "platform xcb" "$BUILD/chroot-xcb.txt"
  say "apt-get remove glossator"
  in_chroot apt-get remove -y -qq glossator > /dev/null
  in_chroot sh -c '! command -v glossator && test ! -e /usr/lib/glossator' && echo "removed cleanly"
  cleanup
  trap - EXIT
fi

say "start times: frozen beside source"
python3 packaging/startup_times.py --runs "${STARTUP_RUNS:-7}"
say "the package passed"
