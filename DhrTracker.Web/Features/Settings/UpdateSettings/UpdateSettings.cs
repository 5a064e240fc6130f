using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Settings.UpdateSettings;

/// <summary>The administrator changes the partnership's timescales and thresholds. Every due date follows at once.</summary>
[Requires(Operation.ManageSettings)]
public sealed record UpdateSettingsCommand(int Version, PartnershipSettings Settings) : ICommand<int>;

public sealed class UpdateSettingsHandler(AppDb appDb) : ICommandHandler<UpdateSettingsCommand, int>
{
    public async ValueTask<int> Handle(UpdateSettingsCommand command, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ManageSettings);
        var partnership = await db.Partnerships.SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        Persistence.ExpectVersion(db, partnership, command.Version);
        partnership.ChangeSettings(command.Settings);
        db.Entry(partnership).Property(p => p.Version).IsModified = true;
        await Persistence.SaveAsync(db, cancellationToken);
        return partnership.Version;
    }
}
