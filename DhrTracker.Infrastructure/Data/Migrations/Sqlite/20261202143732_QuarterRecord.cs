using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DhrTracker.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuarterRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Record",
                table: "QuarterClosures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarterClosures_OneCurrentPerQuarter",
                table: "QuarterClosures",
                columns: new[] { "PartnershipId", "StartYear", "QuarterNumber", "SupersededAtUtc" },
                unique: true,
                filter: "SupersededAtUtc IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuarterClosures_OneCurrentPerQuarter",
                table: "QuarterClosures");

            migrationBuilder.DropColumn(
                name: "Record",
                table: "QuarterClosures");
        }
    }
}
