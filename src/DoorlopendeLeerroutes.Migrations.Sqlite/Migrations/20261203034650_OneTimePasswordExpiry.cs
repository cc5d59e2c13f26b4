using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneTimePasswordExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "OneTimePasswordExpiresUtc",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            // One-time passwords handed out before this migration get the default 72 hours from the upgrade, rather than
            // never expire.
            migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"OneTimePasswordExpiresUtc\" = strftime('%Y-%m-%d %H:%M:%S', 'now', '+72 hours') WHERE \"MustChangePassword\" = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OneTimePasswordExpiresUtc",
                table: "AspNetUsers");
        }
    }
}
