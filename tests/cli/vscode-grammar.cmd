# The TextMate grammar of editors/vscode on its annotated samples, with
# vscode-tmgrammar-test (npm, tests/editors: make test runs npm ci); the
# grammar without its duration rule must fail them.
t=tests/editors/node_modules/.bin/vscode-tmgrammar-test
[ -x "$t" ] || { echo "no $t: run make test (npm ci in tests/editors)"; exit 2; }
g=editors/vscode/syntaxes/flow.tmLanguage.json
"$t" -g "$g" 'editors/vscode/test/*.test.flow'; echo "exit $?"
broken=$(mktemp --suffix=.json)
jq 'del(.repository.duration)' "$g" > "$broken"
"$t" -g "$broken" 'editors/vscode/test/*.test.flow' | grep -c 'missing required scopes: constant.numeric.duration.flow'
echo "without durations: exit ${PIPESTATUS[0]}"
rm -f "$broken"
