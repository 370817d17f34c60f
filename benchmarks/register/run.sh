#!/usr/bin/env bash
# The register benchmark (issue 13): a city office's decade of 100,000 applications in a SQLite file, then table 三 of
# several years, the register list's filters and searches, the dashboard summary, and the import of a generated
# 10,000-row XLSX into another office (wall time and peak working set of the process). Numbers: docs/performance.md.
#
#   benchmarks/register/run.sh                  # generate once (about a minute), then measure
#   DB=/tmp/other.db COUNT=20000 ROWS=2000 benchmarks/register/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${DB:-/tmp/disclosure-register-bench.db}
COUNT=${COUNT:-100000}
ROWS=${ROWS:-10000}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  dotnet build -c Release benchmarks/Disclosure.Register.Benchmarks -nologo -v q
fi
BENCH=benchmarks/Disclosure.Register.Benchmarks/bin/Release/net10.0/Disclosure.Register.Benchmarks.dll
if [ ! -f "$DB" ]; then
  timeout 1200 dotnet "$BENCH" generate --db "$DB" --count "$COUNT"
fi
timeout 600 dotnet "$BENCH" queries --db "$DB"
timeout 600 dotnet "$BENCH" import --db "$DB" --rows "$ROWS"
