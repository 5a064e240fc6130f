using DhrTracker.Infrastructure.Import;
using DhrTracker.Web.Features.Import;

namespace DhrTracker.Tests.Features.Import;

/// <summary>
/// Compares a plan as it was imported with the same plan read back from the Home Office action plan the tracker
/// exports: the same recommendations, actions, agencies (as the partnership's agencies they were saved as) and dates.
/// </summary>
internal static class PlanRoundTrip
{
    public static void AssertSame(ImportedPlan imported, Func<string, int> agencyIdOf, ImportedPlan exported)
    {
        int ExportedId(string name) =>
            exported.AgencyMatches.TryGetValue(name, out var match) && match.AgencyId is { } id
                ? id
                : throw new Xunit.Sdk.XunitException($"The exported plan names an agency that is not the partnership's: {name}");

        var expected = imported.Recommendations.OrderBy(r => r.Number.Trim(), ImportChecks.NumberOrder).ToList();
        Assert.Equal(
            expected.Select(r => (r.Number.Trim(), r.Text, r.Scope)),
            exported.Recommendations.Select(r => (r.Number, r.Text, r.Scope)));
        Assert.Empty(exported.UnmatchedAgencyNames);

        for (var r = 0; r < expected.Count; r++)
        {
            var source = expected[r];
            var back = exported.Recommendations[r];
            Assert.Equal(
                ImportChecks.AddressedTo(source).Select(agencyIdOf).Distinct().Order(),
                back.AddressedTo.Select(ExportedId).Order());
            Assert.Equal(source.Actions.Count, back.Actions.Count);
            for (var a = 0; a < source.Actions.Count; a++)
            {
                var was = source.Actions[a];
                var now = back.Actions[a];
                Assert.Equal(was.Description, now.Description);
                Assert.Equal(agencyIdOf(was.LeadAgency!), ExportedId(now.LeadAgency!));
                Assert.Equal(
                    was.SupportingAgencies.Select(agencyIdOf).Where(id => id != agencyIdOf(was.LeadAgency!)).Distinct().Order(),
                    now.SupportingAgencies.Select(ExportedId).Order());
                Assert.Equal(was.TargetDate.Date, now.TargetDate.Date);
                Assert.Equal(
                    was.Milestones.Select(m => (m.Description, m.DueOn.Date ?? was.TargetDate.Date)).OrderBy(m => m.Item2).ThenBy(m => m.Description),
                    now.Milestones.Select(m => (m.Description, m.DueOn.Date)).OrderBy(m => m.Item2).ThenBy(m => m.Description));
                Assert.Equal(was.IsComplete, now.IsComplete);
                if (was.IsComplete)
                {
                    Assert.Equal((was.CompletedOn.Date, was.CompletionOutcome), (now.CompletedOn.Date, now.CompletionOutcome));
                }
            }
        }
    }
}
