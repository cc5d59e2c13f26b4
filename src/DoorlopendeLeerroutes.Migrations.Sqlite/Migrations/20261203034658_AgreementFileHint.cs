using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoorlopendeLeerroutes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementFileHint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FileMentionsTransferOption",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FileMentionsTransferOption",
                table: "Agreements");
        }
    }
}
