using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReviewCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AgencyId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ApplicationNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReviewOrganOnly = table.Column<bool>(type: "bit", nullable: false),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: true),
                    VoidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VoidReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewCases_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_AgencyId_FiledOn_ConcludedOn",
                table: "ReviewCases",
                columns: new[] { "AgencyId", "FiledOn", "ConcludedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_AgencyId_Number",
                table: "ReviewCases",
                columns: new[] { "AgencyId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewCases");
        }
    }
}
