#!/usr/bin/env bash
# Runs one download-images execution on two servers that share a PostgreSQL job repository and an images root:
# installs Debian's PostgreSQL if it is missing, starts a throwaway PostgreSQL cluster under target/cluster-demo, two
# Open Liberty servers of this build (A on 9080 with the messaging engine, B on 9081 using it), runs the sample
# download spread over both, kills B with SIGKILL mid-job, shows A finishing the execution with every image exactly
# once, and stops everything. Exits 0 only if all of that held. HTTP_PORT_A, HTTP_PORT_B, DEMO_DB_PORT and
# DEMO_MESSAGING_PORT pick other ports than 9080, 9081, 55432 and 7276.
set -euo pipefail
cd "$(dirname "$0")/../.."

port_a="${HTTP_PORT_A:-9080}"
port_b="${HTTP_PORT_B:-9081}"
db_port="${DEMO_DB_PORT:-55432}"
messaging_port="${DEMO_MESSAGING_PORT:-7276}"
pg_bin=/usr/lib/postgresql/15/bin
work="$PWD/target/cluster-demo"
wlp="$PWD/target/liberty/wlp"

as_root=""
[ "$(id -u)" -eq 0 ] || as_root="sudo"
if [ ! -x "$pg_bin/initdb" ]; then
    echo "Installing Debian's postgresql-15"
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user the package created.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

random_password() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
export ADMIN_USER="${ADMIN_USER:-admin}" MONITOR_USER="${MONITOR_USER:-monitor}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-$(random_password)}" MONITOR_PASSWORD="${MONITOR_PASSWORD:-$(random_password)}"

stop_all() {
    for server in clusterA clusterB; do
        [ -d "$wlp/usr/servers/$server" ] && "$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true
    done
    [ -f "$work/postgres/data/postmaster.pid" ] && as_owner "$pg_bin/pg_ctl" -D "$work/postgres/data" -m fast -w stop >/dev/null || true
}
stop_all
rm -rf "$work"
mkdir -p "$work/postgres" "$work/images"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/postgres"
trap stop_all EXIT

echo "PostgreSQL: a new cluster in $work/postgres on 127.0.0.1:$db_port"
as_owner "$pg_bin/initdb" -D "$work/postgres/data" -U postgres --auth=trust -E UTF8 >/dev/null
if ! as_owner "$pg_bin/pg_ctl" -D "$work/postgres/data" -l "$work/postgres/postgres.log" -w \
    -o "-p $db_port -k $work/postgres/data -c listen_addresses=127.0.0.1" start >/dev/null; then
    tail -n 3 "$work/postgres/postgres.log" >&2
    echo "PostgreSQL did not start (is port $db_port taken? DEMO_DB_PORT picks another)" >&2
    exit 1
fi
"$pg_bin/createdb" -h 127.0.0.1 -p "$db_port" -U postgres jobs

mvn -B -q -Dstyle.color=never package -DskipTests
for server in clusterA clusterB; do
    mvn -B -q -Dstyle.color=never liberty:create liberty:deploy -DserverName="$server"
done
# Each server: its port, its name in the cluster, the shared repository and images, and its messaging role, which
# Liberty must read from bootstrap.properties (server.xml's include depends on it). A server takes at most 3
# partitions at once, so the job's 5 are spread over both.
configure() {
    local server="$1" id="$2" port="$3" role="$4" dir="$wlp/usr/servers/$1"
    mkdir -p "$dir/configDropins/overrides"
    printf 'messaging.role=%s\n' "$role" > "$dir/bootstrap.properties"
    cat > "$dir/configDropins/overrides/cluster-demo.xml" <<XML
<server>
    <variable name="http.port" value="$port"/>
    <variable name="server.id" value="$id"/>
    <variable name="db.url" value="jdbc:postgresql://127.0.0.1:$db_port/jobs"/>
    <variable name="db.user" value="postgres"/>
    <variable name="images.root" value="$work/images"/>
    <variable name="messaging.port" value="$messaging_port"/>
    <variable name="cluster.partitions.max" value="3"/>
    <variable name="batch.restart.interrupted" value="true"/>
    <variable name="download.allowed.hosts" value="127.0.0.1"/>
</server>
XML
}
configure clusterA A "$port_a" engine
configure clusterB B "$port_b" client
"$wlp/bin/server" start clusterA --clean >/dev/null
"$wlp/bin/server" start clusterB --clean >/dev/null
echo "Servers A (http://127.0.0.1:$port_a, messaging engine) and B (http://127.0.0.1:$port_b) are starting"

javac -d "$work/classes" src/demo/*.java
java -cp "$work/classes" ClusterDemo "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" src/demo/samples \
    "$wlp/usr/servers/.pid/clusterB.pid" "$work/images"
