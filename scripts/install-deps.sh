#!/usr/bin/env bash
# Installs the Debian packages the project needs, skipping those already present.
# Usage: scripts/install-deps.sh            what building and serving need
#        scripts/install-deps.sh --test     plus what the tests use
#        scripts/install-deps.sh --bench    plus what the tests and the benchmarks use
# With --test (and --bench) it also installs the Python packages of the browser tests and the fuzz suite
# (Tests/Browser/requirements.txt, Tests/Fuzz/requirements.txt, Tests/Links/requirements.txt,
# Tests/Translations/requirements.txt).
set -euo pipefail

# Building and serving: SQLite and libxml2 (DocBook export and import), found through pkg-config.
packages=(libsqlite3-dev libxml2-dev pkg-config)
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
    # The tests: curl, jq and python3 drive the end-to-end test; GNU diff, patch and git are the diff engine's
    # oracles; docbook5-xml is the schema exports are validated against; jing, pandoc, xsltproc with
    # docbook-xsl-ns and xmllint (libxml2-utils) are the DocBook toolchain the end-to-end test checks with.
    packages+=(curl jq python3 diffutils patch git docbook5-xml jing pandoc xsltproc docbook-xsl-ns libxml2-utils)
    # The browser tests: headless Chromium and its WebDriver, driven from Python (selenium, axe-selenium-python).
    packages+=(chromium chromium-driver)
fi
if [ "${1:-}" = "--bench" ]; then packages+=(wrk sqlite3 hyperfine time); fi

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}"
fi

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
    # The browser tests' packages, and schemathesis for the fuzz suite.
    tests="$(dirname "$0")/../Tests"
    requirements=(
        -r "$tests/Browser/requirements.txt" -r "$tests/Fuzz/requirements.txt" -r "$tests/Links/requirements.txt"
        -r "$tests/Translations/requirements.txt"
    )
    if ! python3 -c 'import selenium, axe_selenium_python, schemathesis, markdown_it, pytest, translate.storage.xliff' 2>/dev/null; then
        echo "installing: $(cat "$tests/Browser/requirements.txt" "$tests/Fuzz/requirements.txt" "$tests/Links/requirements.txt" "$tests/Translations/requirements.txt" | grep -v '^#' | tr '\n' ' ')"
        python3 -m pip install -q "${requirements[@]}" 2>/dev/null \
            || python3 -m pip install -q --break-system-packages "${requirements[@]}"
    fi
fi
