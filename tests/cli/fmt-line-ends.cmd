# flowc fmt keeps a byte-order mark and the file's line ending (CRLF, a
# lone CR or LF: the first one found), and formats a file of comments or
# of nothing; shown with cat -A (^M is CR, M-oM-;M-? the BOM, $ a line end).
for input in '\xef\xbb\xbfprocess p {\r\n  start s; end e\r\n\r\n\r\n  s -> e # done\r\n}\r\n' \
             'process p {\r  start s\r  end e\r  s -> e\r}' \
             '\xef\xbb\xbf# only a comment   \n\n\n# and another' \
             '' '\xef\xbb\xbf'; do
  printf "$input" | "$FLOWC" fmt - | cat -A; echo "[exit ${PIPESTATUS[1]}]"
done
