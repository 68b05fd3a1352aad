#!/usr/bin/env bash
# Installs everything Weir needs on a fresh Debian/Ubuntu machine: the system packages of the
# local stack and the tests (JDK, Maven, PostgreSQL, MariaDB, ClickHouse, OpenSSH, Chromium),
# then the npm dependencies. Idempotent; safe to run before every `npm start` or `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v apt-get >/dev/null 2>&1; then
  bash scripts/install-system-deps.sh
else
  echo "install: no apt-get here; install the packages listed in scripts/install-system-deps.sh yourself" >&2
fi

# The Electron binary comes from GitHub, which air-gapped and CI machines cannot reach. Without
# it `npm start` opens the same workbench in the browser host; set WEIR_ELECTRON=1 to fetch it.
if [ "${WEIR_ELECTRON:-0}" != "1" ]; then
  export ELECTRON_SKIP_BINARY_DOWNLOAD=1
fi

if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] && [ "${CI:-}" != "true" ]; then
  echo "install: node_modules is up to date"
else
  npm ci --no-audit --no-fund
fi

# The alert tests send e-mail to a real SMTP server: aiosmtpd from PyPI, in its own venv.
PY_HOME="${WEIR_TEST_PYTHON_HOME:-/var/tmp/weir-test-python}"
if ! "$PY_HOME/bin/python" -c 'import aiosmtpd' >/dev/null 2>&1; then
  python3 -m venv "$PY_HOME" && "$PY_HOME/bin/pip" install -q 'aiosmtpd==1.4.6' \
    || echo "install: could not install aiosmtpd into $PY_HOME (needs python3-venv and PyPI); the e-mail alert test will fail" >&2
fi
