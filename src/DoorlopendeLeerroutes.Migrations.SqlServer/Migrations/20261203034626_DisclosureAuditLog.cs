using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DisclosureAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ActorInstitutionId",
                table: "AuditLog",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "AuditLog",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ObjectId",
                table: "AuditLog",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectKind",
                table: "AuditLog",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PupilId",
                table: "AuditLog",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ActorUserId_Kind_At",
                table: "AuditLog",
                columns: new[] { "ActorUserId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_PupilId",
                table: "AuditLog",
                column: "PupilId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditLog_ActorUserId_Kind_At",
                table: "AuditLog");

            migrationBuilder.DropIndex(
                name: "IX_AuditLog_PupilId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "ActorInstitutionId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "ObjectId",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "ObjectKind",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "PupilId",
                table: "AuditLog");
        }
    }
}
