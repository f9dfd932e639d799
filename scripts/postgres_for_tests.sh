#!/bin/sh
# A local PostgreSQL for the store's PostgreSQL tests (`make postgres`; .ci/run calls it).
#
# As root on Debian: installs Debian's postgresql if missing, starts its cluster, and creates
# the role and database named in TEST_URL below (idempotent: run it again and it changes
# nothing). As anyone else it changes nothing and says how to enable the tests by hand.
# The tests run against PostgreSQL only when CONFLICT_TEST_DATABASE_URL is set.
# With --url it prints only that URL (nothing when it could not set one up), for .ci/run.
set -eu
ONLY_URL=false
[ "${1:-}" = --url ] && ONLY_URL=true

ROLE=conflict_test
TEST_URL="postgresql://$ROLE:$ROLE@localhost:5432/$ROLE"

how_to() {
  echo "PostgreSQL store tests: to run them, point CONFLICT_TEST_DATABASE_URL at a database whose"
  echo "role may create databases (each test makes its own), for example"
  echo "  export CONFLICT_TEST_DATABASE_URL=$TEST_URL"
  echo "(as root, \`make postgres\` installs and starts Debian's PostgreSQL with that role)."
}

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  $ONLY_URL || how_to
  exit 0
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# The newest cluster Debian created (the package makes one, <version>/main); start it if down.
cluster=$(pg_lsclusters -h | sort -k1,1n | tail -n 1)
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
  pg_createcluster "$version" main >/dev/null
  cluster=$(pg_lsclusters -h | sort -k1,1n | tail -n 1)
fi
set -- $cluster
version=$1 name=$2 port=$3 status=$4
if [ "$status" != online ]; then
  pg_ctlcluster "$version" "$name" start >&2
fi

as_postgres() { su postgres -c "psql -p $port -qtAX -v ON_ERROR_STOP=1 -c \"$1\""; }
if [ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  as_postgres "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE'"
fi
# a test database is dropped WITH (FORCE): the role must be allowed to end the backends still
# on it, an autovacuum worker among them (else "must be a member of pg_signal_backend")
if [ "$(as_postgres "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = 'pg_signal_backend' AND r.rolname = '$ROLE'")" != 1 ]; then
  as_postgres "GRANT pg_signal_backend TO $ROLE"
fi
if [ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$ROLE'")" != 1 ]; then
  as_postgres "CREATE DATABASE $ROLE OWNER $ROLE"
fi
TEST_URL="postgresql://$ROLE:$ROLE@localhost:$port/$ROLE"
if $ONLY_URL; then
  echo "$TEST_URL"
  exit 0
fi
echo "PostgreSQL $version ($name) is up on port $port for the store tests:"
echo "  export CONFLICT_TEST_DATABASE_URL=$TEST_URL"
