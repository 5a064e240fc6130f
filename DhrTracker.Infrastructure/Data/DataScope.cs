namespace DhrTracker.Infrastructure.Data;

/// <summary>
/// Whose data a context may see and whom its writes are recorded against. A context for a signed-in
/// person sees only their partnership; <see cref="System"/> (seeding, sign-in look-ups, migrations) sees
/// all; <see cref="Nobody"/> sees nothing, which is what a context gets when no one is signed in.
/// </summary>
public sealed record DataScope(int PartnershipId, bool AllPartnerships, int? UserId, string UserName)
{
    public static readonly DataScope System = new(0, true, null, "System");
    public static readonly DataScope Nobody = new(-1, false, null, "Nobody");

    public static DataScope For(int partnershipId, int userId, string userName) => new(partnershipId, false, userId, userName);
}
