using DhrTracker.Domain.Common;
using DhrTracker.Domain.Users;

namespace DhrTracker.Tests.Domain;

public class UserAccountTests
{
    [Fact]
    public void LeadOfficerMustBelongToAnAgency()
    {
        var ex = Assert.Throws<DomainException>(() => new UserAccount(1, "Olu Officer", "olu@example.org", Role.LeadOfficer, null));

        Assert.Equal(nameof(UserAccount.AgencyId), ex.Field);
    }

    [Fact]
    public void RoleChangeToLeadOfficerWithoutAnAgencyIsRefused()
    {
        var user = new UserAccount(1, "Sam Scrutiny", "sam@example.org", Role.Scrutiny, null);

        Assert.Throws<DomainException>(() => user.ChangeRole(Role.LeadOfficer, null));

        Assert.Equal(Role.Scrutiny, user.Role);
    }

    [Fact]
    public void EmailIsKeptInLowerCase()
    {
        var user = new UserAccount(1, "Olu Officer", " Olu.Officer@Example.ORG ", Role.LeadOfficer, 4);

        Assert.Equal("olu.officer@example.org", user.Email);
        Assert.True(user.IsActive);
        Assert.Equal(4, user.AgencyId);
    }

    [Fact]
    public void DeactivatedUserCanBeActivatedAgain()
    {
        var user = new UserAccount(1, "Cara", "cara@example.org", Role.Coordinator, null);

        user.Deactivate();
        Assert.False(user.IsActive);
        user.Activate();

        Assert.True(user.IsActive);
    }
}
