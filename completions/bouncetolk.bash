# bash completion for bouncetolk                                    -*- shell-script -*-
# SPDX-License-Identifier: MIT
_bouncetolk() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
    -f|--format) COMPREPLY=($(compgen -W "text brief json jsonl csv tsv" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "nl en" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --rules) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --files-from) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j|--jobs|--since|--max-size|--max-depth|--max-header|--max-recipients) return ;;
    rules) COMPREPLY=($(compgen -W "check dump" -- "$cur")); return ;;
    explain) return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "-h --help --version -f --format --lang --rules --color --example --reply
      --brief --verbose -r --recursive --files-from -0 --null -j --jobs -q --quiet --summary --suppress --since
      --max-size --max-depth --max-header --max-recipients" -- "$cur"))
    return
  fi
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "explain rules" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _bouncetolk bouncetolk
