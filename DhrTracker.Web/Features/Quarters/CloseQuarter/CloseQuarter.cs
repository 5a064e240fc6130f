using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DhrTracker.Web.Features.Quarters.CloseQuarter;

/// <summary>
/// Close a quarter: freeze every action's status, dates and latest update. Closing one that is already
/// closed needs <paramref name="ConfirmReclose"/>; the earlier snapshot stays in the history, superseded.
/// </summary>
[Requires(Operation.CloseQuarter)]
public sealed record CloseQuarterCommand(int StartYear, int QuarterNumber, bool ConfirmReclose) : ICommand<CloseQuarterResult>;

public sealed record CloseQuarterResult(int ClosureId, int Snapshots, bool NeedsConfirmation, string Message);

public sealed class CloseQuarterHandler(AppDb appDb, IClock clock) : ICommandHandler<CloseQuarterCommand, CloseQuarterResult>
{
    public async ValueTask<CloseQuarterResult> Handle(CloseQuarterCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.CloseQuarter);
        var quarter = new FinancialQuarter(command.StartYear, command.QuarterNumber);
        var now = clock.UtcNow;
        var today = clock.Today;
        if (quarter.Start > today)
        {
            throw new DomainException($"{quarter.Label} has not started yet.", "Quarter");
        }

        var existing = await Current(db, quarter).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (existing is not null && !command.ConfirmReclose)
        {
            return new CloseQuarterResult(existing.Id, 0, true,
                $"{quarter.Label} was already closed on {existing.ClosedAtUtc:d MMMM yyyy} by {existing.ClosedByName}. Closing it again replaces that snapshot in papers; the earlier one stays in the history.");
        }

        // Statuses as they stand on the day of closing, or on the quarter's last day if it is closed late.
        var asOf = today < quarter.End ? today : quarter.End;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var end = quarter.End;
        // One pass over the partnership's actions: the status facts and what the snapshot keeps come from the same rows.
        var actions = db.Actions.AsNoTracking().InScope(db).Where(a => a.CreatedOn <= end);
        var rows = await actions
            .WithLatestUpdate(db)
            .SelectWithStatus(x => new
            {
                Columns = ActionStatusReadModel.Columns(x),
                LatestNarrative = x.Latest == null ? null : x.Latest.Narrative,
                LatestPostedAtUtc = x.Latest == null ? (DateTime?)null : x.Latest.PostedAtUtc,
            })
            .ToListAsync(cancellationToken);
        var milestones = await ActionStatuses.MilestonesAsync(actions, cancellationToken);

        var snapshots = rows.Select(r =>
        {
            var c = r.Columns;
            var status = c.Derive(milestones[c.Id], asOf, settings.Thresholds);
            return new ActionSnapshot(c.Id, c.ReviewId, c.RecommendationId, c.LeadAgencyId, status.Status, status.Reason,
                c.TargetDate, c.OriginalTargetDate, c.CompletedOn, r.LatestNarrative, r.LatestPostedAtUtc is { } posted ? UkTime.DateOf(posted) : null);
        }).ToList();

        // The closure is saved through EF (audited, superseding the earlier one); its snapshots, a frozen record that is
        // never edited nor audited, go in with multi-row INSERTs in the same transaction. Change-tracking a thousand
        // rows just to insert them costs more than reading and deriving them all.
        QuarterClosure closure = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var current = await Current(db, quarter).SingleOrDefaultAsync(ct);
            current?.Supersede(now);
            closure = new QuarterClosure(user.PartnershipId, quarter, user.Actor, now, []);
            db.QuarterClosures.Add(closure);
            await Persistence.SaveAsync(db, ct);
            await SnapshotRows.InsertAsync(db, closure.Id, snapshots, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return new CloseQuarterResult(closure.Id, snapshots.Count, false,
            $"{quarter.Label} closed: {snapshots.Count} actions frozen ({BragCounts.Of(snapshots.Select(s => s.Status))}).");
    }

    private static IQueryable<QuarterClosure> Current(DhrDbContext db, FinancialQuarter quarter) =>
        db.QuarterClosures.InScope(db).Where(q => q.StartYear == quarter.StartYear && q.QuarterNumber == quarter.Number && q.SupersededAtUtc == null);
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
