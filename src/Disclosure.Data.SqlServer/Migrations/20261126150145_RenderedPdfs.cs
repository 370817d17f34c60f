using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.SqlServer.Migrations
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
                    ReportVersionId = table.Column<int>(type: "int", nullable: false),
                    RendererVersion = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    ETag = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    PageCount = table.Column<int>(type: "int", nullable: false),
                    RenderedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
