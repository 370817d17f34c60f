using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.SqlServer.Migrations
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
                type: "nvarchar(500)",
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
