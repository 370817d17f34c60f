#!/usr/bin/env bash
# Start-up to the first served report: starts the Release build on a fresh (or existing) SQLite database and polls
# the report until it answers 200. Prints the milliseconds. Usage: startup.sh [fresh|warm|nodemo] [PORT]
# fresh: new database (migrations + demo seeding); warm: existing database; nodemo: existing database, Demo off (as in
# production: no demo-data check). Run fresh first: the others reuse its database. Polls /reports/zhongwei-commerce/2023.
# DATA=generated startup.sh [nodemo|warm]: the generated data set instead (2,000 agencies × 5 years, the cached file
# of generated.sh, copied afresh before each start, outside the timing); nodemo is the default, fresh does not apply.
# Polls the report run.sh measures (the first agency with a report in the latest year).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
data="${DATA:-demo}"
default_mode=fresh; [ "$data" = generated ] && default_mode=nodemo
mode="${1:-$default_mode}"; port="${2:-5181}"
case "$data/$mode" in
  demo/fresh|demo/warm|demo/nodemo|generated/warm|generated/nodemo) ;;
  *) echo "usage: [DATA=demo] startup.sh [fresh|warm|nodemo] [PORT]; DATA=generated startup.sh [nodemo|warm] [PORT]" >&2; exit 2 ;;
esac
dll="${DLL:-$repo/src/Disclosure.Web/bin/Release/net10.0/Disclosure.Web.dll}"
[ -f "$dll" ] || dotnet build "$repo/src/Disclosure.Web" -c Release -v q --nologo >/dev/null
work="${BENCH_WORK:-/tmp/disclosure-startup}"; mkdir -p "$work"
report=/reports/zhongwei-commerce/2023; db="$work/startup.db"
if [ "$data" = generated ]; then
  # shellcheck source=generated.sh
  source "$here/generated.sh"
  generated_db
  work="$work/generated"; mkdir -p "$work"
  generated_copy "$work"; db="$work/load.db"
  read -r slug year < <(generated_report "$db")
  [ -n "${slug:-}" ] || { echo "no report found in $GENERATED_DB" >&2; exit 1; }
  report="/reports/$slug/$year"
fi
[ "$mode" = fresh ] && rm -f "$work"/startup.db*
cd "$work"
start=$(date +%s%N)
demo=true; [ "$mode" = nodemo ] && demo=false
# Demo mode runs only in Development (it creates accounts with a published password); otherwise Production.
environment=Production; [ "$demo" = true ] && environment=Development
# Production adds a daily log file (WriteTo:1): into the work folder. Development has no such sink.
logfile=(); [ "$environment" = Production ] && logfile=(Serilog__WriteTo__1__Args__path="$work/logs/log-.txt")
env ASPNETCORE_ENVIRONMENT=$environment Demo__Enabled=$demo Serilog__MinimumLevel__Default=Warning "${logfile[@]}" \
  ConnectionStrings__Disclosure="Data Source=$db" \
  dotnet "$dll" --urls "http://127.0.0.1:$port" --contentRoot "$repo/src/Disclosure.Web" >"$work/startup.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
deadline=$(( $(date +%s) + 120 ))
until [ "$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$report" || true)" = 200 ]; do
  if ! kill -0 $pid 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
    echo "no 200 from $report; the server's log:" >&2; cat "$work/startup.log" >&2; exit 1
  fi
  sleep 0.02
done
end=$(date +%s%N)
# CPU time the process used until then (utime+stime, in clock ticks): comparable across busy and idle machines.
read -r -a stat < "/proc/$pid/stat"; ticks=$(getconf CLK_TCK)
cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
echo "$data $mode start-up to first report ($report): $(( (end - start) / 1000000 )) ms wall, ${cpu_ms} ms CPU (load average $(cut -d' ' -f1 /proc/loadavg), $(nproc) cores)"
