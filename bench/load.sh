#!/usr/bin/env bash
# The load benchmark: the service as a user sees it, against a bare minimal API on the same framework in the same run.
#
#   bench/load.sh [--projects N] [--duration SECONDS] [--connections C] [--soak MINUTES] [--postgres "Host=...;Username=...;Password=..."]
#
# Builds Release, starts the service on a fresh SQLite database (synchronous=FULL, the rate limit raised for the run),
# or with --postgres on a fresh database of that server (whose user may create databases), and the ceiling
# (bench/ProjectMethod.Ceiling) on the same kind of database, seeds N projects through the API (most proposed, some taken through BP3
# into execution with tolerances, a product, a benefit and highlight reports, some of them over tolerance), runs each
# scenario with wrk (2 threads, C connections) and prints req/s, p50 and p99, and the ratio to the ceiling, then the
# service's peak RSS and whether the audit chain still verifies. --soak runs a mixed read/write load at half the
# measured forecast rate for MINUTES minutes and reports errors and RSS every minute. Not part of dotnet test or CI.
set -euo pipefail
cd "$(dirname "$0")/.."

projects=10000 duration=10 connections=32 soak=0 postgres=""
while [ $# -gt 0 ]; do
    case "$1" in
        --projects) projects=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --soak) soak=$2; shift 2 ;;
        --postgres) postgres=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

if ! command -v wrk >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq wrk >/dev/null || { $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null; }
fi

work=$(mktemp -d)
service_port=5181 ceiling_port=5182
run_id="pm_load_$$"
cleanup() {
    kill "${service_pid:-}" "${ceiling_pid:-}" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ -n "$postgres" ]; then
        for db in "${run_id}_service" "${run_id}_ceiling"; do dotnet "$ceiling_bin/ProjectMethod.Ceiling.dll" --drop-database "$db" --postgres "$postgres" || true; done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== build (Release)"
dotnet build -c Release -v q --nologo src/ProjectMethod.Api >/dev/null
dotnet build -c Release -v q --nologo bench/ProjectMethod.Ceiling >/dev/null
service_bin=$PWD/src/ProjectMethod.Api/bin/Release/net10.0
ceiling_bin=$PWD/bench/ProjectMethod.Ceiling/bin/Release/net10.0

export ASPNETCORE_ENVIRONMENT=Development
if [ -n "$postgres" ]; then
    database=PostgreSQL
    for db in "${run_id}_service" "${run_id}_ceiling"; do dotnet "$ceiling_bin/ProjectMethod.Ceiling.dll" --create-database "$db" --postgres "$postgres"; done
    storage=(--Storage:Provider postgres --ConnectionStrings:ProjectMethod "$postgres;Database=${run_id}_service")
    ceiling_storage=(--postgres "$postgres;Database=${run_id}_ceiling")
else
    database=SQLite
    storage=(--ConnectionStrings:ProjectMethod "Data Source=$work/service.db")
    ceiling_storage=(--sqlite "$work/ceiling.db")
fi
(cd "$service_bin" && exec dotnet ProjectMethod.Api.dll --Urls "http://127.0.0.1:$service_port" "${storage[@]}" \
    --Limits:RequestsPerMinute 1000000000 --Logging:LogLevel:Default Warning) >"$work/service.log" 2>&1 &
service_pid=$!
dotnet "$ceiling_bin/ProjectMethod.Ceiling.dll" --urls "http://127.0.0.1:$ceiling_port" "${ceiling_storage[@]}" >"$work/ceiling.log" 2>&1 &
ceiling_pid=$!
for attempt in $(seq 61); do
    curl -sf "http://127.0.0.1:$service_port/health/ready" >/dev/null && curl -sf "http://127.0.0.1:$ceiling_port/json" >/dev/null && break
    [ "$attempt" -eq 61 ] && { echo "the service or the ceiling did not start:" >&2; cat "$work/service.log" "$work/ceiling.log" >&2; exit 1; }
    sleep 1
done

token() { (cd "$service_bin" && dotnet ProjectMethod.Api.dll token "$@" | tail -n 1); }
PIA=$(token --sub pia) BJORN=$(token --sub bjorn --role portfolio-board) EVA=$(token --sub eva) PER=$(token --sub per)
SIRI=$(token --sub siri) BO=$(token --sub bo)
api="http://127.0.0.1:$service_port/api/v1"
call() { who=$1; shift; curl -sf -H "Authorization: Bearer $who" -H 'Content-Type: application/json' "$@"; }

