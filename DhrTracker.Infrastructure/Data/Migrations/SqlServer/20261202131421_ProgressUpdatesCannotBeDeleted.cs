using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DhrTracker.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ProgressUpdatesCannotBeDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A progress update is part of the record: the database refuses to delete one, and so refuses to delete an action
            // (whose updates would go with it by cascade) once anything has been posted on it. An AFTER trigger, because SQL
            // Server allows no INSTEAD OF DELETE trigger on a table reached by a cascading delete; THROW rolls the delete back.
            migrationBuilder.Sql(@"EXEC(N'CREATE TRIGGER [dbo].[ProgressUpdates_NoDelete] ON [dbo].[ProgressUpdate] AFTER DELETE AS BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM deleted) THROW 51000, ''Progress updates are append-only.'', 1; END')");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS [dbo].[ProgressUpdates_NoDelete];");

        }
    }
}
