#!/usr/bin/env bash
# gen-bad.sh — writes the hostile and broken inputs tests/check/bad-*.flow
# (and the files they import, in tests/check/lib/bad/). Deterministic:
# after changing it, run it, then `UPDATE=1 tests/run.sh ./flowc` and read
# every new .expect.
set -eu
export LC_ALL=C # byte semantics for ${s:i:n} and patterns
cd "$(dirname "$0")"
rm -f bad-*.flow
rm -rf lib/bad
mkdir -p lib/bad

spec=$(cat valid-spec-example.flow)
# a small valid process to wrap things in
ok='process p { owner "o"; code "C-1"; start s; end e; s -> e }'

out() { printf '%s' "$2" > "bad-$1.flow"; }     # NAME TEXT
outf() { local n=$1; shift; printf "$@" > "bad-$n.flow"; } # NAME FORMAT ARGS

# The spec example cut right after the Nth (default 1st) occurrence of s.
cut_after() { # NAME STRING [N]
  local rest=$spec pre="" k=${3:-1}
  while [ "$k" -gt 0 ]; do
    case $rest in *"$2"*) ;; *) echo "gen-bad.sh: '$2' not in the spec" >&2; exit 1 ;; esac
    pre+=${rest%%"$2"*}$2
    rest=${rest#*"$2"}
    k=$((k - 1))
  done
  out "trunc-$1" "$pre"
}

# --- truncations of the spec example after every kind of statement ---
cut_after process-kw 'process'
cut_after process-id 'process recruit'
cut_after process-title 'process recruit "人力资源招聘流程"'
cut_after process-open '"人力资源招聘流程" {'
cut_after meta-kw 'code'
cut_after meta-code '"HR-PR-001"'
cut_after effective-kw 'effective'
cut_after date-year 'effective 2026'
cut_after date-month 'effective 2026-01'
cut_after date-dash 'effective 2026-01-'
cut_after revision-version 'revision "1.2"'
cut_after revision-date 'revision "1.2" 2026-01-15'
cut_after term-one 'term     "复试"'
cut_after lane-kw 'lane'
cut_after lane-id 'lane head'
cut_after lane-name 'lane head   "部门负责人"'
cut_after phase-kw 'phase'
cut_after phase-name 'phase "需求确认"'
cut_after start-kw 'start'
cut_after start-id 'start    s'
cut_after start-in '"开始"                 in'
cut_after start-lane '"开始"                 in head'
cut_after task-open 'in head {'
cut_after task-form-kw '{ form'
cut_after task-form '{ form "招聘申请表"'
cut_after within-kw 'within'
cut_after duration-number 'within 2'
cut_after duration 'within 2d'
cut_after decision-open 'in gm {'
cut_after branch-label $'\n    是'
cut_after branch-arrow '是 ->'
cut_after branch-target '是 -> channel'
cut_after branch-chain '否 -> explain ->'
cut_after decision-body '否 -> explain -> e'
cut_after decision-close $'否 -> explain -> e\n  }'
cut_after body-attr 'form    "劳动合同"'
cut_after body-risk-kw 'risk'
cut_after end-node 'end      e        "结束"'
cut_after edge-from $'"结束"\n\n  s'
cut_after edge-arrow 's ->'
cut_after edge-chain 's -> request ->'
cut_after edge-chain-end 's -> request -> need'
cut_after last-edge 'hire -> probation -> e'
cut_after mid-string '"通知部门负责人，'
cut_after mid-title '"人力资源'
# in the middle of a character: the first two bytes of 人 (E4 BA BA)
pre=${spec%%人*}
out trunc-mid-utf8 "$pre${spec:${#pre}:2}"
out trunc-mid-arrow "$ok"$'\nprocess q { start s; end e; s -'
out trunc-mid-escape "$ok"$'\nprocess q { start s "a\\'
out trunc-mid-u-escape "$ok"$'\nprocess q { start s "a\\u{4E'
out trunc-mid-cquote "$ok"$'\nprocess q { start s “开始'
out trunc-handbook 'handbook "质量手册" {'
out trunc-handbook-meta 'handbook "质量手册" { company'
out trunc-import 'import'
out trunc-import-path 'import "lib/common'
out trunc-comment '# 只有注释，没有流程'