# A project through BP1, BP2 and BP3 into execution stage 1, the way the README's walk-through takes one.
executing() {
    local id
    id=$(call "$PIA" -X POST "$api/projects" -d "{\"name\":\"Velferdsteknologi $1\",\"sector\":\"helse\",\"description\":\"Sensorer\"}" | jq -r .id)
    call "$PIA" -X PUT "$api/projects/$id/mandate" -d '{"purpose":"Bedre oppfølging","background":"Manuelle rutiner"}' >/dev/null
    call "$BJORN" -X POST "$api/projects/$id/roles" -d '{"role":"executive","userId":"eva","displayName":"Eva"}' >/dev/null
    for item in bp1-need bp1-strategy bp1-line-task; do call "$PIA" -X PUT "$api/projects/$id/checklist/$item" -d '{"status":"done"}' >/dev/null; done
    call "$PIA" -X POST "$api/projects/$id/gate/requests" -d '{"recommendation":"Ja"}' >/dev/null
    call "$BJORN" -X POST "$api/projects/$id/gate/decisions" -d '{"decision":"approve","rationale":"Ja"}' >/dev/null
    for role in projectManager:per benefitOwner:bo seniorUser:siri seniorSupplier:sven; do
        call "$EVA" -X POST "$api/projects/$id/roles" -d "{\"role\":\"${role%%:*}\",\"userId\":\"${role##*:}\",\"displayName\":\"${role##*:}\"}" >/dev/null
    done
    call "$PER" -X PUT "$api/projects/$id/business-case" -d '{"reasons":"R","options":"O","expectedBenefits":"B","expectedCosts":"C","timescale":"T","majorRisks":"M"}' >/dev/null
    call "$EVA" -X POST "$api/projects/$id/business-case/reviews" -d '{"justified":true,"comment":"Ja"}' >/dev/null
    call "$PER" -X POST "$api/projects/$id/lessons/reviews" -d '{"noneRelevantReason":"Ingen tidligere prosjekter"}' >/dev/null
    for item in bp2-alternatives bp2-stakeholders; do call "$PER" -X PUT "$api/projects/$id/checklist/$item" -d '{"status":"done"}' >/dev/null; done
    call "$PER" -X POST "$api/projects/$id/gate/requests" -d '{"recommendation":"Ja"}' >/dev/null
    call "$BJORN" -X POST "$api/projects/$id/gate/decisions" -d '{"decision":"approve","rationale":"Ja"}' >/dev/null
    call "$EVA" -X POST "$api/projects/$id/business-case/reviews" -d '{"justified":true,"comment":"Ja"}' >/dev/null
    for item in bp3-resources bp3-communication bp3-product-descriptions; do call "$PER" -X PUT "$api/projects/$id/checklist/$item" -d '{"status":"done"}' >/dev/null; done
    call "$BJORN" -X PUT "$api/projects/$id/tolerances/project" -d '{"time":{"plan":"2027-06-30","lower":30,"upper":14},"cost":{"plan":2000000,"lower":200000,"upper":100000},"quality":{"plan":0,"upper":3},"scope":{"plan":0,"upper":2},"risk":{"plan":0,"upper":40},"benefit":{"plan":500000,"lower":50000}}' >/dev/null
    call "$PER" -X PUT "$api/projects/$id/stages/1/plan" -d '{"plannedEnd":"2027-03-31","budget":800000}' >/dev/null
    call "$EVA" -X PUT "$api/projects/$id/stages/1/tolerances" -d '{"time":{"plan":"2027-03-31","lower":7,"upper":7},"cost":{"plan":800000,"lower":50000,"upper":50000},"quality":{"plan":0,"upper":2},"scope":{"plan":0,"upper":1},"risk":{"plan":0,"upper":30},"benefit":{"plan":500000,"lower":20000}}' >/dev/null
    call "$PER" -X POST "$api/projects/$id/benefits" -d '{"title":"Færre timer","type":"direct","ownerUnit":"Hjemmetjenesten","ownerUserId":"bo","indicator":"Timer","unit":"hours","baseline":{"value":120,"date":"2026-01-01"},"target":{"value":80,"date":"2028-01-01"},"allowedShortfall":5,"measurementInterval":"P3M"}' >/dev/null
    local product
    product=$(call "$PER" -X POST "$api/projects/$id/products" -d '{"title":"Sensorpakke","purpose":"Varsling","qualityCriteria":[{"criterion":"Falsk alarm under 5 %","method":"Pilot"}],"acceptanceCriteria":["Brukerne beholder dem"],"qualityResponsibleUserId":"sven","acceptorUserId":"siri","stage":1}' | jq -r .id)
    call "$SIRI" -X POST "$api/projects/$id/products/$product/approve" -d '{}' >/dev/null
    call "$PER" -X POST "$api/projects/$id/gate/requests" -d '{"recommendation":"Ja"}' >/dev/null
    call "$EVA" -X POST "$api/projects/$id/gate/decisions" -d '{"decision":"approve","rationale":"Ja"}' >/dev/null
    echo "$id"
}

