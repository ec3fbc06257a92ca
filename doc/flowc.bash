# bash completion for flowc(1): commands, options, formats, .flow files
# and directories.
_flowc() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local cmd=${COMP_WORDS[1]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W 'check render manual serve stats diff fmt lsp --help --version' -- "$cur"))
    return
  fi
  case $prev in
    --format) case $cmd in
        check) COMPREPLY=($(compgen -W 'text json sarif' -- "$cur")) ;;
        stats|diff) COMPREPLY=($(compgen -W 'text json' -- "$cur")) ;;
      esac; return ;;
    -f) COMPREPLY=($(compgen -W 'svg png json dot pdf bpmn' -- "$cur")); return ;;
    --port|--host|--hours-per-day|--days-per-week) return ;;
    --root|--svg|--changes-since) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --font) COMPREPLY=($(compgen -f -X '!*.tt[fc]' -- "$cur") $(compgen -d -- "$cur")); return ;;
    -o|-p|--scale) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
      check) COMPREPLY=($(compgen -W '--format --werror --root --help' -- "$cur")) ;;
      render) COMPREPLY=($(compgen -W '-f -p -o --font --scale --no-embed-font --root --help' -- "$cur")) ;;
      manual) COMPREPLY=($(compgen -W '-p -o --changes-since --font --root --help' -- "$cur")) ;;
      serve) COMPREPLY=($(compgen -W '--port --host --open --root --help' -- "$cur")) ;;
      stats) COMPREPLY=($(compgen -W '--format -p --hours-per-day --days-per-week --root --help' -- "$cur")) ;;
      diff) COMPREPLY=($(compgen -W '--format --svg --font --git-driver --root --help' -- "$cur")) ;;
      fmt) COMPREPLY=($(compgen -W '-w --check --help' -- "$cur")) ;;
      lsp) COMPREPLY=($(compgen -W '--help' -- "$cur")) ;;
    esac
    return
  fi
  COMPREPLY=($(compgen -f -X '!*.flow' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _flowc flowc