# --- invalid UTF-8 ---
outf utf8-overlong-slash 'process p { start s "a\xC0\xAFb"; end e; s -> e }\n'
outf utf8-overlong-3 'process p { start s "\xE0\x80\xAF"; end e; s -> e }\n'
outf utf8-overlong-4 'process p { start s "\xF0\x80\x80\xAF"; end e; s -> e }\n'
outf utf8-surrogate 'process p { start s "\xED\xA0\x80"; end e; s -> e }\n'
outf utf8-surrogate-low 'process p { start s\xED\xB0\x80; end e; s -> e }\n'
outf utf8-f5 'process p { start s "\xF5\x80\x80\x80"; end e; s -> e }\n'
outf utf8-ff-fe 'process p {\n  \xFF\xFE\n  start s; end e; s -> e\n}\n'
outf utf8-above-max 'process p { start s "\xF4\x90\x80\x80"; end e; s -> e }\n'
outf utf8-lone-continuation 'process p { start s \x80; end e; s -> e }\n'
outf utf8-continuation-run 'process p { start s "\x80\x81\x82\x83\xBF"; end e; s -> e }\n'
outf utf8-truncated-4 'process p { start s "\xF0\x9F\x98"; end e; s -> e }\n'
outf utf8-truncated-4-eof 'process p { start s; end e; s -> e }\n\xF0\x9F\x98'
outf utf8-truncated-3-id 'process p { start \xE5\xBC; end e; s -> e }\n'
outf utf8-in-comment '# \xC0\xAF\xED\xA0\x80\n%s\n' "$ok"
outf utf8-in-cquote 'process p { start s \xE2\x80\x9C\xE5\xBC\xE2\x80\x9D; end e; s -> e }\n'
outf utf8-latin1 'process p { start s "d\xE9but"; end e; s -> e }\n'
outf utf8-gbk 'process p { start s "\xBF\xAA\xCA\xBC"; end e; s -> e }\n'
outf utf16le '\xFF\xFEp\0r\0o\0c\0e\0s\0s\0 \0p\0 \0{\0}\0\n\0'
outf utf16be '\xFE\xFF\0p\0r\0o\0c\0e\0s\0s\0 \0p\0 \0{\0}\0\n'
outf utf16le-no-bom 'p\0r\0o\0c\0e\0s\0s\0 \0p\0 \0{\0}\0\n\0'

# --- NUL bytes, control characters, line ends ---
outf nul-first '\0%s\n' "$ok"
outf nul-in-string 'process p { start s "a\0b"; end e; s -> e }\n'
outf nul-in-comment '# a\0b\n%s\n' "$ok"
outf nul-in-name 'process p { start s\0t; end e; s -> e }\n'
head -c 1000 /dev/zero > bad-nul-1000.flow
outf nul-ff '\0\xFF'
outf control-chars 'process p { start s "a\x01\x1B[31m\x7F"; end e; s -> e \x07}\n'
outf raw-tab-in-string 'process p { start s "a\tb"; end e; s -> e }\n'
printf '%s' "${spec//$'\n'/$'\r'}" | sed 's/"开始"/"开始/' > bad-cr-only.flow
printf 'process p {\r  start s "开始\r  end e\r  s -> x\r}\r' > bad-cr-only-error.flow
printf '# note\rprocess p {\r  start s # comment\r  end e\r  s -> x\r}\r' > bad-cr-only-comment.flow
printf '%s\r\n' "process p {" "  start s \"开始" "  end e" "  s -> e" "}" > bad-crlf-unclosed.flow
printf 'process p {\r\n  start s\n  end e\r  s -> x\n}\n' > bad-mixed-line-ends.flow

