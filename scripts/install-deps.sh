#!/usr/bin/env bash
# Installs the Debian packages the project builds, tests and benchmarks with, skipping those already present.
# Usage: scripts/install-deps.sh [--bench]
set -euo pipefail

# libxml2-dev builds the DocBook code; docbook5-xml is the schema the tests validate against; jing, pandoc,
# xsltproc with docbook-xsl-ns and xmllint (libxml2-utils) are the toolchain the end-to-end test and benchmark use.
packages=(libsqlite3-dev libxml2-dev pkg-config curl jq python3 diffutils patch git
    docbook5-xml jing pandoc xsltproc docbook-xsl-ns libxml2-utils)
if [ "${1:-}" = "--bench" ]; then packages+=(wrk sqlite3 hyperfine time); fi

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
