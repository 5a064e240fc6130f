using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reporting;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Quarters.CloseQuarter;

/// <summary>
/// Close a quarter: freeze every action's status, dates and latest update. Closing one that is already
/// closed needs <paramref name="ConfirmReclose"/>; the earlier snapshot stays in the history, superseded.
/// </summary>
public sealed record CloseQuarterCommand(int StartYear, int QuarterNumber, bool ConfirmReclose) : ICommand<CloseQuarterResult>;

public sealed record CloseQuarterResult(int ClosureId, int Snapshots, bool NeedsConfirmation, string Message);

public sealed class CloseQuarterHandler(AppDb appDb, TimeProvider clock) : ICommandHandler<CloseQuarterCommand, CloseQuarterResult>
{
    public async ValueTask<CloseQuarterResult> Handle(CloseQuarterCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.CloseQuarter);
        var quarter = new FinancialQuarter(command.StartYear, command.QuarterNumber);
        var now = UkClock.UtcNow(clock);
        var today = UkClock.Today(clock);
        if (quarter.Start > today)
        {
            throw new DomainException($"{quarter.Label} has not started yet.", "Quarter");
        }

        var existing = await db.QuarterClosures
            .Where(q => q.StartYear == quarter.StartYear && q.QuarterNumber == quarter.Number && q.SupersededAtUtc == null)
            .SingleOrDefaultAsync(cancellationToken);
        if (existing is not null && !command.ConfirmReclose)
        {
            return new CloseQuarterResult(existing.Id, 0, true,
                $"{quarter.Label} was already closed on {existing.ClosedAtUtc:d MMMM yyyy} by {existing.ClosedByName}. Closing it again replaces that snapshot in papers; the earlier one stays in the history.");
        }

        // Statuses as they stand on the day of closing, or on the quarter's last day if it is closed late.
        var asOf = today < quarter.End ? today : quarter.End;
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        var statuses = await ActionStatuses.ForAsync(db, a => a.CreatedOn <= quarter.End, asOf, settings.Thresholds, cancellationToken);
        var details = await db.Actions.AsNoTracking()
            .InScope(db)
            .Where(a => a.CreatedOn <= quarter.End)
            .Select(a => new
            {
                a.Id,
                a.TargetDate,
                a.OriginalTargetDate,
                a.CompletedOn,
                // Scalar subqueries (index seeks), not an object: see ActionStatuses.ForAsync.
                LatestNarrative = a.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).Select(u => (string?)u.Narrative).FirstOrDefault(),
                LatestPostedAtUtc = a.Updates.OrderByDescending(u => u.PostedAtUtc).ThenByDescending(u => u.Id).Select(u => (DateTime?)u.PostedAtUtc).FirstOrDefault(),
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        var snapshots = statuses.Select(s =>
        {
            var d = details[s.ActionId];
            return new ActionSnapshot(s.ActionId, s.ReviewId, s.RecommendationId, s.LeadAgencyId, s.Assessment.Status, s.Assessment.Reason,
                d.TargetDate, d.OriginalTargetDate, d.CompletedOn, d.LatestNarrative, d.LatestPostedAtUtc is { } posted ? DateOnly.FromDateTime(posted) : null);
        }).ToList();

        existing?.Supersede(now);
        var closure = new QuarterClosure(user.PartnershipId, quarter, user.Actor, now, snapshots);
        db.QuarterClosures.Add(closure);
        await Persistence.SaveAsync(db, cancellationToken);
        return new CloseQuarterResult(closure.Id, snapshots.Count, false,
            $"{quarter.Label} closed: {snapshots.Count} actions frozen ({BragCounts.Of(snapshots.Select(s => s.Status))}).");
    }
}
