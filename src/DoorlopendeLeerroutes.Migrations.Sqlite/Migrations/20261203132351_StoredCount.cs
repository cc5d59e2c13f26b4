using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoredCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountedEnrolments",
                columns: table => new
                {
                    SchoolYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PupilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RouteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryYear = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VoInstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MboInstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    PhaseKnownNow = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    FundedInstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExpectedPhase = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    DiffersFromExpected = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedEnrolments", x => new { x.SchoolYear, x.EnrolmentId });
                });

            migrationBuilder.CreateTable(
                name: "CountedYears",
                columns: table => new
                {
                    SchoolYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CountedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedYears", x => x.SchoolYear);
                });

            migrationBuilder.CreateTable(
                name: "CountInvalidations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RouteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountInvalidations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CountedEnrolments_EnrolmentId",
                table: "CountedEnrolments",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CountedEnrolments_SchoolYear_MboInstitutionId",
                table: "CountedEnrolments",
                columns: new[] { "SchoolYear", "MboInstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_CountedEnrolments_SchoolYear_RouteId_VoInstitutionId_MboInstitutionId_Phase_Status_DiffersFromExpected",
                table: "CountedEnrolments",
                columns: new[] { "SchoolYear", "RouteId", "VoInstitutionId", "MboInstitutionId", "Phase", "Status", "DiffersFromExpected" });

            migrationBuilder.CreateIndex(
                name: "IX_CountedEnrolments_SchoolYear_VoInstitutionId",
                table: "CountedEnrolments",
                columns: new[] { "SchoolYear", "VoInstitutionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountedEnrolments");

            migrationBuilder.DropTable(
                name: "CountedYears");

            migrationBuilder.DropTable(
                name: "CountInvalidations");
        }
    }
}
