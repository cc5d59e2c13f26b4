using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MonitorReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Municipality",
                table: "Institutions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Province",
                table: "Institutions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RmcRegion",
                table: "Institutions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Track",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Province",
                table: "Institutions",
                column: "Province");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Institutions_Province",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "Municipality",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "RmcRegion",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "Track",
                table: "Enrolments");
        }
    }
}
