# Sourced by run.sh and startup.sh (not run on its own): the generated data set they use by default.
#   generated_db            sets GENERATED_DB to a cached SQLite file with AGENCIES × YEARS synthetic published reports
#                           (default 2,000 × 5, last year 2024), generating it once with the statistics generator
#                           (benchmarks/Disclosure.Statistics.Benchmarks, a minute or two). The file's name carries a
#                           hash of the generator's sources and the SQLite migrations, so a change to either makes a
#                           new file instead of reusing a stale one. Never opened by a server: callers copy it first.
#   generated_copy DIR      copies it to DIR/load.db (what the server opens and may write to: migrations check, roles,
#                           data-protection keys), so the cached file stays as generated and reruns start alike.
#   generated_report FILE   prints "slug year": the first agency (by id) that has a report in the latest year.
# Needs $repo. Settings: AGENCIES YEARS LAST_YEAR, GENERATED_DB=/path/to/file.db to use (or create) that file instead.
generator_dll() { echo "$repo/benchmarks/Disclosure.Statistics.Benchmarks/bin/Release/net10.0/Disclosure.Statistics.Benchmarks.dll"; }

build_generator() {
  dotnet build "$repo/benchmarks/Disclosure.Statistics.Benchmarks" -c Release -v q --nologo >/dev/null
}

generated_db() {
  local agencies="${AGENCIES:-2000}" years="${YEARS:-5}" last_year="${LAST_YEAR:-2024}" key
  key="$(cd "$repo" && cat benchmarks/Disclosure.Statistics.Benchmarks/*.cs benchmarks/Disclosure.Statistics.Benchmarks/*.csproj \
    src/Disclosure.Data.Sqlite/Migrations/*.cs | sha1sum | cut -c1-8)"
  GENERATED_DB="${GENERATED_DB:-/tmp/disclosure-bench-${agencies}x${years}-${last_year}-$key.db}"
  [ -f "$GENERATED_DB" ] && return 0
  echo "Generating $agencies agencies × $years years into $GENERATED_DB (once; a minute or two)…" >&2
  build_generator
  local partial="$GENERATED_DB.partial-$$"
  # Written under another name and renamed when complete, so an interrupted run leaves no half-made cache.
  timeout 1200 dotnet "$(generator_dll)" generate --db "$partial" --agencies "$agencies" --years "$years" --last-year "$last_year" >&2 \
    || { rm -f "$partial" "$partial-wal" "$partial-shm"; echo "generation failed" >&2; return 1; }
  [ -f "$partial-wal" ] && mv "$partial-wal" "$GENERATED_DB-wal"
  rm -f "$partial-shm"
  mv "$partial" "$GENERATED_DB"
}

generated_copy() {
  rm -f "$1/load.db" "$1/load.db-wal" "$1/load.db-shm"
  cp "$GENERATED_DB" "$1/load.db"
  if [ -f "$GENERATED_DB-wal" ]; then cp "$GENERATED_DB-wal" "$1/load.db-wal"; fi
}

generated_report() {
  [ -f "$(generator_dll)" ] || build_generator
  # The generator's sql command prints the scalar then "(N ms)".
  dotnet "$(generator_dll)" sql --db "$1" \
    "SELECT a.Slug || ' ' || r.Year FROM Reports r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.Year = (SELECT MAX(Year) FROM Reports) ORDER BY a.Id LIMIT 1" \
    | awk '{ print $1, $2 }'
}
