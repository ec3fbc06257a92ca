# flowc as git's diff driver for *.flow (.gitattributes + diff.flow.command)
set -e
top=$PWD tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
cd "$tmp"
git init -q repo && cd repo
mkdir flows
cp "$top/tests/cli/diff/old/expense.flow" flows/
echo '*.flow diff=flow' > .gitattributes
git config diff.flow.command "$FLOWC diff --git-driver"
git add -A && git commit -qm v1
cp "$top/tests/cli/diff/new/expense.flow" flows/
echo "== working tree against HEAD"
git diff | head -6
git commit -qam v2
echo "== two commits (both sides temporary files)"
git diff HEAD~1 HEAD -- flows/expense.flow | head -3
echo "== git show, a new file"
printf 'process p {\n code "P" owner "o"\n start s\n end e\n s -> e\n}\n' > flows/new.flow
git add flows/new.flow && git commit -qm v3
git show --ext-diff --format= HEAD
echo "== the 7 arguments without --git-driver"
git config diff.flow.command "$FLOWC diff"
git diff --ext-diff HEAD~2 HEAD~1 | tail -2
