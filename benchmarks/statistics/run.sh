#!/usr/bin/env bash
# Wall time of the statistics pages on a generated data set (default 2,000 agencies × 5 years ≈ 2M cells),
# measured with curl against the Release build of the portal on 127.0.0.1. Bounded: every request times out at 60 s,
# the app is stopped at the end.
#
#   benchmarks/statistics/run.sh                    # generate the database once, then measure
#   INDEX=covering benchmarks/statistics/run.sh     # the same with the recommended index added (see README.md)
#   RUNS=20 DB=/tmp/other.db AGENCIES=500 benchmarks/statistics/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${DB:-/tmp/disclosure-statistics-bench.db}
AGENCIES=${AGENCIES:-2000}
YEARS=${YEARS:-5}
LAST_YEAR=${LAST_YEAR:-2024}
PORT=${PORT:-5198}
RUNS=${RUNS:-10}
INDEX=${INDEX:-none}
INDEX_NAME=IX_ReportCells_Covering
INDEX_SQL="CREATE INDEX IF NOT EXISTS $INDEX_NAME ON ReportCells (ReportVersionId, \"Table\", Row, \"Column\", Number)"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c Release src/Disclosure.Web -nologo -v q
  dotnet build -c Release benchmarks/Disclosure.Statistics.Benchmarks -nologo -v q
fi
GEN=benchmarks/Disclosure.Statistics.Benchmarks/bin/Release/net10.0/Disclosure.Statistics.Benchmarks.dll
if [ ! -f "$DB" ]; then
  dotnet "$GEN" generate --db "$DB" --agencies "$AGENCIES" --years "$YEARS" --last-year "$LAST_YEAR"
fi
case "$INDEX" in
  covering) dotnet "$GEN" sql --db "$DB" "$INDEX_SQL" ;;
  none) dotnet "$GEN" sql --db "$DB" "DROP INDEX IF EXISTS $INDEX_NAME" ;;
  *) echo "INDEX is covering or none" >&2; exit 2 ;;
esac
dotnet "$GEN" sql --db "$DB" "ANALYZE" >/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Disclosure="Data Source=$DB" \
Serilog__MinimumLevel__Default=Warning \
Serilog__WriteTo__1__Args__path=/tmp/disclosure-bench-logs/log-.txt \
  timeout 900 dotnet src/Disclosure.Web/bin/Release/net10.0/Disclosure.Web.dll --contentRoot "$PWD/src/Disclosure.Web" --urls "http://127.0.0.1:$PORT" >/tmp/disclosure-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 1
done

# Anonymous pages are served from the output cache after their first request, so the "cold" column is what the
# database work costs; the other years and rules are first requests too (after the JIT has warmed up on the first).
URLS=(
  "/statistics/$LAST_YEAR"
  "/statistics/$((LAST_YEAR - 1))"
  "/statistics/$((LAST_YEAR - 2))"
  "/data-quality?year=$LAST_YEAR"
  "/data-quality?year=$((LAST_YEAR - 1))"
  "/data-quality?year=$LAST_YEAR&rule=R1"
  "/data-quality?year=$LAST_YEAR&rule=S1&page=3"
  "/data-quality?agency=gen-c1"
  "/api/v1/years/$LAST_YEAR/table3.csv"
  "/api/v1/years/$LAST_YEAR.xlsx"
  "/agencies/gen-c1/trends"
  "/compare?agencies=gen-c1,gen-c2,gen-c3&year=$LAST_YEAR"
  "/api/v1/reports?year=$LAST_YEAR&page=3"
)
echo "index: $INDEX; database: $DB; $RUNS runs after one cold request; times in ms"
printf '%-55s %6s %5s %8s %8s %8s\n' url status cold median p90 max
for url in "${URLS[@]}"; do
  read -r status cold < <(curl -s -o /dev/null --max-time 60 -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT$url")
  times=()
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(curl -s -o /dev/null --max-time 60 -w '%{time_total}' "http://127.0.0.1:$PORT$url")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v url="$url" -v status="$status" -v cold="$cold" '
    { t[NR] = $1 * 1000 }
    END { printf "%-55s %6s %5.0f %8.1f %8.1f %8.1f\n", url, status, cold * 1000, t[int((NR + 1) / 2)], t[int(NR * 0.9 + 0.5)], t[NR] }'
done
