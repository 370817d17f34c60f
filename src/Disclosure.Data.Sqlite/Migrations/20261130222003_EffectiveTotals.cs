using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EffectiveTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Derived",
                table: "YearCellTotals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Derived",
                table: "ReportSummaries",
                type: "TEXT",
                unicode: false,
                nullable: false,
                defaultValue: " ");

            // The summaries were worked out with the printed totals and the old R2/R5 (ADR 0016): forget every year's
            // state, so that every year is summed again from its effective figures at the next start (ADR 0008).
            migrationBuilder.Sql("DELETE FROM YearSummaries;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Derived",
                table: "YearCellTotals");

            migrationBuilder.DropColumn(
                name: "Derived",
                table: "ReportSummaries");
        }
    }
}
