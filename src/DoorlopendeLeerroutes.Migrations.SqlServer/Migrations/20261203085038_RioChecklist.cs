using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RioConfirmedBy",
                table: "RoutePartners",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RioReportedOn",
                table: "RoutePartners",
                type: "date",
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
