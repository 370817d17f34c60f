using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.SqlServer.Migrations
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
                    ReportVersionId = table.Column<int>(type: "int", nullable: false),
                    New = table.Column<long>(type: "bigint", nullable: true),
                    Processed = table.Column<long>(type: "bigint", nullable: true),
                    Granted = table.Column<long>(type: "bigint", nullable: true),
                    Reviews = table.Column<long>(type: "bigint", nullable: true),
                    Suits = table.Column<long>(type: "bigint", nullable: true),
                    Errors = table.Column<int>(type: "int", nullable: false),
                    Warnings = table.Column<int>(type: "int", nullable: false),
                    Blanks = table.Column<int>(type: "int", nullable: false),
                    Rules = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
                    Year = table.Column<int>(type: "int", nullable: false),
                    Format = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    Table = table.Column<int>(type: "int", nullable: false),
                    Row = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Column = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Sum = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YearCellTotals", x => new { x.Year, x.Format, x.Table, x.Row, x.Column });
                });

            migrationBuilder.CreateTable(
                name: "YearSummaries",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Reports = table.Column<int>(type: "int", nullable: false),
                    VersionNumberSum = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
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
