using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class FederationSignOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FederationDomain",
                table: "Institutions",
                type: "nvarchar(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LinkedUtc",
                table: "AspNetUserLogins",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_FederationDomain",
                table: "Institutions",
                column: "FederationDomain",
                unique: true,
                filter: "[FederationDomain] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Institutions_FederationDomain",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "FederationDomain",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "LinkedUtc",
                table: "AspNetUserLogins");
        }
    }
}
