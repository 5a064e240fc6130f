using DhrTracker.Tests.Support;
using DhrTracker.Domain.Users;

namespace DhrTracker.Tests.Domain;

public class PermissionsTests
{
    private static readonly Role[] Roles = Enum.GetValues<Role>();

    /// <summary>Everything that shows a review, its facts, its recommendations or its actions.</summary>
    private static readonly Operation[] CaseData =
    [
        Operation.ViewRegister, Operation.ViewReviewStages, Operation.ViewConfidentialFacts, Operation.RecordNotification,
        Operation.RecordDecision, Operation.EditReview, Operation.ViewReviewHistory, Operation.ViewFullActionPlan,
        Operation.ViewPublishedActionPlan, Operation.EditActionPlan, Operation.ViewOwnAgencyActions, Operation.UpdateOwnAgencyAction,
        Operation.DecideCompletionAndRevisions, Operation.ViewOwnAgencyReportRequests, Operation.RecordOwnAgencyReportSubmission,
        Operation.ViewDeliveryDashboard, Operation.ViewChairDashboard, Operation.ViewScrutinySummary, Operation.ViewThemes,
        Operation.CloseQuarter, Operation.DownloadReviewDocuments, Operation.DownloadBoardPaper, Operation.DownloadScrutinyPaper,
    ];

    private static Role[] RolesAllowed(Operation operation) => Roles.Where(r => Permissions.Allows(r, operation)).ToArray();

    [Fact]
    public void OnlyTheCspChairMayRecordADecision()
    {
        Assert.Equal([Role.CspChair], RolesAllowed(Operation.RecordDecision));
    }

    [Fact]
    public void OnlyTheChairAndCoordinatorSeeConfidentialFacts()
    {
        Assert.Equal([Role.CspChair, Role.Coordinator], RolesAllowed(Operation.ViewConfidentialFacts));
    }

    [Fact]
    public void OnlyTheCoordinatorDecidesCompletionsAndRevisionsAndClosesQuarters()
    {
        Assert.Equal([Role.Coordinator], RolesAllowed(Operation.DecideCompletionAndRevisions));
        Assert.Equal([Role.Coordinator], RolesAllowed(Operation.CloseQuarter));
        Assert.Equal([Role.Coordinator], RolesAllowed(Operation.EditActionPlan));
    }

    [Fact]
    public void OnlyLeadOfficersWorkOnTheirOwnAgencysActions()
    {
        Assert.Equal([Role.LeadOfficer], RolesAllowed(Operation.ViewOwnAgencyActions));
        Assert.Equal([Role.LeadOfficer], RolesAllowed(Operation.UpdateOwnAgencyAction));
        Assert.Equal([Role.LeadOfficer], RolesAllowed(Operation.RecordOwnAgencyReportSubmission));
    }

    [Theory]
    [InlineData(Operation.ViewConfidentialFacts)]
    [InlineData(Operation.ViewFullActionPlan)]
    [InlineData(Operation.ViewRegister)]
    [InlineData(Operation.ViewReviewHistory)]
    [InlineData(Operation.EditReview)]
    [InlineData(Operation.DecideCompletionAndRevisions)]
    public void LeadOfficerCannot(Operation operation)
    {
        Assert.False(Permissions.Allows(Role.LeadOfficer, operation));
    }

    [Fact]
    public void ScrutinySeesOnlyThePublishedActionPlan()
    {
        Assert.True(Permissions.Allows(Role.Scrutiny, Operation.ViewPublishedActionPlan));
        Assert.False(Permissions.Allows(Role.Scrutiny, Operation.ViewFullActionPlan));
        Assert.False(Permissions.Allows(Role.Scrutiny, Operation.ViewConfidentialFacts));
        Assert.False(Permissions.Allows(Role.Scrutiny, Operation.ViewReviewHistory));
        Assert.False(Permissions.Allows(Role.Scrutiny, Operation.DownloadReviewDocuments));
        Assert.False(Permissions.Allows(Role.Scrutiny, Operation.DownloadBoardPaper));
    }

    [Fact]
    public void ScrutinyIsReadOnly()
    {
        var scrutiny = Permissions.For(Role.Scrutiny).ToList();

        Each.Of(scrutiny, op => Assert.True(op.ToString().StartsWith("View", StringComparison.Ordinal) || op.ToString().StartsWith("Download", StringComparison.Ordinal), op.ToString()));
        Assert.Contains(Operation.ViewScrutinySummary, scrutiny);
        Assert.Contains(Operation.DownloadScrutinyPaper, scrutiny);
    }

    [Fact]
    public void AdministratorSeesNoCaseData()
    {
        Each.Of(CaseData, op => Assert.False(Permissions.Allows(Role.Administrator, op), op.ToString()));
    }

    [Fact]
    public void AdministratorManagesUsersAgenciesAndSettings()
    {
        Assert.True(Permissions.Allows(Role.Administrator, Operation.ManageUsers));
        Assert.True(Permissions.Allows(Role.Administrator, Operation.ManageAgencies));
        Assert.True(Permissions.Allows(Role.Administrator, Operation.ManageSettings));
        Assert.Equal([Role.Administrator], RolesAllowed(Operation.ManageUsers));
        Assert.Equal([Role.Administrator], RolesAllowed(Operation.ManageSettings));
    }

    [Fact]
    public void CoordinatorManagesAgencies()
    {
        Assert.True(Permissions.Allows(Role.Coordinator, Operation.ManageAgencies));
    }

    [Fact]
    public void EveryOperationIsAllowedToAtLeastOneRole()
    {
        Each.Of(Enum.GetValues<Operation>(), op => Assert.NotEmpty(RolesAllowed(op)));
    }

    [Fact]
    public void ForListsExactlyWhatAllows()
    {
        foreach (var role in Roles)
        {
            Assert.Equal(
                Enum.GetValues<Operation>().Where(op => Permissions.Allows(role, op)).Order(),
                Permissions.For(role).Order());
        }
    }

    [Fact]
    public void UnknownRoleMayDoNothing()
    {
        var unknown = (Role)99;

        Assert.Empty(Permissions.For(unknown));
        Each.Of(Enum.GetValues<Operation>(), op => Assert.False(Permissions.Allows(unknown, op)));
    }

    [Fact]
    public void EveryRoleHasAName()
    {
        Assert.Equal(["CSP chair", "DA & SV co-ordinator", "Lead agency officer", "Scrutiny panel member", "Administrator", "Installation administrator"], Roles.Select(r => r.Describe()));
    }
}
