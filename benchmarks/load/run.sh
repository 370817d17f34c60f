#!/usr/bin/env bash
# Load benchmark of the public pages, on one machine, in one run:
#   builds Release, starts the portal on 127.0.0.1 with the generated data set (2,000 agencies × 5 years, ~9,700
#   published reports, ~1.9 million cells; generated once into a cached file, see generated.sh) and Demo off, warms up,
#   then runs wrk (2 threads, 64 connections, DURATION seconds each) against
#   (a) a static file holding the report page's own bytes (the ceiling: Kestrel + static files, no MVC, no cache)
#   (b) /reports/{slug}/{year}   (c) its .pdf   (d) its .json   (e) /statistics/{year}   (f) /
#   and prints requests/s, p50, p99, errors and each figure as a ratio to (a); then samples the server's RSS every
#   5 s during a MEMORY_SECONDS run of (b). The report is the first agency with a report in the latest year
#   (gen-province/2024); REPORT=slug/year to choose another. Needs wrk (apt-get install -y wrk) and curl.
# Usage: benchmarks/load/run.sh            DURATION=10 MEMORY_SECONDS=60 CONNECTIONS=64 PORT=5182 to change;
#        DATA=demo benchmarks/load/run.sh  the demo data instead (a fresh SQLite file, 4 reports, Demo on,
#                                          /reports/zhongwei-commerce/2023), as in the first runs;
#        AGENCIES=500 YEARS=3 or GENERATED_DB=/path/file.db for another generated set.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
duration="${DURATION:-10}"; memory_seconds="${MEMORY_SECONDS:-60}"; connections="${CONNECTIONS:-64}"; port="${PORT:-5182}"
data="${DATA:-generated}"
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
case "$data" in generated|demo) ;; *) echo "DATA is generated or demo" >&2; exit 2 ;; esac
# shellcheck source=generated.sh
source "$here/generated.sh"
if [ "$data" = generated ]; then generated_db; fi

dotnet build "$repo/src/Disclosure.Web" -c Release -v q --nologo >/dev/null
dll="$repo/src/Disclosure.Web/bin/Release/net10.0/Disclosure.Web.dll"
work="$(mktemp -d /tmp/disclosure-load.XXXXXX)"
static_dir="$repo/src/Disclosure.Web/wwwroot/bench"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$static_dir" "$work"; }
trap cleanup EXIT

cd "$work"
if [ "$data" = generated ]; then
  generated_copy "$work"
  if [ -n "${REPORT:-}" ]; then slug="${REPORT%/*}"; year="${REPORT#*/}"; else read -r slug year < <(generated_report "$work/load.db"); fi
  [ -n "${slug:-}" ] && [ -n "${year:-}" ] || { echo "no report found in $GENERATED_DB" >&2; exit 1; }
  demo=false
else
  slug=zhongwei-commerce; year=2023; demo=true
fi
report="/reports/$slug/$year"
# Demo mode runs only in Development (it creates accounts with a published password); otherwise Production.
environment=Production; [ "$demo" = true ] && environment=Development
# Production adds a daily log file (WriteTo:1): into the work folder. Development has no such sink.
logfile=(); [ "$environment" = Production ] && logfile=(Serilog__WriteTo__1__Args__path="$work/logs/log-.txt")
env ASPNETCORE_ENVIRONMENT=$environment Demo__Enabled=$demo Serilog__MinimumLevel__Default=Warning "${logfile[@]}" \
  ConnectionStrings__Disclosure="Data Source=$work/load.db" \
  dotnet "$dll" --urls "$base" --contentRoot "$repo/src/Disclosure.Web" >"$work/server.log" 2>&1 &
pid=$!
# Until the report answers 200: at most 120 s; if the server exits or does not get there, its log is shown.
deadline=$(( $(date +%s) + 120 ))
until [ "$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "$base$report" || true)" = 200 ]; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
    echo "the server did not serve $report (data: $data); its log:" >&2; cat "$work/server.log" >&2; exit 1
  fi
  sleep 0.2
