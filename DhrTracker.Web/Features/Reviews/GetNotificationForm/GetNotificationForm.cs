using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Reviews.GetReviewStages;
using DhrTracker.Web.Features.Shared;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Reviews.GetNotificationForm;

/// <summary>What the "record a notified death" form offers: the partnership's agencies and its decision timescale.</summary>
[Requires(Operation.RecordNotification)]
public sealed record GetNotificationFormQuery : IQuery<NotificationFormView>;

public sealed record NotificationFormView(IReadOnlyList<AgencyOption> Agencies, int DecisionDueMonths);

public sealed class GetNotificationFormHandler(AppDb appDb) : IQueryHandler<GetNotificationFormQuery, NotificationFormView>
{
    public async ValueTask<NotificationFormView> Handle(GetNotificationFormQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.RecordNotification);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new AgencyOption(a.Id, a.Name, a.IsActive)).ToListAsync(cancellationToken);
        var settings = await ActionStatuses.SettingsAsync(db, cancellationToken);
        return new NotificationFormView(agencies, settings.DecisionDueMonths);
    }
}
