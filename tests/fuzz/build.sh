#!/usr/bin/env bash
# Builds the libFuzzer targets tests/fuzz/fuzz_*.c into build/fuzz/, linked
# with the compiler's objects (all of compiler/*.c but main.c, plus the
# generated scanner and parser) built by clang with ASan and UBSan.
# Usage: tests/fuzz/build.sh [TARGET...]   (default: every target)
set -eu
cd "$(dirname "$0")/../.."
make -s build/flow.tab.c build/flow.lex.c
out=build/fuzz
mkdir -p "$out/obj"
PC_LIBS="libgvc cairo harfbuzz harfbuzz-subset fontconfig freetype2 libunibreak icu-uc jansson libmicrohttpd"
# shellcheck disable=SC2046
read -r -a pc_cflags <<<"$(pkg-config --cflags $PC_LIBS)"
read -r -a pc_libs <<<"$(pkg-config --libs $PC_LIBS) -lhpdf -lm"
CC=${CC:-clang}
cflags=(-std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g -O1 -fno-omit-frame-pointer
        -Ibuild -Icompiler "${pc_cflags[@]}")
san=(-fsanitize=address,undefined -fno-sanitize-recover=all)

# compile SRC OBJ: only when SRC or any header is newer than OBJ
compile() {
  if [ ! -f "$2" ] || [ -n "$(find "$1" compiler build/flow.tab.h build/flow.lex.h tests/fuzz \
         -name '*.h' -newer "$2" -o -path "$1" -newer "$2" | head -1)" ]; then
    "$CC" "${cflags[@]}" "${san[@]}" -fsanitize=fuzzer-no-link "${@:3}" -c -o "$2" "$1"
  fi
}

objs=() pids=()
for src in compiler/*.c build/flow.tab.c build/flow.lex.c; do
  [ "$src" = compiler/main.c ] && continue
  obj=$out/obj/$(basename "${src%.c}").o
  # the generated scanner and parser are not ours: no -Werror there
  case $src in build/*) compile "$src" "$obj" -Wno-error -Wno-unused-function ;;
               *) compile "$src" "$obj" ;; esac &
  objs+=("$obj") pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || { echo "build.sh: compile failed" >&2; exit 1; }; done

targets=("$@")
[ ${#targets[@]} = 0 ] && targets=(parse render manual lsp serve analyse fmt)
for t in "${targets[@]}"; do
  [ "$t" = manual ] && [ ! -f compiler/manual.h ] && continue
  "$CC" "${cflags[@]}" "${san[@]}" -fsanitize=fuzzer -o "$out/fuzz_$t" \
    "tests/fuzz/fuzz_$t.c" "${objs[@]}" "${pc_libs[@]}"
done
