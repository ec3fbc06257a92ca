# A start's trigger and period: the caption beside it in the scene (free
# of every node), the clock mark of a recurring start inside the caption,
# the SVG's caption and clock, DOT's xlabel, BPMN's timeCycle and
# documentation; a range in BPMN: its high end, and as written in flowc's
# namespace.
f=tests/cli/time/new/hotline.flow
"$FLOWC" render -f json -o - $f 2>/dev/null | jq -c '
  .processes[0] // . | .nodes as $n | $n[] | select(.caption) |
  {id, trigger, every, caption, clock: (.clock != null),
   clock_inside: (.clock == null or (.clock.x >= .label_box.x and .clock.x + .clock.w <= .label_box.x + .label_box.w)),
   free: ([ $n[] | select(.x < (.label_box.x + .label_box.w) and .label_box.x < (.x + .w) and .y < (.label_box.y + .label_box.h) and .label_box.y < (.y + .h)) ] | length == 0)}'
"$FLOWC" render -f svg -o - $f 2>/dev/null | grep -c 'class="shape clock"'
"$FLOWC" render -f svg -o - $f 2>/dev/null | grep -o '<text class="caption"[^>]*>[^<]*' | sed 's/.*>//'
"$FLOWC" render -f dot -o - $f 2>/dev/null | tr -d '\t' | tr '\n' ' ' | grep -o 'comment=[a-z]*,[^]]*xlabel=[^]]*'
"$FLOWC" render -f bpmn -o - $f 2>/dev/null | grep -E 'timeCycle|timeDuration|触发事件|flowc:(trigger|every|within)'