# --- long lines, labels and names ---
long=$(printf '%*s' 102400 '' | tr ' ' 'x')
zh=$(printf '%*s' 40000 '' | sed 's/ /长/g')
out long-label "process p { start s \"$long\"; end e; s -> e }"$'\n'
out long-label-zh "process p { start s \"$zh\"; end e; s -> e }"$'\n'
out long-name "process p { start s$long; end e; s -> e }"$'\n'
out long-name-zh "process p { start $zh; end e; $zh -> e }"$'\n'
out long-unclosed "process p { start s \"$long"
out long-comment "# $long$zh"$'\n'"$ok"$'\n'
out long-line-error "$ok $long \"x\" @"$'\n'
out long-cquote "process p { start s “$zh”; end e; s -> e }"$'\n'
out long-escapes "process p { start s \"$(printf '%*s' 20000 '' | sed 's/ /\\n/g')\"; end e; s -> e }"$'\n'

# --- nesting and repetition ---
out braces-10000 "process p $(printf '%*s' 10000 '' | tr ' ' '{')"
out braces-close "$(printf '%*s' 10000 '' | tr ' ' '}')$ok"
out braces-empty-pairs "process p { $(printf '%*s' 5000 '' | sed 's/ /{}/g') start s; end e; s -> e }"
out bodies-nested 'process p { start s { task a { task b { end e } } } }'
out processes-nested 'process p { process q { process r { start s; end e; s -> e } } }'
out semicolons "$(printf '%*s' 50000 '' | tr ' ' ';')$ok"
out arrows-only "process p { start s; end e; $(printf '%*s' 10000 '' | sed 's/ /-> /g') }"
chain=$(seq 1 100000 | sed 's/^/n/' | tr '\n' ' ' | sed 's/ $//; s/ / -> /g')
out chain-100000 "process p { owner \"o\"; code \"C-1\"; start n1; end n100000; $chain }"$'\n'
# Runs of word bytes cut at every character (flex must not rescan them):
# 100,000 stray full-width commas, 300,000 invalid bytes, and a chain of
# 20,000 steps written with full-width arrows and no spaces.
out punct-run-100000 "process p { $(printf '、%.0s' $(seq 100000)) }"$'\n'
{ printf 'process p { '; head -c 300000 /dev/zero | tr '\0' '\377'; printf ' }\n'; } > bad-invalid-run-300000.flow
arrows=$(seq 1 20000 | sed 's/^/n/' | tr '\n' ' ' | sed 's/ $//; s/ /→/g')
decls=$(seq 2 19999 | sed 's/^/task n/' | tr '\n' ';')
out arrow-run-20000 "process p { owner \"o\"; code \"C-1\"; start n1; end n20000; $decls $arrows }"$'\n'
out chain-label "process p { start s; task a; end e; s -> a -> e : \"chain label\" }"
seq 1 20000 | awk '{ printf "process p%d { start s; end e; s -> e }\n", $1 }' > bad-processes-20000.flow
seq 1 20000 | awk '{ printf "process p { start s%d }\n", $1 }' > bad-duplicate-processes.flow
{ echo 'process p { owner "o"; code "C-1"'; seq 1 50000 | awk '{ printf "  task t%d\n", $1 }'; echo '}'; } > bad-nodes-50000.flow
{ echo 'process p {'; seq 1 1000 | awk '{ printf "  task ; @ %d\n", $1 }'; echo '}'; } > bad-many-syntax-errors.flow
{ echo 'process p { start s; end e; s -> e'; seq 1 1000 | awk '{ printf "  s -> x%d\n", $1 }'; echo '}'; } > bad-many-undefined.flow
{ echo 'process p { start s; decision d {'; seq 1 5000 | awk '{ printf "  \"b%d\" -> e\n", $1 % 2 }'; echo '}; end e; s -> d }'; } > bad-many-branches.flow
{ echo 'process p { owner "o"; code "C-1"; start s; end e; s -> a1'; seq 1 20000 | awk '{ printf "  task a%d; a%d -> a%d\n", $1, $1, $1 % 20000 + 1 }'; echo '}'; } > bad-loop-20000.flow
seq 1 10000 | awk '{ printf "process p%d { owner \"o\"; code \"C\"; start s; call c { process p%d }; end e; s -> c -> e }\n", $1, $1 }' > bad-call-self-10000.flow
seq 1 30 | awk '{ printf "process p%d { owner \"o\"; code \"C\"; start s; call c { process p%d }; end e; s -> c -> e }\n", $1, $1 % 30 + 1 }' > bad-call-ring-30.flow

