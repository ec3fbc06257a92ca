# process substitution: the pipe is named after the file it stands for
"$FLOWC" diff <(cat tests/cli/diff/old/expense.flow) tests/cli/diff/new/expense.flow | head -3
"$FLOWC" diff tests/cli/diff/old/expense.flow <(cat tests/cli/diff/new/expense.flow) | head -2
# an error in the old version is shown under that name
"$FLOWC" diff <(sed 's/开始 -> 填单/开始 -> 填/' tests/cli/diff/old/expense.flow) tests/cli/diff/new/expense.flow
