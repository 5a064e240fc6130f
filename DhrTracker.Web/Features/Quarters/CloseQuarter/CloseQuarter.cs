using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Infrastructure.Documents.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DhrTracker.Web.Features.Quarters.CloseQuarter;

/// <summary>
/// Close a quarter: freeze every action's status, dates and latest update, and keep the quarter's whole paper as it
/// stands (review stages and their lateness, counts, milestones reached and missed, risks), from which its paper and
/// the Quarters page are written ever after. A closed quarter is a record: it is not closed again.
/// </summary>
[Requires(Operation.CloseQuarter)]
public sealed record CloseQuarterCommand(int StartYear, int QuarterNumber) : ICommand<CloseQuarterResult>;

public sealed record CloseQuarterResult(int ClosureId, int Snapshots, string Message);

public sealed class CloseQuarterHandler(RequestContext context) : ICommandHandler<CloseQuarterCommand, CloseQuarterResult>
{
    public async ValueTask<CloseQuarterResult> Handle(CloseQuarterCommand command, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var quarter = new FinancialQuarter(command.StartYear, command.QuarterNumber);
        var now = context.UtcNow;
        var today = context.Today;
        if (quarter.Start > today)
        {
            throw new DomainException($"{quarter.Label} has not started yet.", "Quarter");
        }

        var existing = await db.QuarterClosures.AsNoTracking().InScope(db)
            .Where(q => q.StartYear == quarter.StartYear && q.QuarterNumber == quarter.Number && q.SupersededAtUtc == null)
            .Select(q => new { q.ClosedAtUtc, q.ClosedByName })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            throw new DomainException($"{quarter.Label} was closed on {UkTime.DateOf(existing.ClosedAtUtc):d MMMM yyyy} by {existing.ClosedByName}. A closed quarter is a record and is not closed again.", "Quarter");
        }

        // Statuses as they stand on the day of closing, or on the quarter's last day if it is closed late.
        var asOf = QuarterPapers.AsAt(quarter, today);
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var snapshots = await QuarterPapers.SnapshotsAsync(db, quarter, asOf, settings.Thresholds, cancellationToken);
        var earlier = await QuarterPapers.EarlierAsync(db, quarter, cancellationToken);
        var paper = await QuarterPapers.BuildAsync(db, quarter, asOf, snapshots, earlier, context.User.Actor.Name, today, isDraft: false, cancellationToken);

        // The closure is saved through EF (audited); its snapshots, a frozen record that is never edited nor audited, go
        // in with multi-row INSERTs in the same transaction. Change-tracking a thousand rows just to insert them costs
        // more than reading and deriving them all.
        var closure = new QuarterClosure(context.User.PartnershipId, quarter, context.User.Actor, now, []);
        closure.KeepRecord(QuarterRecordJson.Serialize(paper));
        db.QuarterClosures.Add(closure);
        await context.SaveAsync(cancellationToken);
        await SnapshotRows.InsertAsync(db, closure.Id, snapshots, cancellationToken);

        return new CloseQuarterResult(closure.Id, snapshots.Count,
            $"{quarter.Label} closed: {snapshots.Count} actions frozen ({BragCounts.Of(snapshots.Select(s => s.Status))}), with the paper as it stands today.");
    }
}

/// <summary>
/// Writes snapshots on the context's connection and transaction, with the table and column names (and quoting)
/// the EF model gives for the provider in use. SQL Server gets 100 rows to a statement, to save round trips;
/// SQLite, in process, gets one prepared single-row INSERT executed once a row, because it looks each named
/// parameter up by a linear search and a 1,200-parameter statement spent most of its time binding.
/// </summary>
internal static class SnapshotRows
{
    // Twelve parameters a row: 100 rows stay well inside SQL Server's 2,100 parameters a command.
    private const int RowsPerStatement = 100;

    public static async Task InsertAsync(DhrDbContext db, int closureId, IReadOnlyList<ActionSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(ActionSnapshot))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        string[] properties =
        [
            nameof(ActionSnapshot.QuarterClosureId), nameof(ActionSnapshot.ActionItemId), nameof(ActionSnapshot.ReviewId), nameof(ActionSnapshot.RecommendationId),
            nameof(ActionSnapshot.LeadAgencyId), nameof(ActionSnapshot.Status), nameof(ActionSnapshot.Reason), nameof(ActionSnapshot.TargetDate),
            nameof(ActionSnapshot.OriginalTargetDate), nameof(ActionSnapshot.CompletedOn), nameof(ActionSnapshot.LatestUpdate), nameof(ActionSnapshot.LatestUpdateOn),
        ];
        var storeObject = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(entity.FindProperty(p)!.GetColumnName(storeObject)!)));
        var rowsPerStatement = db.Database.IsSqlite() ? 1 : RowsPerStatement;

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        System.Data.Common.DbCommand? command = null;
        try
        {
            foreach (var chunk in snapshots.Chunk(rowsPerStatement))
            {
                // The same statement for every full chunk: only the values change (and SQLite keeps it prepared).
                if (command is null || command.Parameters.Count != chunk.Length * properties.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = Command(connection, transaction, sql, table, columns, properties.Length, chunk.Length);
                }

                var p = 0;
                foreach (var s in chunk)
                {
                    // Both ADO.NET providers bind a DateOnly as their EF mapping stores it (ISO text on SQLite, date on SQL Server).
                    foreach (var value in (object?[])
                             [
                                 closureId, s.ActionItemId, s.ReviewId, s.RecommendationId, s.LeadAgencyId, s.Status.ToString(), s.Reason,
                                 s.TargetDate, s.OriginalTargetDate, s.CompletedOn, s.LatestUpdate, s.LatestUpdateOn,
                             ])
                    {
                        command.Parameters[p++].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static System.Data.Common.DbCommand Command(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, ISqlGenerationHelper sql, string table, string columns, int columnCount, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new string[columnCount];
            for (var i = 0; i < columnCount; i++)
            {
                names[i] = sql.GenerateParameterNamePlaceholder($"p{command.Parameters.Count}");
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[i];
                command.Parameters.Add(parameter);
            }

            values.Add($"({string.Join(", ", names)})");
        }

        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES {string.Join(", ", values)};";
        return command;
    }
}
