using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportSummaries",
                columns: table => new
                {
                    ReportVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    New = table.Column<long>(type: "INTEGER", nullable: true),
                    Processed = table.Column<long>(type: "INTEGER", nullable: true),
                    Granted = table.Column<long>(type: "INTEGER", nullable: true),
                    Reviews = table.Column<long>(type: "INTEGER", nullable: true),
                    Suits = table.Column<long>(type: "INTEGER", nullable: true),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Blanks = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaries", x => x.ReportVersionId);
                    table.ForeignKey(
                        name: "FK_ReportSummaries_ReportVersions_ReportVersionId",
                        column: x => x.ReportVersionId,
                        principalTable: "ReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "YearCellTotals",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Table = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Column = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearCellTotals", x => new { x.Year, x.Format, x.Table, x.Row, x.Column });
                });

            migrationBuilder.CreateTable(
                name: "YearSummaries",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumberSum = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearSummaries", x => x.Year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSummaries");

            migrationBuilder.DropTable(
                name: "YearCellTotals");

            migrationBuilder.DropTable(
                name: "YearSummaries");
        }
    }
}
