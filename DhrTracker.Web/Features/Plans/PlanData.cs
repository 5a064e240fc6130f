using System.Linq.Expressions;
using DhrTracker.Domain.Actions;
using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Plans;

/// <summary>What a plan command returns: the id of the thing saved (new or existing).</summary>
public sealed record Saved(int Id);

public enum MoveDirection
{
    Up,
    Down,
}

public static class PlanData
{
    /// <summary>
    /// Saves a change to a versioned aggregate made from a form loaded at <paramref name="loadedVersion"/>. The
    /// root is marked changed even when only its children changed (a milestone achieved, an addressee added), so
    /// that its version is checked and bumped and a second person saving from the same version is told.
    /// </summary>
    public static async Task SaveAsync<T>(DhrDbContext db, T root, int loadedVersion, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        Persistence.ExpectVersion(db, root, loadedVersion);
        db.Entry(root).Property(e => e.Version).IsModified = true;
        await Persistence.SaveAsync(db, cancellationToken);
    }

    /// <summary>Swaps an item with its neighbour in a list ordered by sort order, renumbering 1..n so gaps never accumulate.</summary>
    public static void Move<T>(IReadOnlyList<T> siblingsInOrder, T item, MoveDirection direction, Action<T, int> setOrder)
    {
        var list = siblingsInOrder.ToList();
        var index = list.IndexOf(item);
        var target = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (index < 0 || target < 0 || target >= list.Count)
        {
            throw new DomainException(direction == MoveDirection.Up ? "It is already first." : "It is already last.");
        }

        (list[index], list[target]) = (list[target], list[index]);
        for (var i = 0; i < list.Count; i++)
        {
            setOrder(list[i], i + 1);
        }
    }
}