# --- labels made of escapes and markup ---
out escapes-label 'process p { start s "\"\\\n\t\u{4E2D}\u{1F600}\\\\\\\"" ; end e; s -> e }'
out escapes-invalid 'process p { start s "\u{0}\u{D800}\u{110000}\u{FFFFFF}\u{}\u41\x41\e\0"; end e; s -> e }'
out escape-lone-surrogate-pair 'process p { start s "\u{D83D}\u{DE00}"; end e; s -> e }'
out markup-label 'process p { owner "</title><script>alert(1)</script>"; code "]]><!--&amp;"; start s "<svg onload=alert(1)>&#x41;"; end e "${PATH} $(id) `id`"; s -> e : "<a href=\"javascript:alert(1)\">x</a>" }'
out markup-duplicate-branch 'process p { start s; decision d { "<b>\u{1B}[2J" -> e; "<b>\u{1B}[2J" -> e }; end e; s -> d }'
out control-in-message 'process p { start s; decision d { "\t" -> e; "\n" -> e; "" -> e }; end e; s -> d }'

# --- reserved words where names belong ---
kws="import handbook process lane phase start end task decision call document data store manual wait fork join in owner code version author reviewer approver effective purpose scope revision term title company form input output note risk control within system consult inform"
{ for k in $kws; do echo "process $k { start s; end e; s -> e }"; done; } > bad-reserved-process-ids.flow
{ echo 'process p {'; for k in $kws; do echo "  task $k"; done; echo '}'; } > bad-reserved-node-ids.flow
{ echo 'process p {'; for k in $kws; do echo "  lane $k"; done; echo '}'; } > bad-reserved-lane-ids.flow
{ echo 'process p { start s; task a; end e'; for k in $kws; do echo "  a -> $k"; done; echo '}'; } > bad-reserved-edge-ends.flow
out reserved-branch 'process p { start s; decision d { task -> e; end -> e }; end e; s -> d }'

