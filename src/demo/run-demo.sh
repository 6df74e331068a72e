#!/usr/bin/env bash
# Runs download-images end to end on the embedded defaults: builds the WAR, starts Open Liberty with its H2 job
# repository, serves the bundled sample images on 127.0.0.1, starts the job over REST and follows it to the end.
# The server is stopped afterwards unless --keep-running is given.
set -euo pipefail
cd "$(dirname "$0")/../.."

keep_running=false
[ "${1:-}" = "--keep-running" ] && keep_running=true

mvn -B -q -Dstyle.color=never package -DskipTests
# The sample images are served on loopback, which downloads may reach only when allowed.
mvn -B -q -Dstyle.color=never liberty:create liberty:deploy liberty:start -Dliberty.var.download.allowed.hosts=127.0.0.1
if [ "$keep_running" = false ]; then
    trap 'mvn -B -q -Dstyle.color=never liberty:stop' EXIT
fi
java src/demo/Demo.java "http://127.0.0.1:9080" src/demo/samples
if [ "$keep_running" = true ]; then
    echo "The server keeps running at http://127.0.0.1:9080/api (stop it with: mvn liberty:stop)"
fi
