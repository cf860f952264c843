#!/usr/bin/env bash
# Servers the store tests run against, and the browser the report test opens pages in. The tests
# start and stop them themselves (tests/servers.py: 127.0.0.1, free ports, temporary folders).
#  - Virtuoso: Debian's virtuoso-opensource, installed here if absent (network use).
#  - Chromium: Debian's chromium, installed here if absent (tests/test_report.py runs it headless).
#  - Oxigraph: the `oxigraph` PyPI package, installed by `pip install -e '.[test]'`; only checked.
set -euo pipefail
cd "$(dirname "$0")/.."

# apt_install PACKAGE COMMAND...: install PACKAGE from Debian unless every COMMAND is on the PATH.
apt_install() {
  local package=$1; shift
  local missing=""
  for cmd in "$@"; do command -v "$cmd" >/dev/null 2>&1 || missing="$cmd"; done
  if [ -z "$missing" ]; then
    echo "install-servers: $package already installed"
    return
  fi
  local sudo=""
  if [ "$(id -u)" != "0" ]; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "install-servers: installing $package from Debian"
  $sudo apt-get update -qq
  # Debconf may ask questions (Virtuoso's dba password); noninteractive keeps the defaults.
  # A package's own service is not used (tests run their own instance), and in a container
  # without an init system it does not start.
  $sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
  command -v "$1" >/dev/null || { echo "install-servers: $1 missing after installing $package" >&2; exit 1; }
}

if command -v isql-vt >/dev/null 2>&1; then apt_install virtuoso-opensource virtuoso-t isql-vt
else apt_install virtuoso-opensource virtuoso-t isql; fi
apt_install chromium chromium

if [ -x .venv/bin/oxigraph ] || command -v oxigraph >/dev/null 2>&1; then
  echo "install-servers: oxigraph found"
else
  echo "install-servers: warning: no oxigraph binary; pip install -e '.[test]' provides it" >&2
fi
