using DhrTracker.Domain.Users;
using DhrTracker.Web.Security;

namespace DhrTracker.Tests.Integration.Matrix;

public enum Outcome
{
    Allowed,
    Forbidden,
    NotFound,
    SignIn,
}

/// <summary>
/// Which operations of the matrix let a person do this: any one of them is enough, under its condition
/// (<see cref="Permissions.ConditionOf"/>). <see cref="AnySignedIn"/> is for pages every signed-in person has
/// (the home page), <see cref="Anonymous"/> for sign-in and error pages.
/// </summary>
public sealed record AccessRule(IReadOnlyList<Operation> AnyOf, bool AnySignedIn = false, bool Anonymous = false)
{
    public static AccessRule Of(params Operation[] anyOf) => new(anyOf);

    public static readonly AccessRule EverySignedIn = new([], AnySignedIn: true);

    public static readonly AccessRule Public = new([], Anonymous: true);

    public override string ToString() => Anonymous ? "anyone" : AnySignedIn ? "anyone signed in" : string.Join(" or ", AnyOf);
}

/// <summary>The expected outcome, worked out from <see cref="Permissions"/> alone.</summary>
public static class MatrixExpectation
{
    public static Outcome For(AccessRule rule, MatrixTarget target, MatrixPrincipal principal, UserContext? user, bool installationOwner)
    {
        if (rule.Anonymous)
        {
            return Outcome.Allowed;
        }

        if (user is null)
        {
            return Outcome.SignIn;
        }

        if (rule.AnySignedIn)
        {
            return Outcome.Allowed;
        }

        var byRole = rule.AnyOf.Where(op => Permissions.Allows(user.Role, op)).ToList();
        if (byRole.Count == 0)
        {
            return Outcome.Forbidden;
        }

        if (principal.OtherPartnership && target.InFirstPartnership)
        {
            return Outcome.NotFound;
        }

        if (byRole.Any(op => Holds(Permissions.ConditionOf(op))))
        {
            return Outcome.Allowed;
        }

        // Only the installation condition is about the person rather than the record: it is "no access", not "not found".
        return byRole.All(op => Permissions.ConditionOf(op) == Condition.InstallationOwners) ? Outcome.Forbidden : Outcome.NotFound;

        bool Holds(Condition condition) => condition switch
        {
            Condition.OwnPartnership => true,
            Condition.OwnAgency => user.AgencyId is { } agency && (target.AgencyId is null || target.AgencyId == agency),
            Condition.PublishedReviews => target.Published,
            Condition.InstallationOwners => installationOwner,
            _ => false,
        };
    }
}
