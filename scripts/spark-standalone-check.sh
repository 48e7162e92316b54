#!/usr/bin/env bash
# A Spark standalone cluster on the loopback interface (one master, two workers with one core each), assembled from
# the Spark jars in the local Maven repository, then `cosense reproduce ... --engine spark --master spark://...` through
# spark-submit against it, compared byte for byte with the embedded engine's CSVs for a Monte Carlo figure of each
# system. Run from anywhere: scripts/spark-standalone-check.sh [OUT_DIR]. Exit 0 when every CSV matches.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
WORK="${1:-$(mktemp -d /tmp/cosense-spark-standalone.XXXXXX)}"
mkdir -p "$WORK"
cd "$ROOT"

if [ ! -f cosense-spark/target/cosense-spark.jar ] || [ ! -f cosense-spark/target/spark.classpath ]; then
  ./mvnw -q -B -pl cosense-spark -am package -DskipTests
fi

# A Spark "distribution": jars/ (links into the local Maven repository) and bin/spark-submit.
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
JAVA="${JAVA:-$(readlink -f "$(command -v java)")}"
export JAVA_HOME="$(dirname "$(dirname "$JAVA")")"
export SPARK_HOME="$WORK/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/bin" "$SPARK_HOME/conf"
tr ':' '\n' < cosense-spark/target/spark.classpath | while read -r j; do ln -sf "$j" "$SPARK_HOME/jars/"; done
FLAGS=(-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
cat > "$SPARK_HOME/bin/spark-submit" <<SUBMIT
#!/usr/bin/env bash
exec "\$JAVA_HOME/bin/java" ${FLAGS[*]} -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "\$@"
SUBMIT
chmod +x "$SPARK_HOME/bin/spark-submit"
cat > "$SPARK_HOME/conf/log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
logger.master.name = org.apache.spark.deploy.master.Master
logger.master.level = info
LOG

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
PORT="$(free_port)"
URL="spark://127.0.0.1:$PORT"
PIDS=()
cleanup() { for p in ${PIDS[@]+"${PIDS[@]}"}; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

CP="$SPARK_HOME/conf:$SPARK_HOME/jars/*"
"$JAVA" "${FLAGS[@]}" -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port 0 \
  > "$WORK/master.log" 2>&1 &
PIDS+=($!)
for w in 1 2; do
  "$JAVA" "${FLAGS[@]}" -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
    --webui-port 0 --work-dir "$WORK/worker$w" "$URL" > "$WORK/worker$w.log" 2>&1 &
  PIDS+=($!)
done
for _ in $(seq 1 120); do
  [ "$(grep -c 'Registering worker' "$WORK/master.log" 2>/dev/null || true)" -ge 2 ] && break
  sleep 1
done
if [ "$(grep -c 'Registering worker' "$WORK/master.log" 2>/dev/null || true)" -lt 2 ]; then
  echo "spark-standalone-check: the workers did not register with $URL (see $WORK/*.log)" >&2
  exit 1
fi
echo "spark-standalone-check: master $URL with 2 workers (logs in $WORK)"

status=0
check() { # system, then reproduce options
  local sys="$1"; shift
  local t0 t1
  t0=$(date +%s)
  ./cosense reproduce "$sys" "$@" --engine spark --master "$URL" --out "$WORK/cluster" > "$WORK/cluster-$sys.log" 2>&1 \
    || { echo "spark-standalone-check: $sys on $URL failed (see $WORK/cluster-$sys.log)" >&2; status=1; return; }
  t1=$(date +%s)
  ./cosense reproduce "$sys" "$@" --out "$WORK/embedded" > "$WORK/embedded-$sys.log" 2>&1
  echo "spark-standalone-check: $sys $* on the cluster in $((t1 - t0)) s (spark-submit, executor launch included), embedded in $(($(date +%s) - t1)) s"
  for f in "$WORK/embedded/$sys"/*.csv; do
    if cmp -s "$f" "$WORK/cluster/$sys/$(basename "$f")"; then
      echo "  identical: $sys/$(basename "$f")"
    else
      echo "  DIFFERENT: $sys/$(basename "$f")"; status=1
    fi
  done
  grep -h -o '"engine" : "[^"]*"' "$WORK/cluster/$sys"/*.json | sort -u | sed 's/^/  sidecar /'
}
check hua3d --figure table1 --quick
check wangmultistatic --figure fig5 --trials 1
check mengvehicle --figure table1 --quick
check zhanghybrid --figure fig4 --quick
check fangactive --figure fig7 --quick --trials 1
[ "$status" -eq 0 ] && echo "spark-standalone-check: all CSVs identical" || echo "spark-standalone-check: CSVs differ or a run failed"
exit "$status"
