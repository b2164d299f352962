#!/usr/bin/env bash
# The admin console's browser test: starts the service jar on a free port with a fresh database,
# creates an administrator, runs e2e/console.test.mjs in headless Chromium, then stops and drops both.
#
# Needs: a JDK 25, the jar (bootstrap/target/gatehouse.jar, built when missing), PostgreSQL, node + npm,
# Debian's chromium (apt-get install -y chromium). Settings (environment):
#   E2E_DB_HOST (127.0.0.1), E2E_DB_PORT (5432), E2E_DB_USER (postgres), E2E_DB_PASSWORD (empty): a role that
#   may create databases; E2E_PORT (a free one); SHOTS: a folder to write screenshots to (none by default).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)
fi
export JAVA_HOME
jar="${E2E_JAR:-$root/bootstrap/target/gatehouse.jar}"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && ./mvnw -q package -DskipTests)
fi
[[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund

db_host=${E2E_DB_HOST:-127.0.0.1}
db_port=${E2E_DB_PORT:-5432}
db_user=${E2E_DB_USER:-postgres}
export PGPASSWORD=${E2E_DB_PASSWORD:-}
db="gatehouse_e2e_$(date +%s)_$$"
port=${E2E_PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
log=$(mktemp)
pid=
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -f "$log"
}
trap cleanup EXIT
psql -h "$db_host" -p "$db_port" -U "$db_user" -d postgres -qc "CREATE DATABASE $db"

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://$db_host:$db_port/$db"
export DATASOURCES_DEFAULT_USERNAME="$db_user" DATASOURCES_DEFAULT_PASSWORD="$PGPASSWORD"
export MICRONAUT_SERVER_PORT="$port" MICRONAUT_SERVER_HOST=127.0.0.1
export AUTH_MASTER_KEY="e2e-master-key-0123456789-abcdefghijklmnop"
export ADMIN_EMAIL="admin-e2e@example.com" ADMIN_PASSWORD="e2e admin password $$"
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar")
AUTH_ADMIN_PASSWORD="$ADMIN_PASSWORD" "${java[@]}" create-admin --email "$ADMIN_EMAIL" >"$log" 2>&1 || { cat "$log"; exit 1; }
"${java[@]}" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "e2e: the service did not start"; cat "$log"; exit 1; }

export GATEHOUSE_URL="http://127.0.0.1:$port"
status=0
node --test --test-reporter=spec console.test.mjs || status=$?
[[ $status -eq 0 ]] || { echo "e2e: failed; the service's log:"; tail -n 80 "$log"; }
exit $status
