using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.SqlServer.Migrations
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
                type: "datetime2",
                nullable: true);

            // One-time passwords handed out before this migration get the default 72 hours from the upgrade, rather than
            // never expire.
            // EXEC: in the idempotent script this shares a batch with the ALTER TABLE above, and SQL Server would refuse to
            // compile a statement naming a column that does not exist yet.
            migrationBuilder.Sql("EXEC(N'UPDATE [AspNetUsers] SET [OneTimePasswordExpiresUtc] = DATEADD(hour, 72, SYSUTCDATETIME()) WHERE [MustChangePassword] = 1');");
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
