using DhrTracker.Domain.Users;
using DhrTracker.Web.Features.Pipeline;
using DhrTracker.Web.Security;
using Mediator;

namespace DhrTracker.Tests.Features.Pipeline;

/// <summary>The pipeline refuses before any handler runs; every request says what it needs.</summary>
public sealed class RequirementTests
{
    private static readonly Type[] Requests = typeof(RequestPipeline<,>).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void EveryRequestDeclaresWhatItNeeds()
    {
        Assert.NotEmpty(Requests);
        var undeclared = Requests.Where(t => !Requirement.IsDeclared(t)).Select(t => t.Name).ToList();
        Assert.True(undeclared.Count == 0, "Requests with no [Requires], [RequiresSignedIn] or IDecidesItsOperation: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void EveryDeclaredOperationIsAllowedToSomeRole()
    {
        foreach (var request in Requests)
        {
            foreach (var operation in Requirement.OperationsOf(request))
            {
                Assert.True(Enum.GetValues<Role>().Any(r => Permissions.Allows(r, operation)), $"{request.Name} needs {operation}, which no role has.");
            }
        }
    }

    [Fact]
    public void NobodySignedInIsRefused() =>
        Assert.Throws<ForbiddenException>(() => Requirement.Check(new Probe(), null));

    [Fact]
    public void AnyOneOfTheDeclaredOperationsIsEnough()
    {
        Requirement.Check(new Probe(), User(Role.Scrutiny));
        Requirement.Check(new Probe(), User(Role.Coordinator));
        Assert.Throws<ForbiddenException>(() => Requirement.Check(new Probe(), User(Role.LeadOfficer)));
        Assert.Throws<ForbiddenException>(() => Requirement.Check(new Probe(), User(Role.Administrator)));
    }

    [Fact]
    public void ARequestWithoutADeclarationIsRefusedLoudly() =>
        Assert.Throws<InvalidOperationException>(() => Requirement.Check(new Undeclared(), User(Role.Coordinator)));

    private static UserContext User(Role role) => new(1, "Someone", 1, "Eastshire", role, role == Role.LeadOfficer ? 1 : null);

    [Requires(Operation.ViewScrutinySummary, Operation.ViewFullActionPlan)]
    private sealed record Probe;

    private sealed record Undeclared;
}
