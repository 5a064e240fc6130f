using DhrTracker.Domain.Common;
using DhrTracker.Domain.Partnerships;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Admin.Partnerships;
using DhrTracker.Web.Features.Reviews.GetRegister;
using DhrTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Admin;

/// <summary>An installation that starts empty: its administrator sets up the first partnership and appoints its administrator.</summary>
public sealed class PartnershipsTests
{
    private static CreatePartnershipCommand Northshire(string adminEmail = "nat.admin@northshire.example") =>
        new("Northshire Community Safety Partnership", "NCSP", "Northshire", Nation.Wales, "Nia North", "csp@northshire.example", "Nat Admin", adminEmail);

    [Fact]
    public async Task OnAnEmptyDatabaseTheInstallationAdministratorSetsUpAPartnershipAndItsAdministrator()
    {
        await using var app = await HandlerHarness.CreateAsync(withDemoData: false);
        app.SignInAsInstallationAdministrator();
        Assert.Empty(await app.SendAsync(new GetPartnershipsQuery()));

        var saved = await app.SendAsync(Northshire());

        await using var db = app.Database.Open(DataScope.System);
        var partnership = await db.Partnerships.SingleAsync();
        Assert.Equal(saved.Id, partnership.Id);
        Assert.Equal(("Northshire", Nation.Wales), (partnership.Area, partnership.Nation));
        Assert.Equal(PartnershipSettings.Defaults(), partnership.Settings);
        var admin = await db.Users.SingleAsync();
        Assert.Equal((partnership.Id, Role.Administrator, "nat.admin@northshire.example", true), (admin.PartnershipId, admin.Role, admin.Email, admin.IsActive));

        // Audited against the installation administrator, in the new partnership's trail.
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Partnership) || a.EntityType == nameof(UserAccount)).ToListAsync();
        Assert.Equal(2, audit.Count);
        Each.Of(audit, a => Assert.Equal(("Ivy Installer", partnership.Id), (a.UserName, a.PartnershipId)));

        var listed = Assert.Single(await app.SendAsync(new GetPartnershipsQuery()));
        Assert.Equal(["Nat Admin (nat.admin@northshire.example)"], listed.Administrators);
    }

    [Fact]
    public async Task ARepeatedShortCodeOrAnAddressAlreadyRegisteredIsRefusedAgainstItsField()
    {
        await using var app = await HandlerHarness.CreateAsync();
        app.SignInAsInstallationAdministrator();
        var code = await Assert.ThrowsAsync<DomainException>(async () => await app.SendAsync(Northshire() with { ShortCode = DemoData.FirstPartnershipCode }));
        Assert.Equal(nameof(CreatePartnershipCommand.ShortCode), code.Field);
        var email = await Assert.ThrowsAsync<DomainException>(async () => await app.SendAsync(Northshire(DemoData.Emails.Coordinator)));
        Assert.Equal(nameof(CreatePartnershipCommand.AdministratorEmail), email.Field);
        var notAnAddress = await Assert.ThrowsAsync<DomainException>(async () => await app.SendAsync(Northshire("nat admin")));
        Assert.Equal(nameof(CreatePartnershipCommand.AdministratorEmail), notAnAddress.Field);
    }

    [Fact]
    public async Task TheInstallationAdministratorSeesNoCaseDataAndSomeoneNoLongerNamedCannotSetUpPartnerships()
    {
        await using var app = await HandlerHarness.CreateAsync();
        app.SignInAsInstallationAdministrator();
        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.SendAsync(new GetRegisterQuery(new RegisterFilter())));

        // The role in the cookie is not enough: the address must still be in Security:InstallationAdministrators.
        app.CurrentUser.User = UserContext.ForInstallationAdministrator("former@dhrtracker.example", "Former");
        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.SendAsync(new GetPartnershipsQuery()));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.SendAsync(Northshire()));
    }

    [Fact]
    public void NoDirectoryEntryCanHoldTheInstallationAdministratorsRole() =>
        Assert.Throws<DomainException>(() => new UserAccount(1, "Someone", "someone@example.org", Role.InstallationAdministrator, null));
}
