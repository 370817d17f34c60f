#!/usr/bin/env bash
# Load benchmark of the public pages, on one machine, in one run:
#   builds Release, starts the portal on 127.0.0.1 with the demo data (a fresh SQLite file), warms up, then runs wrk
#   (2 threads, 64 connections, DURATION seconds each) against
#   (a) a static file holding the report page's own bytes (the ceiling: Kestrel + static files, no MVC, no cache)
#   (b) /reports/zhongwei-commerce/2023   (c) its .pdf   (d) its .json   (e) /statistics/2023 if the app has it   (f) /
#   and prints requests/s, p50, p99, errors and each figure as a ratio to (a); then samples the server's RSS every
#   5 s during a MEMORY_SECONDS run of (b). Needs wrk (apt-get install -y wrk) and curl.
# Usage: benchmarks/load/run.sh            DURATION=10 MEMORY_SECONDS=60 CONNECTIONS=64 PORT=5182 to change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
duration="${DURATION:-10}"; memory_seconds="${MEMORY_SECONDS:-60}"; connections="${CONNECTIONS:-64}"; port="${PORT:-5182}"
base="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

dotnet build "$repo/src/Disclosure.Web" -c Release -v q --nologo >/dev/null
dll="$repo/src/Disclosure.Web/bin/Release/net10.0/Disclosure.Web.dll"
work="$(mktemp -d /tmp/disclosure-load.XXXXXX)"
static_dir="$repo/src/Disclosure.Web/wwwroot/bench"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$static_dir" "$work"; }
trap cleanup EXIT

cd "$work"
ASPNETCORE_ENVIRONMENT=Production Demo__Enabled=true Serilog__MinimumLevel__Default=Warning \
  Serilog__WriteTo__1__Args__path="$work/logs/log-.txt" ConnectionStrings__Disclosure="Data Source=$work/load.db" \
  dotnet "$dll" --urls "$base" --contentRoot "$repo/src/Disclosure.Web" >"$work/server.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/reports/zhongwei-commerce/2023" || true)" = 200 ]; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done

mkdir -p "$static_dir"
curl -s "$base/reports/zhongwei-commerce/2023" -o "$static_dir/report.html"

declare -a names=("(a) static file, same bytes" "(b) report page" "(c) report PDF" "(d) report JSON")
declare -a paths=("/bench/report.html" "/reports/zhongwei-commerce/2023" "/reports/zhongwei-commerce/2023.pdf" "/reports/zhongwei-commerce/2023.json")
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/statistics/2023")" = 200 ]; then
  names+=("(e) statistics 2023"); paths+=("/statistics/2023")
else
  echo "note: /statistics/2023 is not in this build; (e) skipped" >&2
fi
names+=("(f) home page"); paths+=("/")

# Warm-up: every endpoint rendered, cached and JIT-compiled before measuring.
for p in "${paths[@]}"; do wrk -t1 -c4 -d2s "$base$p" >/dev/null; done

to_ms() { # wrk prints 1.23ms, 456.00us, 1.20s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v } else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 } else print v }'
}

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
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
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
wrk -t2 -c"$connections" -d"${memory_seconds}s" "$base/reports/zhongwei-commerce/2023" >"$work/memory-wrk.txt" &
wrk_pid=$!
for _ in $(seq 5 5 "$memory_seconds"); do sleep 5; samples+=("$(rss)"); done
wait "$wrk_pid"
samples+=("$(rss)")
echo
echo "RSS (MB) every 5 s during ${memory_seconds} s of (b): ${samples[*]}"
echo "(b) over ${memory_seconds} s: $(awk '/^Requests\/sec:/ { print $2 }' "$work/memory-wrk.txt") requests/s"
