using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RenderedPdfs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RenderedPdfs",
                columns: table => new
                {
                    ReportVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RendererVersion = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    PageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RenderedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenderedPdfs", x => x.ReportVersionId);
                    table.ForeignKey(
                        name: "FK_RenderedPdfs_ReportVersions_ReportVersionId",
                        column: x => x.ReportVersionId,
                        principalTable: "ReportVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RenderedPdfs");
        }
    }
}
