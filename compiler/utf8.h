/* utf8.h — UTF-8 decoding and character classes of the .flow language.
 * Pure functions over caller-owned bytes. */
#ifndef FLOWC_UTF8_H
#define FLOWC_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one well-formed sequence at s (n bytes available). Returns its
 * length and stores the code point, or returns 0 if s does not start with
 * well-formed UTF-8 (overlong, surrogate, truncated or out of range). */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Appends cp (<= 0x10FFFF, not a surrogate) to out; returns the length. */
int utf8_encode(uint32_t cp, char out[4]);
/* Number of code points (each invalid byte counts as one). */
size_t utf8_count(const char *s, size_t n);
/* A byte of a run of word characters, as the scanner takes it: ASCII
 * letter, digit, '_' or any byte of a non-ASCII character. */
int utf8_is_word_byte(unsigned char b);
/* Punctuation that never belongs to an identifier (flow-language.md). */
int utf8_is_punct(uint32_t cp);
/* Characters that show as nothing or as a plain space (no-break and
 * zero-width spaces, format controls, variation selectors): messages show
 * them as \u{XXXX}, and name suggestions look past them. */
int utf8_is_invisible(uint32_t cp);
/* Terminal columns a code point occupies (East Asian wide: 2). */
int utf8_width(uint32_t cp);

#endif
