# shellcheck shell=bash
# Sourced by bench/run and bench/probe, after dev/lib.sh: building the load generator and the reference gateway, and
# starting the reference gateway beside the system.

# Builds bench/grabstorm (and its classpath file) and bench/floor.
build_bench() {
    heading "bench: building the load generator"
    ./mvnw -q -B -f bench/grabstorm/pom.xml package dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt || die "bench: build failed"
    heading "bench: building the reference gateway (bench/floor)"
    ./mvnw -q -B -f bench/floor/pom.xml package || die "bench: build of bench/floor failed"
}

# The framework's floor: Spring Cloud Gateway with one route to grab-service and nothing else, started with the
# services' JVM options on port $FLOOR_PORT (BENCH_FLOOR_PORT, 8099); sets FLOOR_PID. The caller stops it (EXIT trap).
start_floor() {
    FLOOR_PORT=${BENCH_FLOOR_PORT:-8099}
    ! port_open "$FLOOR_PORT" || die "bench: port $FLOOR_PORT (the reference gateway's, BENCH_FLOOR_PORT) is taken"
    mkdir -p "$LOG_DIR"
    # shellcheck disable=SC2086 # the JVM options are a list of words
    FLOOR_PORT=$FLOOR_PORT FLOOR_TARGET=${BENCH_FLOOR_TARGET:-http://127.0.0.1:8083} \
        "$JAVA" ${REDPACKET_JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -jar bench/floor/target/gateway-floor.jar \
        >"$LOG_DIR/gateway-floor.log" 2>&1 &
    FLOOR_PID=$!
    local deadline=$((SECONDS + 120))
    until port_open "$FLOOR_PORT"; do
        if ! kill -0 "$FLOOR_PID" 2>/dev/null || ((SECONDS >= deadline)); then
            log_tail gateway-floor
            die "bench: the reference gateway did not come up on port $FLOOR_PORT (it exited, or 120 s passed)"
        fi
        sleep 1
    done
}

stop_floor() {
    if [[ -n ${FLOOR_PID:-} ]]; then
        kill "$FLOOR_PID" 2>/dev/null && wait "$FLOOR_PID" 2>/dev/null || true
    fi
}

# The load generator's JVM and classpath; run a main class of bench/grabstorm with its arguments.
run_bench_class() {
    "$JAVA" -Xmx1g -XX:+UseParallelGC -cp "bench/grabstorm/target/classes:$(<bench/grabstorm/target/classpath.txt)" "$@"
}
