using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Features.Plans;
using DhrTracker.Web.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Admin.Partnerships;

/// <summary>The installation's partnerships, for its administrator: who runs each, never what is in it.</summary>
[Requires(Operation.ManagePartnerships)]
public sealed record GetPartnershipsQuery : IQuery<IReadOnlyList<PartnershipSummary>>;

public sealed record PartnershipSummary(int Id, string Name, string ShortCode, string? Area, Nation Nation, string? ContactName, string? ContactEmail, IReadOnlyList<string> Administrators, int People);

/// <summary>
/// The installation administrator sets up a partnership (default timescales) and appoints its first administrator,
/// who then adds everyone else.
/// </summary>
[Requires(Operation.ManagePartnerships)]
public sealed record CreatePartnershipCommand(
    string Name,
    string ShortCode,
    string? Area,
    Nation Nation,
    string? ContactName,
    string? ContactEmail,
    string AdministratorName,
    string AdministratorEmail) : ICommand<Saved>;

public sealed class GetPartnershipsHandler(RequestContext context, IConfiguration configuration) : IQueryHandler<GetPartnershipsQuery, IReadOnlyList<PartnershipSummary>>
{
    public async ValueTask<IReadOnlyList<PartnershipSummary>> Handle(GetPartnershipsQuery query, CancellationToken cancellationToken)
    {
        PartnershipAdministration.RequireInstallationOwner(configuration, context.User);
        var db = context.InstallationDb;
        var partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Select(u => new { u.PartnershipId, u.DisplayName, u.Email, u.Role, u.IsActive }).ToListAsync(cancellationToken);
        return partnerships.Select(p => new PartnershipSummary(
                p.Id, p.Name, p.ShortCode, p.Area, p.Nation, p.ContactName, p.ContactEmail,
                people.Where(u => u.PartnershipId == p.Id && u.Role == Role.Administrator && u.IsActive).Select(u => $"{u.DisplayName} ({u.Email})").Order().ToList(),
                people.Count(u => u.PartnershipId == p.Id && u.IsActive)))
            .ToList();
    }
}

public sealed class CreatePartnershipHandler(RequestContext context, IConfiguration configuration) : ICommandHandler<CreatePartnershipCommand, Saved>
{
    public async ValueTask<Saved> Handle(CreatePartnershipCommand command, CancellationToken cancellationToken)
    {
        PartnershipAdministration.RequireInstallationOwner(configuration, context.User);
        var db = context.InstallationDb;
        var partnership = Partnership.Create(command.Name, command.ShortCode, command.Area, command.Nation, command.ContactName, command.ContactEmail);
        if (await db.Partnerships.AnyAsync(p => p.ShortCode == partnership.ShortCode, cancellationToken))
        {
            throw new DomainException($"Another partnership already uses the short code \"{partnership.ShortCode}\".", nameof(CreatePartnershipCommand.ShortCode));
        }

        if (await db.Partnerships.AnyAsync(p => p.Name == partnership.Name, cancellationToken))
        {
            throw new DomainException($"There is already a partnership called \"{partnership.Name}\".", nameof(CreatePartnershipCommand.Name));
        }

        var email = PersonRules.Email(command.AdministratorEmail, nameof(CreatePartnershipCommand.AdministratorEmail));
        if (InstallationAdministrators.Includes(configuration, email))
        {
            throw new DomainException(
                "That is an installation administrator's address. An installation administrator holds no role in a partnership: appoint someone else.",
                nameof(CreatePartnershipCommand.AdministratorEmail));
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw new DomainException("Someone with that e-mail address is already registered (in this or another partnership).", nameof(CreatePartnershipCommand.AdministratorEmail));
        }

        db.Partnerships.Add(partnership);
        await context.SaveAsync(cancellationToken);
        db.Users.Add(new UserAccount(partnership.Id, PersonRules.Name(command.AdministratorName, nameof(CreatePartnershipCommand.AdministratorName)), email, Role.Administrator, null));
        return new Saved(partnership.Id);
    }
}

public static class PartnershipAdministration
{
    /// <summary>The role is not enough: the person must also be named in <c>Security:InstallationAdministrators</c> now.</summary>
    public static void RequireInstallationOwner(IConfiguration configuration, UserContext user)
    {
        if (!InstallationAdministrators.Includes(configuration, user))
        {
            throw new ForbiddenException();
        }
    }
}
