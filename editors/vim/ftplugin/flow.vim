" flowc .flow files: '#' comments, two-space indent, :make runs
" `flowc check` on the file, :FlowFmt puts the buffer in the layout of
" `flowc fmt` (left as it is, with the errors shown, if it does not parse).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s comments=:#
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword=@,48-57,_,192-255
setlocal makeprg=flowc\ check\ %
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%-G%.%#

command! -buffer FlowFmt call s:fmt()
if !exists('*s:fmt')
  function s:fmt() abort
    let out = systemlist('flowc fmt -', getline(1, '$'))
    if v:shell_error
      echohl ErrorMsg | echo join(out, "\n") | echohl None
      return
    endif
    let view = winsaveview()
    call setline(1, out)
    if line('$') > len(out)
      silent execute (len(out) + 1) . ',$delete _'
    endif
    call winrestview(view)
  endfunction
endif

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword< makeprg< errorformat<'
      \ . ' | delcommand -buffer FlowFmt'
