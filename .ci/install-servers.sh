#!/usr/bin/env bash
# Servers the store tests run against. The tests start and stop them themselves
# (tests/servers.py: 127.0.0.1, free ports, temporary folders).
#  - Virtuoso: Debian's virtuoso-opensource, installed here if absent (the only network use).
#  - Oxigraph: the `oxigraph` PyPI package, installed by `pip install -e '.[test]'`; only checked.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v virtuoso-t >/dev/null 2>&1 && { command -v isql-vt >/dev/null 2>&1 || command -v isql >/dev/null 2>&1; }; then
  echo "install-servers: virtuoso-t already installed"
else
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "install-servers: installing virtuoso-opensource from Debian"
  $SUDO apt-get update -qq
  # Debconf may ask for the dba password; noninteractive keeps the package default.
  # The package's own service is not used (tests run their own instance), and in a container
  # without an init system it does not start.
  $SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
  command -v virtuoso-t >/dev/null || { echo "install-servers: virtuoso-t missing after install" >&2; exit 1; }
fi

if [ -x .venv/bin/oxigraph ] || command -v oxigraph >/dev/null 2>&1; then
  echo "install-servers: oxigraph found"
else
  echo "install-servers: warning: no oxigraph binary; pip install -e '.[test]' provides it" >&2
fi
