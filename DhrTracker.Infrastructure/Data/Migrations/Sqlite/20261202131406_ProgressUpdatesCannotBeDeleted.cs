using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DhrTracker.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgressUpdatesCannotBeDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A progress update is part of the record: the database refuses to delete one, and so refuses to delete an action
            // (whose updates would go with it by cascade) once anything has been posted on it.
            migrationBuilder.Sql(@"CREATE TRIGGER ProgressUpdates_NoDelete BEFORE DELETE ON ProgressUpdate BEGIN SELECT RAISE(ABORT, 'Progress updates are append-only.'); END;");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ProgressUpdates_NoDelete;");

        }
    }
}
