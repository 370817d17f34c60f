using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Disclosure.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "RegisterApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApplicantType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApplicantContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CorrectionRequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CorrectionReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsultationStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsultationRepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtensionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionGrantedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExtensionGrantedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeeNoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FeePaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: true),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VoidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueIsProvisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    PersonalDataErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterApplications_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                    table.ForeignKey(
                        name: "FK_CalendarDays_CalendarYears_Year",
                        column: x => x.Year,
                        principalTable: "CalendarYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Year",
                table: "CalendarDays",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterApplications_AgencyId_AnsweredOn_Due",
                table: "RegisterApplications",
                columns: new[] { "AgencyId", "AnsweredOn", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterApplications_AgencyId_Number",
                table: "RegisterApplications",
                columns: new[] { "AgencyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterApplications_AgencyId_ReceivedOn_AnsweredOn",
                table: "RegisterApplications",
                columns: new[] { "AgencyId", "ReceivedOn", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterApplications_AnsweredOn_Due",
                table: "RegisterApplications",
                columns: new[] { "AnsweredOn", "Due" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "RegisterApplications");

            migrationBuilder.DropTable(
                name: "CalendarYears");
        }
    }
}