# --- full-width punctuation ---
fw=$spec
fw=${fw//\{/｛}; fw=${fw//\}/｝}; fw=${fw//->/－＞}; fw=${fw//\"/＂}
out fullwidth-spec "$fw"
out fullwidth-arrow 'process p { start s; end e; s －＞ e }'
out fullwidth-half-arrow 'process p { start s; end e; s －> e; s -＞ e }'
out fullwidth-colon 'process p { start s; end e; s -> e ： "是" }'
out fullwidth-quotes 'process p { start s ＂开始＂; end e 「结束」; s -> e }'
out fullwidth-space-name 'process p　{　start　s；end　e；s　->　e　}'
out cquote-mismatch 'process p { start s ”开始“; end e “结束"; s -> e }'

# --- byte-order marks ---
out bom-middle "$ok"$'\n\xEF\xBB\xBF'"$ok"
out bom-twice $'\xEF\xBB\xBF\xEF\xBB\xBF'"$ok"
out bom-only $'\xEF\xBB\xBF'
out bom-in-name $'process p { start s\xEF\xBB\xBFt; end e; s -> e }'
out zero-width-name $'process p { start s\xE2\x80\x8Bt; end e; s -> e }'
out rtl-override $'process p { start s "\xE2\x80\xAEevil"; end e; s -> e \xE2\x80\xAE}'

# --- empty and near-empty ---
: > bad-empty.flow
out whitespace-only $'  \n\t\r\n　\n'
out process-no-body 'process p'
out process-no-id 'process { start s; end e; s -> e }'
out process-string-id 'process "p" { start s; end e; s -> e }'
out number-id 'process 2p { start 1s; end e; 1s -> e }'
out stray-tokens ': ; -> } { "x" 2026-01-01 3d'
out dash-alone 'process p { start s; end e; s - e }'

# --- dates, durations, numbers ---
out date-invalid 'process p { effective 2026-02-30; revision "1" 2026-13-01 "x"; revision "2" 0000-00-00 "y"; start s; end e; s -> e }'
out date-huge 'process p { effective 99999999999999999999-01-01; start s; end e; s -> e }'
out date-leap 'process p { effective 2100-02-29; revision "1" 2000-02-29 "ok"; start s; end e; s -> e }'
out duration-huge 'process p { start s; task a { within 99999999999999999999999d }; end e; s -> a -> e }'
out duration-unit 'process p { start s; task a { within 3x }; task b { within 3 }; task c { within d3 }; end e; s -> a -> b -> c -> e }'
out duration-zero 'process p { start s; task a { within 0min }; end e; s -> a -> e }'

# --- imports ---
out import-passwd 'import "/etc/passwd"'$'\n'"$ok"
out import-dir 'import "lib"'$'\n''import "."'$'\n''import "lib/"'$'\n'"$ok"
out import-self 'import "bad-import-self.flow"'$'\n'"$ok"
out import-self-dotted 'import "./lib/../bad-import-self-dotted.flow"'$'\n'"$ok"
out import-missing 'import "lib/bad/no-such-file.flow"'$'\n'"$ok"
out import-empty 'import ""'$'\n'"$ok"
out import-no-string 'import lib'$'\n'"$ok"
out import-dev-null 'import "/dev/null"'$'\n'"$ok"
out import-dotdot 'import "../../../../../../../../etc/hostname"'$'\n'"$ok"
for i in $(seq 1 50); do
  f=$(printf 'lib/bad/chain-%02d.flow' "$i")
  if [ "$i" -lt 50 ]; then printf 'import "chain-%02d.flow"\n' $((i + 1)) > "$f"; else : > "$f"; fi
  printf 'process c%d { start s; end e; s -> e }\n' "$i" >> "$f"
done
out import-chain-50 'import "lib/bad/chain-01.flow"'$'\n'"$ok"
for i in $(seq 1 70); do
  f=$(printf 'lib/bad/deep-%02d.flow' "$i")
  if [ "$i" -lt 70 ]; then printf 'import "deep-%02d.flow"\n' $((i + 1)) > "$f"; else : > "$f"; fi
done
out import-chain-70 'import "lib/bad/deep-01.flow"'$'\n'"$ok"
printf 'process c1 { start s; end e; s -> e }\n' > lib/bad/dup.flow
out import-twice 'import "lib/bad/dup.flow"'$'\n''import "lib/bad/dup.flow"'$'\n''import "./lib/bad/dup.flow"'$'\n'"$ok"
printf 'process q { start s "unclosed\n' > lib/bad/broken-string.flow
out import-broken 'import "lib/bad/broken-string.flow"'$'\n'"$ok"
printf '\xEF\xBB\xBF\0\xFF' > lib/bad/binary.flow
out import-binary 'import "lib/bad/binary.flow"'$'\n'"$ok"
out import-in-process 'process p { import "lib/common.flow"; start s; end e; s -> e }'
out import-after-process "$ok"$'\nimport "lib/bad/dup.flow"\n'

# --- meta and structure misuse ---
out meta-twice 'process p { owner "a"; owner "b"; code "1"; code "2"; start s; end e; s -> e }'
out meta-no-value 'process p { owner; code 3; effective "2026-01-01"; start s; end e; s -> e }'
out handbook-twice 'handbook { title "a" }'$'\n''handbook { title "b" }'$'\n'"$ok"
out handbook-nodes 'handbook { start s; end e; s -> e }'
out lane-in-lane 'process p { lane a "A" in b; start s in a; end e in nowhere; s -> e }'
out node-body-in-edge 'process p { start s; end e; s -> e { form "x" } }'
out call-self 'process p { start s; call p; end e; s -> p -> e }'
out call-attrs 'process p { start s; task t { process q }; call c { process 1 }; end e; s -> t -> c -> e }'
out edge-label-twice 'process p { start s; end e; s -> e : "a" : "b" }'
out branch-outside 'process p { start s; end e; 是 -> e; s -> e }'
out self-loop 'process p { start s; task a; end e; s -> a -> a -> e }'

n=$(ls bad-*.flow | wc -l)
echo "gen-bad.sh: $n cases"
