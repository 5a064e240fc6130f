using DhrTracker.Domain.Common;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Shared;

/// <summary>Someone else saved the same thing first. Nothing of this save was applied.</summary>
public sealed class ConflictException()
    : Exception("Someone else changed this while you were editing it. Nothing you typed has been lost: reload to see their change, then save yours again.");

/// <summary>The database could not take the save (locked, unavailable). Nothing was applied.</summary>
public sealed class StorageUnavailableException(Exception inner)
    : Exception("The database is busy or unavailable, so nothing was saved. What you typed is still here: try again in a moment.", inner);

public static class Persistence
{
    /// <summary>
    /// Saves one command's changes in one transaction (with its audit trail). What can go wrong is translated into
    /// messages a person can act on by the request pipeline, after the execution strategy has retried what is transient.
    /// </summary>
    public static Task SaveAsync(DhrDbContext db, CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// Refuses a save made from a stale form: the version the person loaded must still be the current one.
    /// Also tells EF to check it in the UPDATE, so a save racing this one is caught too.
    /// </summary>
    public static void ExpectVersion<T>(DhrDbContext db, T entity, int expectedVersion)
        where T : class, IVersioned
    {
        if (entity.Version != expectedVersion)
        {
            throw new ConflictException();
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }
}