done

mkdir -p "$static_dir"
curl -s --max-time 30 "$base$report" -o "$static_dir/report.html"

declare -a names=("(a) static file, same bytes" "(b) report page" "(c) report PDF" "(d) report JSON")
declare -a paths=("/bench/report.html" "$report" "$report.pdf" "$report.json")
# The first request of a year's statistics on the generated set computes them (seconds); later ones are cached.
if [ "$(curl -s --max-time 60 -o /dev/null -w '%{http_code}' "$base/statistics/$year")" = 200 ]; then
  names+=("(e) statistics $year"); paths+=("/statistics/$year")
else
  echo "note: /statistics/$year did not answer 200 within 60 s; (e) skipped" >&2
fi
names+=("(f) home page"); paths+=("/")

# Warm-up: every endpoint rendered, cached and JIT-compiled before measuring (one request first, bounded, so a slow
# first rendering is not counted as wrk timeouts).
for p in "${paths[@]}"; do curl -s --max-time 60 -o /dev/null "$base$p" || true; wrk -t1 -c4 -d2s "$base$p" >/dev/null; done

to_ms() { # wrk prints 1.23ms, 456.00us, 1.20s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v } else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 } else print v }'
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -a rps p50 p99 errs
for i in "${!paths[@]}"; do
  out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$base${paths[$i]}")"
  rps[$i]="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
  p50[$i]="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99[$i]="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
  socket="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")"
  errs[$i]=$(( ${non2xx:-0} + ${socket:-0} ))
done

echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo); load average before: $load_before"
if [ "$data" = generated ]; then
  echo "Data: generated, $(basename "$GENERATED_DB") (a copy), Demo off; report $report"
else
  echo "Data: demo (4 sample reports, fresh database), Demo on; report $report"
fi
echo "wrk -t2 -c$connections -d${duration}s, client and server on the same machine"
echo
echo "| Endpoint | Requests/s | p50 (ms) | p99 (ms) | Errors | Ratio to (a) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for i in "${!paths[@]}"; do
  ratio="$(awk -v r="${rps[$i]}" -v a="${rps[0]}" 'BEGIN { printf "%.2f", r / a }')"
  echo "| ${names[$i]} \`${paths[$i]}\` | ${rps[$i]} | ${p50[$i]} | ${p99[$i]} | ${errs[$i]} | $ratio |"
done

# Memory: RSS every 5 s while (b) is under load for MEMORY_SECONDS.
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
samples=("$(rss)")
wrk -t2 -c"$connections" -d"${memory_seconds}s" --latency "$base$report" >"$work/memory-wrk.txt" &
wrk_pid=$!
for _ in $(seq 5 5 "$memory_seconds"); do sleep 5; samples+=("$(rss)"); done
wait "$wrk_pid"
samples+=("$(rss)")
echo
echo "RSS (MB) every 5 s during ${memory_seconds} s of (b): ${samples[*]}"
mem_errors=$(( $(awk '/Non-2xx or 3xx responses:/ { n = $5 } END { print n + 0 }' "$work/memory-wrk.txt") \
  + $(awk '/Socket errors:/ { gsub(",", ""); n = $4 + $6 + $8 + $10 } END { print n + 0 }' "$work/memory-wrk.txt") ))
echo "(b) over ${memory_seconds} s: $(awk '/^Requests\/sec:/ { print $2 }' "$work/memory-wrk.txt") requests/s, p99 $(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/memory-wrk.txt")") ms, $mem_errors errors"

# Anything the server logged at Error or above (the log level is Warning), and whether it is still up.
kill -0 "$pid" 2>/dev/null || { echo "the server exited during the run; its log:" >&2; cat "$work/server.log" >&2; exit 1; }
if grep -qE '\[(ERR|FTL)\]|fail:|crit:' "$work/server.log"; then
  echo; echo "Server log, errors (first 20 lines):"; grep -E '\[(ERR|FTL)\]|fail:|crit:' "$work/server.log" | head -20
fi
