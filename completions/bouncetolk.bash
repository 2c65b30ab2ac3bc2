# bash completion for bouncetolk                                    -*- shell-script -*-
# SPDX-License-Identifier: MIT
_bouncetolk() {
  local cur prev
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  # "--format=js": bash splits it at "=" (COMP_WORDBREAKS) into --format, =, js; without "=" in
  # COMP_WORDBREAKS it stays one word, and the candidates keep their "--format=".
  local prefix=""
  if [[ "$prev" == "=" && $COMP_CWORD -ge 2 ]]; then
    prev="${COMP_WORDS[COMP_CWORD-2]}"
  elif [[ "$cur" == --*=* ]]; then
    prev="${cur%%=*}"
    prefix="$prev="
    cur="${cur#*=}"
  fi
  local values=""
  case "$prev" in
    -f|--format) values="text brief json jsonl csv tsv" ;;
    --input-format) values="mail jsonl" ;;
    --lang) values="nl en" ;;
    --color) values="auto always never" ;;
    --rules) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --files-from) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -j|--jobs|--since|--label|--max-size|--max-depth|--max-header|--max-recipients) return ;;
    rules) COMPREPLY=($(compgen -W "check dump" -- "$cur")); return ;;
    check) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    explain) return ;;
  esac
  if [[ -n "$values" ]]; then
    COMPREPLY=($(compgen -P "$prefix" -W "$values" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "-h --help --version -f --format --lang --rules --color --example --reply
      --brief -r --recursive --files-from -0 --null --input-format --label -j --jobs -q --quiet
      --summary --suppress --since --max-size --max-depth --max-header --max-recipients" -- "$cur"))
    return
  fi
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "explain rules" -- "$cur") $(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _bouncetolk bouncetolk
