#!/usr/bin/env bash
# Installs the Debian packages the local stack (`weir stack up`) and the tests need.
# Idempotent: installs only what is missing and runs `apt-get update` only then.
# Services are kept from starting during install (policy-rc.d): the stack runs its own
# instances on other ports, and a system PostgreSQL/MariaDB/ClickHouse left running on
# the default ports would only waste memory and confuse whoever debugs a failed start.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

PACKAGES=(
  openjdk-17-jdk-headless # Flink, Kafka, the SQL runner
  maven                   # builds the SQL runner, fetches Flink/Kafka jars
  postgresql              # CDC source/sink (wal_level=logical)
  postgresql-client       # psql: health checks and seeding
  mariadb-server          # mysql-cdc source (binlog ROW)
  mariadb-client          # mariadb client: health checks and seeding
  clickhouse-server       # ClickHouse datasource and sink
  openssh-server          # stands in for a YARN edge node
  openssh-client          # ssh/scp used by the SSH tests
  openssl                 # the TLS test makes a private CA and a server certificate
  chromium                # Playwright end-to-end tests of the workbench
  fonts-noto-cjk          # Chinese glyphs in screenshots
  procps                  # ps/pgrep used when debugging daemons
  ca-certificates
)
# In Debian, clickhouse-client is its own package in some releases and part of
# clickhouse-server's dependencies in others: install it only where it exists.
OPTIONAL_PACKAGES=(clickhouse-client)

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-system-deps: not root and sudo is missing; run as root" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done

updated=no
apt_update() {
  if [ "$updated" = no ]; then
    echo "install-system-deps: apt-get update"
    "${SUDO[@]}" apt-get update -qq
    updated=yes
  fi
}

for pkg in "${OPTIONAL_PACKAGES[@]}"; do
  installed "$pkg" && continue
  if ! apt-cache show "$pkg" >/dev/null 2>&1; then
    apt_update
  fi
  if apt-cache show "$pkg" >/dev/null 2>&1; then
    missing+=("$pkg")
  else
    echo "install-system-deps: $pkg is not available here; skipping (optional)"
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
apt_update

# Forbid services from starting during install, unless a policy already exists
# (container images usually ship one that does the same).
POLICY=/usr/sbin/policy-rc.d
created_policy=no
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\n# written by weir install-system-deps.sh for the duration of apt-get\nexit 101\n' |
    "${SUDO[@]}" tee "$POLICY" >/dev/null
  "${SUDO[@]}" chmod 0755 "$POLICY"
  created_policy=yes
fi
cleanup() {
  if [ "$created_policy" = yes ]; then "${SUDO[@]}" rm -f "$POLICY"; fi
}
trap cleanup EXIT

"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

# Where systemd runs, units enabled on install may start despite policy-rc.d at the next
# boot: stop and disable the database servers this run installed (never ones that were
# there before, and never sshd, which the machine's owner may rely on).
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  for pair in postgresql:postgresql mariadb-server:mariadb clickhouse-server:clickhouse-server; do
    pkg=${pair%%:*} unit=${pair#*:}
    if [[ " ${missing[*]} " == *" $pkg "* ]]; then
      echo "install-system-deps: disabling the system $unit service (the stack runs its own)"
      "${SUDO[@]}" systemctl disable --now "$unit" >/dev/null 2>&1 || true
    fi
  done
fi

echo "install-system-deps: done"