propose() { # $1 projects, proposed in parallel, a mix of sectors
    seq "$1" | xargs -P 16 -I{} sh -c 'curl -sf -o /dev/null -H "Authorization: Bearer $0" -H "Content-Type: application/json" -X POST "$1/projects" -d "{\"name\":\"Prosjekt {}\",\"sector\":\"sektor-$(({} % 7))\",\"description\":\"Last\"}"' "$PIA" "$api"
}

echo "== seed: 20 projects in execution, then proposals up to 1000"
execution_ids=()
for n in $(seq 20); do execution_ids+=("$(executing "$n")"); done
target=${execution_ids[0]}
for n in $(seq 2 8); do # a few over tolerance: red; one at risk: amber
    cost=$([ "$n" -le 6 ] && echo 900000 || echo 840000)
    call "$PER" -X POST "$api/projects/${execution_ids[$n]}/forecasts" -d "{\"stage\":1,\"values\":{\"time\":\"2027-03-31\",\"cost\":$cost,\"benefit\":500000}}" >/dev/null
done
propose 980

results=()
run() { # $1 label, $2 url, $3 ceiling label or "", rest: wrk options
    local label=$1 url=$2 ceiling=$3; shift 3
    local out
    out=$(wrk --latency -t2 -c"$connections" -d"${duration}s" --timeout 2s "$@" "$url")
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out" | tr -d ',')
    results+=("$label|$rps|$p50|$p99|$errors|$ceiling")
    printf '  %-52s %10s req/s  p50 %8s  p99 %8s  errors %s\n' "$label" "$rps" "$p50" "$p99" "$errors"
}

cat >"$work/insert.lua" <<'LUA'
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/json"; wrk.body = '{"values":{"cost":880000}}'
LUA
cat >"$work/forecast.lua" <<'LUA'
local counter = 0
local threads = 0
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"stage":1,"values":{"time":"2027-03-31","cost":800000,"benefit":500000},"comment":"Last"}'
request = function()
    counter = counter + 1
    wrk.headers["Idempotency-Key"] = "load-" .. tid .. "-" .. counter
    return wrk.format()
end
LUA
auth=(-H "Authorization: Bearer $BJORN")

echo "== at 1 000 projects"
run "list page GET /projects?limit=50 (1 000 projects)" "$api/projects?limit=50" ceiling-get "${auth[@]}"

echo "== seed: proposals up to $projects"
[ "$projects" -gt 1000 ] && propose $((projects - 1000))

echo "== at $projects projects"
run "ceiling: trivial JSON GET" "http://127.0.0.1:$ceiling_port/json" ""
run "ceiling: one durable $database insert per POST" "http://127.0.0.1:$ceiling_port/insert" "" -s "$work/insert.lua"
run "GET /projects/{id}" "$api/projects/$target" ceiling-get "${auth[@]}"
run "GET /projects/{id}/gate" "$api/projects/$target/gate" ceiling-get "${auth[@]}"
run "POST /projects/{id}/forecasts with Idempotency-Key" "$api/projects/$target/forecasts" ceiling-insert -s "$work/forecast.lua" -H "Authorization: Bearer $PER"
run "GET /portfolio?limit=50 ($projects projects)" "$api/portfolio?limit=50" ceiling-get "${auth[@]}"
run "list page GET /projects?limit=50 ($projects projects)" "$api/projects?limit=50" ceiling-get "${auth[@]}"

