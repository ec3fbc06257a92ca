" Vim syntax file for flowc .flow files: keywords, node kinds, properties,
" attributes, texts with escapes, Chinese quotes, dates, durations,
" arrows, comments.
if exists('b:current_syntax')
  finish
endif

syn keyword flowStatement import handbook process lane phase in
syn keyword flowKind start end task decision call document data store manual wait fork join
syn keyword flowProperty owner code version author reviewer approver effective purpose scope revision term title company
syn keyword flowAttribute form input output note risk control system consult inform within trigger every
" v1.1: the source a process was transcribed from, conditional steps, marks
syn keyword flowProperty source
syn keyword flowAttribute when added

syn match flowComment "#.*$" contains=@Spell
syn region flowString start=+"+ skip=+\\\\\|\\"+ end=+"\|$+ contains=flowEscape,flowBadEscape oneline
syn match flowBadEscape "\\." contained
syn match flowEscape +\\["\\nt]+ contained
syn match flowEscape "\\u{\x\{1,6}}" contained
syn region flowCnString start="“" end="”\|$" oneline
syn match flowDate "\<\d\{4}-\d\d-\d\d\>"
syn match flowDuration "\<\d\+\(\(min\|mo\|wd\|h\|d\|w\)\?[~～]\d\+\)\?\(min\|mo\|wd\|h\|d\|w\)\>"
syn match flowDuration "\<\d\+\(分钟\|小时\|工作日\|天\|周\|月\)"
syn match flowArrow "->\|→"
syn match flowPunct "[{}:;]"

hi def link flowStatement Statement
hi def link flowKind Type
hi def link flowProperty Identifier
hi def link flowAttribute PreProc
hi def link flowComment Comment
hi def link flowString String
hi def link flowCnString String
hi def link flowEscape SpecialChar
hi def link flowBadEscape Error
hi def link flowDate Number
hi def link flowDuration Number
hi def link flowArrow Operator
hi def link flowPunct Delimiter

let b:current_syntax = 'flow'
