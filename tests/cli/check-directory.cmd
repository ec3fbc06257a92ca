# A directory without .flow files (and none in its subdirectories) is an error.
d=$(mktemp -d)
mkdir "$d/sub" && touch "$d/sub/x.txt"
"$FLOWC" check "$d" 2>&1 | sed "s|$d|TMP|"; echo "exit ${PIPESTATUS[0]}"
rm -rf "$d"
