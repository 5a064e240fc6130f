using DhrTracker.Infrastructure.Data;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Support;

/// <summary>Looks up seeded users and turns them into the context the handlers see.</summary>
public static class TestUsers
{
    public static async Task<UserContext> ByEmailAsync(TestDatabase database, string email)
    {
        await using var db = database.Open(DataScope.System);
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var partnership = await db.Partnerships.AsNoTracking().SingleAsync(p => p.Id == account.PartnershipId);
        return new UserContext(account.Id, account.DisplayName, account.PartnershipId, partnership.Name, account.Role, account.AgencyId) { Email = account.Email };
    }
}

/// <summary>Stands in for the signed-in person in handler tests.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public UserContext? User { get; set; }

    public Task<UserContext> GetAsync(CancellationToken cancellationToken = default) =>
        User is null ? throw new ForbiddenException() : Task.FromResult(User);

    public Task<UserContext?> TryGetAsync(CancellationToken cancellationToken = default) => Task.FromResult(User);
}
