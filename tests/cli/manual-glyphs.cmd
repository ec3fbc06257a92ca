# The font embedded in the manual draws every character of its text: for
# flows/ and two test cases, each character pdftotext finds (but white
# space) maps through the font's CIDToGIDMap to a glyph with an outline
# (FreeType, on the font stream qpdf extracts); and a text-heavy page (the
# glossary) rendered by Ghostscript and by MuPDF has about as much ink as
# rendered by poppler (a font only poppler can read would leave them
# nearly blank).
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export SOURCE_DATE_EPOCH=1767225600
cat >"$d/glyphs.c" <<'C'
/* glyphs FONT CIDTOGIDMAP < TEXT: counts the distinct characters of TEXT
 * (UTF-8, as code = Unicode code point) and those without an outline. */
#include <stdio.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
static unsigned char seen[0x110000];
int main(int argc, char **argv) {
  FT_Library lib;
  FT_Face face;
  static unsigned char map[0x20000];
  if (argc < 3 || FT_Init_FreeType(&lib) || FT_New_Face(lib, argv[1], 0, &face)) return 2;
  FILE *f = fopen(argv[2], "rb");
  if (!f) return 2;
  size_t nmap = fread(map, 1, sizeof map, f);
  fclose(f);
  int c, n = 0, blank = 0;
  while ((c = getchar()) != EOF) {
    unsigned cp = (unsigned)c;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (more) cp &= 0x3F >> more;
    while (more-- > 0 && (c = getchar()) != EOF) cp = cp << 6 | (c & 0x3F);
    if (cp <= 0x20 || cp == 0xA0 || cp == 0x3000 || cp >= 0x110000 || seen[cp]) continue;
    seen[cp] = 1;
    n++;
    unsigned gid = 2 * cp + 1 < nmap ? (unsigned)map[2 * cp] << 8 | map[2 * cp + 1] : 0;
    if (!gid || FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE) ||
        face->glyph->format != FT_GLYPH_FORMAT_OUTLINE || face->glyph->outline.n_contours <= 0) {
      blank++;
      if (blank <= 5) fprintf(stderr, "no outline: U+%04X\n", cp);
    }
  }
  printf("characters %s, without an outline %d\n", n > 20 ? "> 20" : "<= 20", blank);
  return 0;
}
C
cc -o "$d/glyphs" "$d/glyphs.c" $(pkg-config --cflags --libs freetype2) || echo "cannot build the checker"
# ink: the darkness summed over the pixels of a binary PGM, in black
# pixels (robust to anti-aliasing)
# (header "P5\nW H\n255\n", then W*H bytes)
ink() {
  local n
  n=$(head -c 80 "$1" | awk '!/^#/ && ++k == 2 { print $1 * $2 }')
  tail -c "$n" "$1" | od -An -v -tu1 | awk '{ for (i = 1; i <= NF; i++) n += 255 - $i } END { printf "%d\n", n / 255 }'
}
for set in flows tests; do
  if [ $set = flows ]; then files=(flows/*.flow)
  else files=(tests/check/valid-all-kinds.flow tests/check/valid-spec-example.flow); fi
  echo "== $set"
  "$FLOWC" manual -o "$d/m.pdf" "${files[@]}" || echo "flowc manual failed"
  qpdf --json "$d/m.pdf" >"$d/m.json"
  map=$(jq -r '[.qpdf[1][] | .value | objects | select(.["/CIDToGIDMap"])][0]["/CIDToGIDMap"]' "$d/m.json")
  font=$(jq -r '.qpdf[1] as $o | [$o[] | .value | objects | select(.["/CIDToGIDMap"])][0]["/FontDescriptor"] as $fd
    | $o["obj:" + $fd].value["/FontFile2"]' "$d/m.json")
  qpdf --show-object="${map%% *}" --filtered-stream-data "$d/m.pdf" >"$d/map.bin"
  qpdf --show-object="${font%% *}" --filtered-stream-data "$d/m.pdf" >"$d/font.ttf"
  pdftotext "$d/m.pdf" - | "$d/glyphs" "$d/font.ttf" "$d/map.bin"
  # the page with the most text
  page=$(pdftotext -raw "$d/m.pdf" - | awk 'BEGIN { RS = "\f" } length($0) > best { best = length($0); p = NR } END { print p }')
  pdftoppm -gray -r 100 -f "$page" -l "$page" "$d/m.pdf" >"$d/poppler.pgm"
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pgmraw -r100 -dTextAlphaBits=4 -dGraphicsAlphaBits=4 -dFirstPage="$page" -dLastPage="$page" \
    -sOutputFile="$d/gs.pgm" "$d/m.pdf" >/dev/null 2>&1
  mutool draw -q -r 100 -c gray -o "$d/mupdf.pgm" "$d/m.pdf" "$page" 2>/dev/null
  p=$(ink "$d/poppler.pgm") g=$(ink "$d/gs.pgm") u=$(ink "$d/mupdf.pgm")
  awk -v p="$p" -v g="$g" -v u="$u" 'BEGIN {
    printf "fullest page ink: poppler %s\n", (p > 10000 ? "over 10000 pixels" : "only " p)
    printf "ghostscript / poppler: %s\n", (g > 0.85 * p && g < 1.18 * p ? "similar" : g / p)
    printf "mupdf / poppler: %s\n", (u > 0.85 * p && u < 1.18 * p ? "similar" : u / p) }'
done
