using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DhrTracker.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PartnershipAreaAndNation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Area",
                table: "Partnerships",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Nation",
                table: "Partnerships",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "England");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Area",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "Nation",
                table: "Partnerships");
        }
    }
}
