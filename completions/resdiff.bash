# bash completion for resdiff                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/resdiff by cmake --install.

_resdiff_revisions() {
    git for-each-ref --format='%(refname:short)' refs/heads refs/tags refs/remotes 2>/dev/null
    printf '%s\n' HEAD HEAD~1 HEAD~2
}

_resdiff() {
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="diff parse check git extdiff textconv history help"

    cmd=diff
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            diff|parse|check|git|extdiff|textconv|history) cmd=${COMP_WORDS[i]}; break ;;
            -*) ;;
            *) break ;;
        esac
    done

    case $prev in
        -f|--format)
            case $cmd in
                parse) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
                check) COMPREPLY=($(compgen -W "terminal json markdown" -- "$cur")) ;;
                history) COMPREPLY=($(compgen -W "terminal json html" -- "$cur")) ;;
                *) COMPREPLY=($(compgen -W "terminal json html markdown docx" -- "$cur")) ;;
            esac
            return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --ignore) COMPREPLY=($(compgen -W "routine citation qualifier lead" -- "$cur")); return ;;
        --annotations) COMPREPLY=($(compgen -W "github" -- "$cur")); return ;;
        -r|--rules) COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur")); compopt -o plusdirs 2>/dev/null; return ;;
        -o|--output|--junit|--report) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --width|--max-input) return ;;
    esac

    if [[ $COMP_CWORD -eq 1 && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        COMPREPLY+=($(compgen -f -- "$cur"))
        return
    fi

    local common="--help --format --output --color"
    case $cmd in
        diff) opts="$common --context --ignore --width --max-input --docx-view" ;;
        parse) opts="--help --format --output --max-input" ;;
        check) opts="$common --rules --annotations --junit --report --max-input" ;;
        git) opts="$common --context --ignore --width --max-input --rules --annotations --junit --report" ;;
        textconv) opts="--help --lines --max-input" ;;
        history) opts="$common --blame --keep-order --keep-all --width --max-input --git" ;;
        *) opts="--help" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    if [[ $cmd == git ]]; then
        local after_dashes=0
        for ((i = 1; i < COMP_CWORD; i++)); do [[ ${COMP_WORDS[i]} == -- ]] && after_dashes=1; done
        if ((after_dashes)); then
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_resdiff_revisions)" -- "$cur"))
        fi
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
}

complete -F _resdiff resdiff
