# A chain of a million steps, written as one statement on one line: checked
# in bounded time and stack (no recursion anywhere) with only the size
# warning; a broken last link is reported at its exact line and column.
d=$(mktemp -d)
awk -v N=1000000 'BEGIN {
  print "process p {\n  owner \"o\"; code \"C-1\"\n  start n0"
  for (i = 1; i < N; i++) print "  task n" i
  print "  end n" N
  printf "  n0"
  for (i = 1; i <= N; i++) printf " -> n%d", i
  print "\n}" }' > "$d/chain.flow"
"$FLOWC" check "$d/chain.flow" 2>&1 | grep -c 'warning: .*\[size\]'; echo "whole chain: ${PIPESTATUS[0]}"
sed -i '$!{/^  n0 /s/ -> n1000000$/ -> n1000001/}' "$d/chain.flow"
"$FLOWC" check "$d/chain.flow" 2>&1 | grep 'error' | sed "s|$d|TMP|"; echo "broken link: ${PIPESTATUS[0]}"
rm -rf "$d"
