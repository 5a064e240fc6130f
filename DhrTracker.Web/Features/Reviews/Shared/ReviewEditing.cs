using DhrTracker.Domain.Common;
using DhrTracker.Domain.Reviews;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.Shared;

/// <summary>What a command that changes a review works with: the open context, who is asking, the review and the time.</summary>
public sealed record ReviewChange(DhrDbContext Db, UserContext User, Review Review, DateTime NowUtc, DateOnly Today)
{
    public Actor Actor => User.Actor;
}

/// <summary>
/// The steps every command that changes a review takes, in order: check the role, load the review (another
/// partnership's reads as not found), refuse a stale form, apply the domain method, save in one transaction.
/// </summary>
public static class ReviewEditing
{
    public static async Task<int> ChangeAsync(
        AppDb appDb, TimeProvider clock, Operation operation, int reviewId, int? expectedVersion, Func<ReviewChange, Task> change, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(operation);
        var review = await LoadAsync(db, reviewId, cancellationToken);
        if (expectedVersion is { } version)
        {
            Persistence.ExpectVersion(db, review, version);
        }

        await change(new ReviewChange(db, user, review, UkClock.UtcNow(clock), UkClock.Today(clock)));
        return await SaveAsync(db, review, cancellationToken);
    }

    public static Task<int> ChangeAsync(
        AppDb appDb, TimeProvider clock, Operation operation, int reviewId, int? expectedVersion, Action<ReviewChange> change, CancellationToken cancellationToken) =>
        ChangeAsync(appDb, clock, operation, reviewId, expectedVersion, c =>
        {
            change(c);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>The review with every part a stage method may need.</summary>
    public static async Task<Review> LoadAsync(DhrDbContext db, int reviewId, CancellationToken cancellationToken) =>
        await db.Reviews
            .WithEveryStage()
            .SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken)
        ?? throw new NotFoundException();

    /// <summary>
    /// Saves, bumping the review's version even when only one of its parts changed, so that any form opened
    /// before this change is refused rather than silently overwriting it.
    /// </summary>
    public static async Task<int> SaveAsync(DhrDbContext db, Review review, CancellationToken cancellationToken)
    {
        db.Entry(review).Property(r => r.Version).IsModified = true;
        await Persistence.SaveAsync(db, cancellationToken);
        return review.Version;
    }

    /// <summary>An agency chosen on a form must be one of this partnership's (the database would accept another's).</summary>
    public static async Task RequireAgencyAsync(DhrDbContext db, int? agencyId, string field, CancellationToken cancellationToken)
    {
        if (agencyId is { } id && !await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new DomainException("Choose an agency from the list.", field);
        }
    }
}
