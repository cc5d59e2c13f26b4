using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RioChecklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RioConfirmedAt",
                table: "RoutePartners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RioConfirmedBy",
                table: "RoutePartners",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RioReportedOn",
                table: "RoutePartners",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RioConfirmedAt",
                table: "RoutePartners");

            migrationBuilder.DropColumn(
                name: "RioConfirmedBy",
                table: "RoutePartners");

            migrationBuilder.DropColumn(
                name: "RioReportedOn",
                table: "RoutePartners");
        }
    }
}
