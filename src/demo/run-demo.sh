#!/usr/bin/env bash
# Runs download-images end to end on the embedded defaults: builds the WAR, starts Open Liberty with its H2 job
# repository, serves the bundled sample images on 127.0.0.1, starts the job over REST and follows it to the end.
# The server is stopped afterwards unless --keep-running is given. HTTP_PORT picks another port than 9080, and
# DEMO_IMAGES_PORT another one than 9079 for the sample images.
set -euo pipefail
cd "$(dirname "$0")/../.."

keep_running=false
[ "${1:-}" = "--keep-running" ] && keep_running=true
port="${HTTP_PORT:-9080}"

# The API's users for this run: the server reads them from its environment, and so does the demo's client. Unless
# given, the passwords are new random ones each run.
random_password() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
export ADMIN_USER="${ADMIN_USER:-admin}" MONITOR_USER="${MONITOR_USER:-monitor}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-$(random_password)}" MONITOR_PASSWORD="${MONITOR_PASSWORD:-$(random_password)}"

mvn -B -q -Dstyle.color=never package -DskipTests
# The sample images are served on loopback, which downloads may reach only when allowed.
mvn -B -q -Dstyle.color=never liberty:create liberty:deploy liberty:start -Dliberty.var.http.port="$port" -Dliberty.var.download.allowed.hosts=127.0.0.1
if [ "$keep_running" = false ]; then
    trap 'mvn -B -q -Dstyle.color=never liberty:stop' EXIT
fi
javac -d target/demo/classes src/demo/*.java
java -cp target/demo/classes Demo "http://127.0.0.1:$port" src/demo/samples
if [ "$keep_running" = true ]; then
    echo "The server keeps running at http://127.0.0.1:$port/api (stop it with: mvn liberty:stop)"
    echo "Its users: $ADMIN_USER (password $ADMIN_PASSWORD) and $MONITOR_USER (password $MONITOR_PASSWORD), e.g."
    echo "  curl -s -u '$ADMIN_USER:$ADMIN_PASSWORD' http://127.0.0.1:$port/api/jobs"
    echo "The dashboard and the photos, for the same users: http://127.0.0.1:$port/"
fi
