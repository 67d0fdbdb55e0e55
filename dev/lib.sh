# shellcheck shell=bash disable=SC2034 # the variables are for the scripts that source this file
# Sourced by the dev/ scripts and .ci/run: where things are, which JDK, which services, how to report.

REDPACKET_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${REDPACKET_RUN_DIR:-$REDPACKET_ROOT/.run}
PID_DIR=$RUN_DIR/pids
LOG_DIR=$RUN_DIR/logs
GATEWAY_URL=${REDPACKET_GATEWAY_URL:-http://localhost:8080}
EUREKA_URL_BASE=http://localhost:8761

# The whole system, one line per process dev/up starts from this repository; a line whose module (= name) does not
# exist in this checkout is skipped.
#   kind: registry  Eureka itself, started first and waited for
#         service   registers in Eureka; the gateway routes to it; `probe` is a request through the gateway that
#                   only this service can answer
#         gateway   registers in Eureka; started after the services
#         external  a stand-in for an outside system: not in Eureka, not behind the gateway
# name                port  kind      jar (in the repository)                              probe (method path)
SERVICE_TABLE="
discovery-server      8761  registry  discovery-server/target/discovery-server.jar          -
user-service          8081  service   user-service/target/user-service.jar                  GET /api/users/me
packet-service        8082  service   packet-service/target/packet-service.jar              GET /api/packets/0
grab-service          8083  service   grab-service/target/grab-service.jar                  POST /api/packets/0/grab
payment-service       8084  service   payment-service/target/payment-service.jar            GET /api/wallet/topups/0
settlement-service    8085  service   settlement-service/target/settlement-service.jar      GET /api/wallet
gateway               8080  gateway   gateway/target/gateway.jar                            -
wechatpay-emulator    8090  external  wechatpay-emulator/target/wechatpay-emulator-exec.jar  -
"

# The gateway's actuator (health, metrics) is on a management port of its own, never published: its public port
# carries the API only (gateway/src/main/resources/application.yml). Every other process answers on its own port.
GATEWAY_MANAGEMENT_PORT=8086
GATEWAY_MANAGEMENT_URL=${REDPACKET_GATEWAY_MANAGEMENT_URL:-http://localhost:$GATEWAY_MANAGEMENT_PORT}
actuator_port() {
    if [[ $1 == gateway ]]; then echo "$GATEWAY_MANAGEMENT_PORT"; else service_field "$1" 2; fi
}

# Sized so that the seven services, Kafka and the emulator stay under 3 GiB of RSS together (dev/README-run.md has
# the measurements). C2 stays on: the benchmark runs on these settings.
DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m"

if [[ -t 1 ]]; then
    C_BOLD=$'\e[1m' C_RED=$'\e[31m' C_GREEN=$'\e[32m' C_YELLOW=$'\e[33m' C_OFF=$'\e[0m'
else
    C_BOLD='' C_RED='' C_GREEN='' C_YELLOW='' C_OFF=''
fi

say() { printf '%s\n' "$*"; }
ok() { printf '%s%s%s\n' "$C_GREEN" "$*" "$C_OFF"; }
warn() { printf '%s%s%s\n' "$C_YELLOW" "$*" "$C_OFF" >&2; }
die() {
    printf '%s%s%s\n' "$C_RED" "$*" "$C_OFF" >&2
    exit 1
}
heading() { printf '%s== %s%s\n' "$C_BOLD" "$*" "$C_OFF"; }

# Prints the major version of the java binary $1, or nothing if it does not run.
java_major() {
    local line
    line=$("$1" -version 2>&1 | head -n 1) || return 0
    [[ $line =~ version\ \"([0-9]+)(\.([0-9]+))? ]] || return 0
    if [[ ${BASH_REMATCH[1]} == 1 ]]; then
        echo "${BASH_REMATCH[3]}"
    else
        echo "${BASH_REMATCH[1]}"
    fi
}

# Sets JAVA_HOME and JAVA to a JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm (or macOS's
# JavaVirtualMachines), else the java on PATH.
find_jdk() {
    local candidate major best='' best_major=0
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
        major=$(java_major "$JAVA_HOME/bin/java")
        if ((${major:-0} >= 21)); then
            JAVA=$JAVA_HOME/bin/java
            JAVA_MAJOR=$major
            export JAVA_HOME JAVA JAVA_MAJOR
            return
        fi
    fi
    for candidate in /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/; do
        [[ -x ${candidate}bin/java && -x ${candidate}bin/javac ]] || continue
        major=$(java_major "${candidate}bin/java")
        if ((${major:-0} >= 21 && major > best_major)); then
            best=${candidate%/} best_major=$major
        fi
    done
    if [[ -z $best ]] && command -v java >/dev/null; then
        candidate=$(command -v java)
        major=$(java_major "$candidate")
        if ((${major:-0} >= 21)); then
            best=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
            best_major=$major
        fi
    fi
    [[ -n $best ]] || die "No JDK >= 21 found: not JAVA_HOME (${JAVA_HOME:-unset}), not under /usr/lib/jvm, not the java on PATH. Install one (e.g. Temurin 21 or 25) or point JAVA_HOME at it."
    JAVA_HOME=$best
    JAVA=$JAVA_HOME/bin/java
    JAVA_MAJOR=$best_major
    export JAVA_HOME JAVA JAVA_MAJOR
}

# Maven on JDK 24+ warns about sun.misc.Unsafe in its own Guice; allowing it silences that and changes nothing else.
maven_opts_for_jdk() {
    if ((JAVA_MAJOR >= 24)) && [[ ${MAVEN_OPTS:-} != *sun-misc-unsafe-memory-access* ]]; then
        MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
        export MAVEN_OPTS
    fi
}

# The table's lines whose module exists here: "name port kind jar method path" (method and path "-" when none).
services() {
    local name port kind jar method path
    while read -r name port kind jar method path; do
        [[ -n $name && -f $REDPACKET_ROOT/$name/pom.xml ]] || continue
        printf '%s %s %s %s %s %s\n' "$name" "$port" "$kind" "$REDPACKET_ROOT/$jar" "$method" "${path:--}"
    done <<<"$SERVICE_TABLE"
}

# Each service runs from Spring Boot's extracted layout under here (with its AOT cache, see dev/up).
app_dir() { echo "$RUN_DIR/app/$1"; }

# service_field <name> <column>: one column (1 name, 2 port, 3 kind, 4 jar, 5 method, 6 path) of a service's line.
service_field() { services | awk -v name="$1" -v column="$2" '$1 == name { print $column }'; }

# services_of <kind>...: the names of the services of those kinds, in table order.
services_of() {
    local kinds=" $* "
    services | while read -r name port kind rest; do
        if [[ $kinds == *" $kind "* ]]; then echo "$name"; fi
    done
}

# Every process dev/up starts carries -Dredpacket.role=<name> as its first JVM option, so that a pid file is only
# trusted while its pid still runs what dev/up started (pids get reused).
role_option() { echo "-Dredpacket.role=$1"; }

# Prints the pid recorded for $1 if that process is alive and is ours.
live_pid() {
    local file=$PID_DIR/$1.pid pid cmdline
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r /proc/$pid/cmdline ]]; then
        cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
    else
        cmdline=$(ps -ww -o args= -p "$pid" 2>/dev/null) || return 1
    fi
    [[ $cmdline == *"$(role_option "$1")"* ]] || return 1
    echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HTTP status of a request (000 when nothing answers); the body goes to the file $4 if given.
http_status() {
    local method=$1 url=$2 accept=${3:-application/json} body=${4:-/dev/null}
    curl -s -o "$body" -w '%{http_code}' -m 5 -X "$method" -H "Accept: $accept" "$url" || true
}

# A request through the gateway reached a service when the gateway did not answer for it: 502/503/504 are the
# gateway's own "no instance / no answer" replies, 000 means the gateway itself is not there.
routed() {
    local status
    status=$(http_status "$1" "$GATEWAY_URL$2")
    case $status in
        000 | 502 | 503 | 504) return 1 ;;
        *) return 0 ;;
    esac
}

# healthy <base-url>: Boot answers 503 unless the overall status is UP.
healthy() {
    local body
    body=$(curl -sf -m 5 "$1/actuator/health") || return 1
    [[ $body == *'"status":"UP"'* ]]
}

# answering <base-url>: an outside system's stand-in need not have Boot's health endpoint, only answer HTTP.
answering() {
    local status
    status=$(http_status GET "$1/actuator/health")
    [[ $status == 200 || $status == 404 ]]
}

registered() {
    local body app
    app=$(tr '[:lower:]' '[:upper:]' <<<"$1")
    body=$(curl -sf -m 5 -H 'Accept: application/json' "$EUREKA_URL_BASE/eureka/apps/$app") || return 1
    [[ $body == *'"status":"UP"'* ]]
}

log_tail() {
    local log=$LOG_DIR/$1.log
    if [[ -f $log ]]; then
        say "---- last 40 lines of $log"
        tail -n 40 "$log"
        say "----"
    fi
}
