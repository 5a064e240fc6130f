using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Settings.GetSettings;

[Requires(Operation.ManageSettings)]
public sealed record GetSettingsQuery : IQuery<SettingsView>;

public sealed record SettingsView(string PartnershipName, int Version, PartnershipSettings Settings);

/// <summary>The signed-in administrator's partnership settings: the timescales and thresholds DOMAIN.md makes configurable.</summary>
public sealed class GetSettingsHandler(AppDb appDb) : IQueryHandler<GetSettingsQuery, SettingsView>
{
    public async ValueTask<SettingsView> Handle(GetSettingsQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ManageSettings);
        return await db.Partnerships.AsNoTracking()
            .Select(p => new SettingsView(p.Name, p.Version, p.Settings))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
    }
}
