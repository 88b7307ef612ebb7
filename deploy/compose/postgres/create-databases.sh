#!/usr/bin/env bash
# Creates each service's database, owned by a login role of its own that no other service's role can connect to.
#
# Run once by the postgres image, on the first start with an empty data volume, from /docker-entrypoint-initdb.d: as
# the superuser $POSTGRES_USER, with each role's password in the environment docker-compose.yml gives the container.
# psql takes the server from the environment (a Unix socket in the image; PGHOST and PGPORT elsewhere), so the same
# script runs against any PostgreSQL: ComposeConformanceIT runs it against the test's own server.
set -euo pipefail

create_database() {
  local database=$1 role=$2 password=$3
  # psql variables, not string concatenation: :"name" is quoted as an identifier and :'name' as a literal.
  psql --no-psqlrc --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    --set database="$database" --set role="$role" --set password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
-- Every role may connect to a new database until this: the services share the server, not each other's data.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_database orders order_service "${ORDER_SERVICE_DB_PASSWORD:?}"
create_database inventory inventory_service "${INVENTORY_SERVICE_DB_PASSWORD:?}"
create_database payments payment_service "${PAYMENT_SERVICE_DB_PASSWORD:?}"
create_database emails email_service "${EMAIL_SERVICE_DB_PASSWORD:?}"
create_database analytics analytics_service "${ANALYTICS_SERVICE_DB_PASSWORD:?}"
