# The Vim files of editors/vim: *.flow is detected as filetype flow, the
# ftplugin sets comments and makeprg, and :FlowFmt formats the buffer
# with flowc fmt; the syntax file gives each kind of word its group, on
# the annotated sample of the VS Code grammar. Vim runs headless without
# the user's vimrc.
command -v vim >/dev/null || { echo "no vim"; exit 0; }
out=$(mktemp)
cat > "$out.vim" <<VIM
set nocompatible
let &rtp = '$PWD/editors/vim,' . &rtp
filetype plugin on
syntax on
edit editors/vscode/test/sample.test.flow
let out = ['filetype=' . &filetype, 'commentstring=' . &commentstring, 'makeprg=' . &makeprg]
for [l, s] in [[2, 'import'], [2, '"common'], [5, 'process'], [10, 'owner'], [10, '# a'], [13, '2026'],
             \ [20, 'task'], [20, '\\"'], [20, '\\u{'], [20, '\\q'], [20, ' in '], [16, '“'], [31, 'within'],
             \ [31, '3wd'], [36, '5工'], [41, '->'], [41, '→'], [41, ';'], [49, ':']]
  let c = stridx(getline(l), s) + 1 + (s[0] == ' ')
  call add(out, l . ' ' . s . ' ' . synIDattr(synID(l, c, 1), 'name'))
endfor
new
setfiletype flow
call setline(1, ['process p{start s;end e', 's->e}'])
FlowFmt
call extend(out, ['FlowFmt:'] + getline(1, '\$'))
call writefile(out, '$out')
qall!
VIM
PATH=$(dirname "$FLOWC"):$PATH timeout 20 vim -Nu NONE -es -S "$out.vim" </dev/null; echo "vim: $?"
cat "$out"
rm -f "$out" "$out.vim"
