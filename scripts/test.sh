#!/usr/bin/env bash
# Runs every test of Redress: unit tests, integration tests against a real PostgreSQL,
# browser tests in Chromium, and the packaged application on its embedded database.
# Makes sure PostgreSQL (127.0.0.1:5432) and RabbitMQ (127.0.0.1:5672, for the broker tests)
# are up and Chromium is installed first.
# Extra arguments go to Maven, e.g. scripts/test.sh -Dtest=IntakeApiTests
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=127.0.0.1
PG_PORT=5432

postgres_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -h "$PG_HOST" -p "$PG_PORT" -q
  else
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

if ! postgres_up; then
  echo "PostgreSQL is not answering on $PG_HOST:$PG_PORT; starting it."
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
  fi
  for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
  postgres_up || { echo "PostgreSQL is not available on $PG_HOST:$PG_PORT. Install and start it (trust auth for user postgres)." >&2; exit 1; }
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

rabbit_up() {
  (exec 3<>"/dev/tcp/127.0.0.1/5672") 2>/dev/null
}

if ! rabbit_up; then
  echo "RabbitMQ is not answering on 127.0.0.1:5672; starting it (installing Debian's package if missing)."
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    as_root apt-get update -qq || true
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null || true
  fi
  as_root service rabbitmq-server start >/dev/null 2>&1 || (as_root rabbitmq-server -detached >/dev/null 2>&1 || true)
  for _ in $(seq 1 60); do rabbit_up && break; sleep 1; done
  rabbit_up || { echo "RabbitMQ is not available on 127.0.0.1:5672 (guest/guest). Install and start it." >&2; exit 1; }
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is needed for the browser tests; installing Debian's package."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Install Chromium first: apt-get install chromium" >&2
    exit 1
  fi
fi

# The tests name each database they create, with its server, in target/test-databases; they
# cannot drop them themselves (the application is still closing when the JVM exits), so this
# drops those on the local server once Maven is done. Those on another server
# (-Dredress.test.postgres=...) stay listed: the next test run against it drops them.
drop_test_databases() {
  [ -f target/test-databases ] || return 0
  local kept
  kept=$(mktemp)
  while IFS=$'\t' read -r name server; do
    if [[ "$name" == redress_test_* && "$server" == "jdbc:postgresql://$PG_HOST:$PG_PORT/" ]] \
        && psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -q \
             -c "drop database if exists \"$name\" with (force)" >/dev/null 2>&1; then
      continue
    fi
    printf '%s\t%s\n' "$name" "$server" >> "$kept"
  done < target/test-databases
  if [ -s "$kept" ]; then mv "$kept" target/test-databases; else rm -f "$kept" target/test-databases; fi
}
trap drop_test_databases EXIT

./mvnw -B verify "$@"