if [ -n "$postgres" ]; then
    echo "== two instances on one database, each writing forecasts to its own project"
    second_port=5183
    (cd "$service_bin" && exec dotnet ProjectMethod.Api.dll --Urls "http://127.0.0.1:$second_port" "${storage[@]}" \
        --Limits:RequestsPerMinute 1000000000 --Logging:LogLevel:Default Warning) >"$work/second.log" 2>&1 &
    second_pid=$!
    for _ in $(seq 60); do curl -sf "http://127.0.0.1:$second_port/health/ready" >/dev/null && break; sleep 1; done
    other=${execution_ids[1]}
    wrk -t1 -c$((connections / 2)) -d"${duration}s" --timeout 2s -s "$work/forecast.lua" -H "Authorization: Bearer $PER" \
        "$api/projects/$target/forecasts" >"$work/first.out" &
    first_wrk=$!
    wrk -t1 -c$((connections / 2)) -d"${duration}s" --timeout 2s -s "$work/forecast.lua" -H "Authorization: Bearer $PER" \
        "http://127.0.0.1:$second_port/api/v1/projects/$other/forecasts" >"$work/second.out"
    wait "$first_wrk"
    kill "$second_pid" 2>/dev/null || true
    one=$(printf '%s\n' "${results[@]}" | awk -F'|' '/forecasts/ {print $2}')
    both=$(cat "$work/first.out" "$work/second.out" | awk '/^Requests\/sec/ {n += $2} END {printf "%.2f", n}')
    echo "  forecasts: one instance on one project $one req/s; two instances on two projects $both req/s together"
    results+=("POST forecasts, two instances on two projects (together)|$both|-|-|-|ceiling-insert")
fi

if [ "$soak" -gt 0 ]; then
    forecast_rps=$(printf '%s\n' "${results[@]}" | awk -F'|' '/forecasts/ {print $2}')
    per_connection_delay=$(awk -v r="$forecast_rps" -v c=4 'BEGIN {printf "%d", (r > 0 ? 1000 * c / (r / 2) : 10)}')
    cat >"$work/soak.lua" <<LUA
local counter = 0
request = function()
    counter = counter + 1
    if counter % 4 == 0 then
        return wrk.format("POST", "/api/v1/projects/$target/forecasts", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $PER",
            ["Idempotency-Key"] = "soak-m0-" .. counter}, '{"stage":1,"values":{"time":"2027-03-31","cost":800000,"benefit":500000}}')
    end
    return wrk.format("GET", "/api/v1/projects/$target", {["Authorization"] = "Bearer $BJORN"})
end
delay = function() return $per_connection_delay end
LUA
    echo "== soak: $soak minute(s), mixed reads and writes at about half the measured forecast rate"
    for minute in $(seq "$soak"); do
        sed -i "s/soak-[0-9a-z_]*-/soak-m$minute-/" "$work/soak.lua"
        out=$(wrk -t1 -c4 -d60s --timeout 2s -s "$work/soak.lua" "http://127.0.0.1:$service_port")
        errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out" | tr -d ',')
        printf '  minute %3d  %8s req/s  errors %s  RSS %s MB\n' "$minute" "$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" "$errors" \
            "$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$service_pid/status")"
    done
fi

ceiling_get=$(printf '%s\n' "${results[@]}" | awk -F'|' '/trivial JSON/ {print $2}')
ceiling_insert=$(printf '%s\n' "${results[@]}" | awk -F'|' '/durable .* insert/ {print $2}')
echo
echo "Load benchmark, $(date -u +%F), $(nproc) cores, $database, $projects projects, wrk -t2 -c$connections -d${duration}s"
echo
echo "| what | req/s | p50 | p99 | errors | ratio to the ceiling |"
echo "|---|---|---|---|---|---|"
for row in "${results[@]}"; do
    IFS='|' read -r label rps p50 p99 errors ceiling <<<"$row"
    case "$ceiling" in
        ceiling-get) ratio=$(awk -v a="$rps" -v b="$ceiling_get" 'BEGIN {printf "%.2f", a / b}') ;;
        ceiling-insert) ratio=$(awk -v a="$rps" -v b="$ceiling_insert" 'BEGIN {printf "%.2f", a / b}') ;;
        *) ratio=1 ;;
    esac
    echo "| $label | $rps | $p50 | $p99 | $errors | $ratio |"
done
echo
echo "peak RSS of the service: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$service_pid/status")"
echo "audit chain after the run: $(call "$BJORN" "$api/audit/verify" | jq -c '{ok, events, firstBrokenSequence}')"
