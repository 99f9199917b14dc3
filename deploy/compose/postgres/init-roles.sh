#!/bin/bash
# First start of the database (the postgres image runs /docker-entrypoint-initdb.d/*.sh once, on an empty data
# directory; so does the local stand-in): one login role per service, owner of its schema and nothing else
# (docs/external-postgresql.md). Passwords come from <SCHEMA>_DB_PASSWORD, e.g. MARKET_DATA_DB_PASSWORD.
set -euo pipefail
sql=(-v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname "$POSTGRES_DB")
psql "${sql[@]}" -c "REVOKE ALL ON DATABASE \"$POSTGRES_DB\" FROM PUBLIC" -c "REVOKE ALL ON SCHEMA public FROM PUBLIC"
for schema in accounts trading market_data orchestration backtesting archive; do
  variable="${schema^^}_DB_PASSWORD"
  password="${!variable:?$variable must be set}"
  # psql's :'var' quoting keeps the password out of the SQL text's syntax
  psql "${sql[@]}" -v db="$POSTGRES_DB" -v role="aviary_$schema" -v schema="$schema" \
    -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
GRANT CONNECT ON DATABASE :"db" TO :"role";
CREATE SCHEMA :"schema" AUTHORIZATION :"role";
SQL
done
