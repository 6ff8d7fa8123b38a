#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 for the store tests, installing
# and starting Debian's if there is none, and prints the URL the tests should use.
# The tests never skip PostgreSQL: if this cannot provide it, it fails loudly.
set -euo pipefail
say() { printf 'postgres: %s\n' "$*" >&2; }

url="${POSTGRES_TEST_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
can_connect() { psql "$1" -qtAc 'SELECT 1' >/dev/null 2>&1; }

if ! command -v pg_ctlcluster >/dev/null || ! command -v psql >/dev/null; then
  say "installing PostgreSQL from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  say "starting PostgreSQL"
  for version in $(ls /etc/postgresql | sort -V); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
  done
fi
pg_isready -q -h 127.0.0.1 -p 5432 || { say "PostgreSQL did not start on 127.0.0.1:5432"; exit 1; }

if ! can_connect "$url"; then
  # A fresh Debian install asks for a password over TCP: give the tests a role of their own
  # that may create (and so drop) its own databases, rather than touching anyone else's.
  say "creating the portal_test role"
  su postgres -c "psql -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_test') THEN CREATE ROLE portal_test LOGIN CREATEDB PASSWORD 'portal_test'; END IF; END \\\$\\\$;\""
  url="postgres://portal_test:portal_test@127.0.0.1:5432/postgres"
  can_connect "$url" || { say "cannot connect to PostgreSQL as portal_test"; exit 1; }
fi
echo "$url"
