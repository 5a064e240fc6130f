using System.Globalization;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.Shared;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.RecordNotification;

/// <summary>Stage 1: a death notified to the CSP starts a review. Pseudonyms only.</summary>
[Requires(Operation.RecordNotification)]
public sealed record RecordNotificationCommand(NotificationInput Notification) : ICommand<NotificationRecorded>;

public sealed record NotificationRecorded(int ReviewId, string Reference);

public sealed class RecordNotificationHandler(AppDb appDb, IClock clock) : ICommandHandler<RecordNotificationCommand, NotificationRecorded>
{
    private const int Attempts = 3;

    public async ValueTask<NotificationRecorded> Handle(RecordNotificationCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (db, user) = await appDb.OpenAsync(cancellationToken);
            await using var _ = db;
            user.Require(Operation.RecordNotification);
            await ReviewEditing.RequireAgencyAsync(db, command.Notification.NotifyingAgencyId, nameof(NotificationInput.NotifyingAgencyId), cancellationToken);
            var reference = await NextReferenceAsync(db, command.Notification.NotifiedOn.Year, cancellationToken);
            var review = new Review(user.PartnershipId, reference, command.Notification, user.Actor, clock.UtcNow);
            db.Reviews.Add(review);
            try
            {
                await Persistence.SaveAsync(db, cancellationToken);
                return new NotificationRecorded(review.Id, review.Reference);
            }
            catch (DbUpdateException ex) when (attempt < Attempts && IsDuplicateReference(ex))
            {
                // Someone recorded another notification at the same moment and took this reference; take the next.
            }
        }
    }

    /// <summary>References run DHR-YEAR-NN within a partnership, by the year the death was notified.</summary>
    internal static async Task<string> NextReferenceAsync(DhrDbContext db, int year, CancellationToken cancellationToken)
    {
        var prefix = $"DHR-{year.ToString(CultureInfo.InvariantCulture)}-";
        var taken = await db.Reviews.Where(r => r.Reference.StartsWith(prefix)).Select(r => r.Reference).ToListAsync(cancellationToken);
        var highest = taken
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return prefix + (highest + 1).ToString("00", CultureInfo.InvariantCulture);
    }

    private static bool IsDuplicateReference(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 }
        || ex.InnerException?.GetType().Name == "SqlException" && ex.InnerException.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);
}
