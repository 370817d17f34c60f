using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicationLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VersionNumberSum",
                table: "YearSummaries");

            migrationBuilder.AddColumn<int>(
                name: "Events",
                table: "YearSummaries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PublicationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    ReportVersionId = table.Column<int>(type: "int", nullable: true),
                    Year = table.Column<int>(type: "int", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
            migrationBuilder.Sql("UPDATE [YearSummaries] SET [Events] = -1;");

            // The log starts with what is current: one "became current" entry per current version, so that every year's
            // summaries (Events = 0 after this migration) are summed again once, and then follow the log (ADR 0018).
            migrationBuilder.Sql("INSERT INTO [PublicationLog] ([Kind], [AgencyId], [ReportVersionId], [Year], [At]) SELECT 1, r.[AgencyId], v.[Id], r.[Year], COALESCE(v.[PublishedAt], v.[UpdatedAt]) FROM [ReportVersions] AS v INNER JOIN [Reports] AS r ON r.[Id] = v.[ReportId] WHERE v.[IsCurrent] = 1 ORDER BY v.[Id];");

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

            migrationBuilder.DropColumn(
                name: "Events",
                table: "YearSummaries");

            migrationBuilder.AddColumn<long>(
                name: "VersionNumberSum",
                table: "YearSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
