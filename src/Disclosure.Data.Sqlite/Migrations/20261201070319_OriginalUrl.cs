using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OriginalUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginalUrl",
                table: "ReportVersions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OriginalUrl",
                table: "ReportVersions");
        }
    }
}
