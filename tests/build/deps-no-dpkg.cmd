# On a system without dpkg-query the package check falls back to
# pkg-config (and a test compile for libharu, which has no .pc file): it
# passes when the libraries are there, and names the missing ones.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
# every command of this machine but dpkg-query
mkdir "$d/bin"
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
  b=${f##*/}
  [ "$b" = dpkg-query ] || [ -e "$d/bin/$b" ] || ln -s "$f" "$d/bin/$b"
done
export PATH=$d/bin
unset MAKEFLAGS MFLAGS MAKELEVEL
command -v dpkg-query || echo "no dpkg-query on PATH"
make --no-print-directory BUILD="$d/build" "$d/build/.deps"; echo "libraries there: $?"
ls -A "$d/build"
make --no-print-directory BUILD="$d/b2" PC_LIBS="cairo no-such-lib" "$d/b2/.deps" 2>&1 | sed "s|$d|TMP|g"; echo "one missing: ${PIPESTATUS[0]}"
