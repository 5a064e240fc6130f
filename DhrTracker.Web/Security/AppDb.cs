using DhrTracker.Infrastructure.Data;

namespace DhrTracker.Web.Security;

/// <summary>Opens a short-lived context that can see only the signed-in person's partnership.</summary>
public sealed class AppDb(DhrDbContextFactory factory, ICurrentUser currentUser)
{
    public async Task<(DhrDbContext Db, UserContext User)> OpenAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return (factory.Create(DataScope.For(user.PartnershipId, user.UserId, user.Name)), user);
    }
}
