# flowc stats on processes with a source: what is transcribed and what is
# added (nodes, edges, attribute lines with when and within, lanes,
# phases; a process added as a whole counts all of it as added), and
# conditional steps, which the shortest path skips and the longest takes.
set -u
"$FLOWC" stats tests/cli/marks/service.flow | grep -E '^process|conditional|source|transcribed|added|path in steps|time budget'
"$FLOWC" stats --format json tests/cli/marks/service.flow |
  jq -c '.processes[] | {process, conditional_steps, source, path_steps, shortest: .time.shortest.text, longest: .time.longest.text}'
