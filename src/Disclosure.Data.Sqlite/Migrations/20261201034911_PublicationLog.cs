using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublicationLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "VersionNumberSum",
                table: "YearSummaries",
                newName: "Events");

            migrationBuilder.CreateTable(
                name: "PublicationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicationLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicationLog_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PublicationLog_ReportVersions_ReportVersionId",
                        column: x => x.ReportVersionId,
                        principalTable: "ReportVersions",
                        principalColumn: "Id");
                });

            // No year's summary rows have followed the log yet: each is summed again once, at start-up or first read.
            migrationBuilder.Sql("UPDATE \"YearSummaries\" SET \"Events\" = -1;");

            // The log starts with what is current: one "became current" entry per current version, so that every year's
            // summaries (Events = 0 after this migration) are summed again once, and then follow the log (ADR 0018).
            migrationBuilder.Sql("INSERT INTO \"PublicationLog\" (\"Kind\", \"AgencyId\", \"ReportVersionId\", \"Year\", \"At\") SELECT 1, r.\"AgencyId\", v.\"Id\", r.\"Year\", COALESCE(v.\"PublishedAt\", v.\"UpdatedAt\") FROM \"ReportVersions\" AS v INNER JOIN \"Reports\" AS r ON r.\"Id\" = v.\"ReportId\" WHERE v.\"IsCurrent\" = 1 ORDER BY v.\"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationLog_AgencyId",
                table: "PublicationLog",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationLog_ReportVersionId",
                table: "PublicationLog",
                column: "ReportVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicationLog_Year_Kind",
                table: "PublicationLog",
                columns: new[] { "Year", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicationLog");

            migrationBuilder.RenameColumn(
                name: "Events",
                table: "YearSummaries",
                newName: "VersionNumberSum");
        }
    }
}
