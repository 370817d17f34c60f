#!/usr/bin/env bash
# Writes the idempotent SQL Server migration script (every migration in src/Disclosure.Data.SqlServer, each guarded
# by a check of __EFMigrationsHistory, so it can be run against an empty or a partly migrated database).
# A DBA applies it with sqlcmd where the app must not alter the schema itself (Database:MigrateOnStartup=false).
#
#   eng/sqlserver-script.sh [output.sql]      default: artifacts/sqlserver-migrations.sql under the repository root
#
# No database server is contacted: the design-time factory in src/Disclosure.Data.SqlServer only names a provider.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -ge 1 ] && [ -n "$1" ]; then
  out=$(realpath -m -- "$1")   # relative to the caller's directory, not the repository's
else
  out="$root/artifacts/sqlserver-migrations.sql"
fi

cd "$root"
mkdir -p "$(dirname "$out")"
dotnet tool restore >/dev/null   # dotnet-ef, pinned in dotnet-tools.json
dotnet ef migrations script --idempotent \
  --project src/Disclosure.Data.SqlServer \
  --startup-project src/Disclosure.Data.SqlServer \
  -o "$out"
echo "SQL Server migration script: $out"
