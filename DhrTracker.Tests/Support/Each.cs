namespace DhrTracker.Tests.Support;

/// <summary>
/// <c>Assert.All</c> passes for an empty collection, so "every row is Red" holds when there are no rows at all. Every
/// "each of them" check in this suite goes through here instead: there must be something to check.
/// </summary>
public static class Each
{
    public static void Of<T>(IEnumerable<T> items, Action<T> assertion)
    {
        var list = items.ToList();
        Assert.True(list.Count > 0, "Nothing to check: the collection is empty, so the assertion about each item proves nothing.");
        Assert.All(list, assertion);
    }
}
