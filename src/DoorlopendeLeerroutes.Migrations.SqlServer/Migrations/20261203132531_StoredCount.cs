using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.SqlServer.Migrations
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
                    SchoolYear = table.Column<int>(type: "int", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PupilId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RouteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntryYear = table.Column<int>(type: "int", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    VoInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MboInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    PhaseKnownNow = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    FundedInstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ExpectedPhase = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    DiffersFromExpected = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedEnrolments", x => new { x.SchoolYear, x.EnrolmentId });
                });

            migrationBuilder.CreateTable(
                name: "CountedYears",
                columns: table => new
                {
                    SchoolYear = table.Column<int>(type: "int", nullable: false),
                    CountedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedYears", x => x.SchoolYear);
                });

            migrationBuilder.CreateTable(
                name: "CountInvalidations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RouteId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
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
