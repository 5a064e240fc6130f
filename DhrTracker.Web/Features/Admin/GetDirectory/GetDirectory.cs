using DhrTracker.Domain.Agencies;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Admin.GetDirectory;

[Requires(Operation.ManageUsers)]
public sealed record GetDirectoryQuery : IQuery<DirectoryView>;

public sealed record DirectoryView(IReadOnlyList<DirectoryUser> Users, IReadOnlyList<DirectoryAgency> Agencies);

public sealed record DirectoryUser(int Id, string Name, string Email, Role Role, string? Agency, bool IsActive, bool LinkedToEntra);

public sealed record DirectoryAgency(int Id, string Name, AgencyKind Kind, bool IsActive, int Users);

/// <summary>The partnership's people and agencies, for the administrator.</summary>
public sealed class GetDirectoryHandler(AppDb appDb) : IQueryHandler<GetDirectoryQuery, DirectoryView>
{
    public async ValueTask<DirectoryView> Handle(GetDirectoryQuery query, CancellationToken cancellationToken)
    {
        var (db, user) = await appDb.OpenAsync(cancellationToken);
        await using var _ = db;
        user.Require(Operation.ManageUsers);
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new DirectoryAgency(a.Id, a.Name, a.Kind, a.IsActive, db.Users.Count(u => u.AgencyId == a.Id)))
            .ToListAsync(cancellationToken);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        var users = (await db.Users.AsNoTracking().OrderBy(u => u.Role).ThenBy(u => u.DisplayName).ToListAsync(cancellationToken))
            .Select(u => new DirectoryUser(u.Id, u.DisplayName, u.Email, u.Role, u.AgencyId is { } a ? names[a] : null, u.IsActive, u.ExternalObjectId is not null))
            .ToList();
        return new DirectoryView(users, agencies);
    }
}
