#!/usr/bin/env bash
# Start-up to the first served report: starts the Release build on a fresh (or existing) SQLite database and polls
# /reports/zhongwei-commerce/2023 until it answers 200. Prints the milliseconds. Usage: startup.sh [fresh|warm|nodemo] [PORT]
# fresh: new database (migrations + demo seeding); warm: existing database; nodemo: existing database, Demo off (as in
# production: no demo-data check). Run fresh first: the others reuse its database.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
mode="${1:-fresh}"; port="${2:-5181}"
dll="${DLL:-$repo/src/Disclosure.Web/bin/Release/net10.0/Disclosure.Web.dll}"
[ -f "$dll" ] || dotnet build "$repo/src/Disclosure.Web" -c Release -v q --nologo >/dev/null
work="${BENCH_WORK:-/tmp/disclosure-startup}"; mkdir -p "$work"
[ "$mode" = fresh ] && rm -f "$work"/startup.db*
cd "$work"
start=$(date +%s%N)
demo=true; [ "$mode" = nodemo ] && demo=false
ASPNETCORE_ENVIRONMENT=Production Demo__Enabled=$demo Serilog__MinimumLevel__Default=Warning \
  Serilog__WriteTo__1__Args__path="$work/logs/log-.txt" \
  ConnectionStrings__Disclosure="Data Source=$work/startup.db" \
  dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$repo/src/Disclosure.Web" >"$work/startup.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/reports/zhongwei-commerce/2023" || true)" = 200 ]; do
  kill -0 $pid 2>/dev/null || { cat "$work/startup.log"; exit 1; }
  sleep 0.02
done
end=$(date +%s%N)
# CPU time the process used until then (utime+stime, in clock ticks): comparable across busy and idle machines.
read -r -a stat < "/proc/$pid/stat"; ticks=$(getconf CLK_TCK)
cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
echo "$mode start-up to first report: $(( (end - start) / 1000000 )) ms wall, ${cpu_ms} ms CPU (load average $(cut -d' ' -f1 /proc/loadavg), $(nproc) cores)"
