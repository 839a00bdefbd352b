# Sourced by the scripts in scripts/: installs Debian packages that are missing, quietly and
# without starting services. Idempotent: with everything installed it runs no apt-get at all.

# Prints the packages among "$@" that dpkg does not report as installed.
missing_packages() {
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
            printf '%s\n' "$package"
        fi
    done
}

# Installs the packages among "$@" that are missing (as root, noninteractive).
ensure_packages() {
    local missing
    missing=$(missing_packages "$@")
    if [[ -z "$missing" ]]; then
        return 0
    fi
    # shellcheck disable=SC2086 # word splitting of the package list is wanted
    set -- $missing
    if [[ $(id -u) -ne 0 ]]; then
        echo "error: missing Debian packages: $*; run as root to install them" >&2
        return 1
    fi
    echo "installing: $*"
    export DEBIAN_FRONTEND=noninteractive
    # Postfix: write no main.cf and configure nothing; tests run private instances only.
    echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
    # policy-rc.d exit 101 keeps invoke-rc.d from starting any service during the install.
    local policy=/usr/sbin/policy-rc.d created_policy=false
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        created_policy=true
    fi
    local status=0
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" || status=$?
    if [[ $created_policy == true ]]; then
        rm -f "$policy"
    fi
    if [[ $status -ne 0 ]]; then
        echo "error: apt-get install failed ($status)" >&2
        return "$status"
    fi
    # Nothing may listen afterwards: stop the system instance if a package script started it anyway.
    if printf '%s\n' "$@" | grep -qx postfix && command -v postfix >/dev/null \
        && postfix status >/dev/null 2>&1; then
        postfix stop >/dev/null 2>&1 || true
    fi
}
