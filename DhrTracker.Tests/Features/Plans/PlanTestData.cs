using DhrTracker.Domain.Recommendations;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Plans.SaveAction;
using DhrTracker.Web.Features.Plans.SaveMilestone;
using DhrTracker.Web.Features.Plans.SaveRecommendation;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Tests.Features.Plans;

/// <summary>Finds demo data by what a person would call it, and enters a small plan through the real commands.</summary>
internal static class PlanTestData
{
    public const string Haven = "Haven Domestic Abuse Service";
    public const string Police = "Eastshire Constabulary";
    public const string HomeOffice = "Home Office";

    public static async Task<int> ReviewIdAsync(this HandlerHarness app, string reference)
    {
        await using var db = app.Database.Open(DataScope.System);
        return await db.Reviews.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
    }

    public static async Task<int> AgencyIdAsync(this HandlerHarness app, string name, string partnershipCode = DemoData.FirstPartnershipCode)
    {
        await using var db = app.Database.Open(DataScope.System);
        var partnershipId = await db.Partnerships.Where(p => p.ShortCode == partnershipCode).Select(p => p.Id).SingleAsync();
        return await db.Agencies.Where(a => a.Name == name && a.PartnershipId == partnershipId).Select(a => a.Id).SingleAsync();
    }

    public static async Task<int> ThemeIdAsync(this HandlerHarness app, string name, string partnershipCode = DemoData.FirstPartnershipCode)
    {
        await using var db = app.Database.Open(DataScope.System);
        var partnershipId = await db.Partnerships.Where(p => p.ShortCode == partnershipCode).Select(p => p.Id).SingleAsync();
        return await db.Themes.Where(t => t.Name == name && t.PartnershipId == partnershipId).Select(t => t.Id).SingleAsync();
    }

    /// <summary>The demo action whose description starts with these words.</summary>
    public static async Task<int> ActionIdAsync(this HandlerHarness app, string descriptionStart)
    {
        await using var db = app.Database.Open(DataScope.System);
        return await db.Actions.Where(a => a.Description.StartsWith(descriptionStart)).Select(a => a.Id).SingleAsync();
    }

    public static async Task<int> ActionVersionAsync(this HandlerHarness app, int actionId)
    {
        await using var db = app.Database.Open(DataScope.System);
        return await db.Actions.Where(a => a.Id == actionId).Select(a => a.Version).SingleAsync();
    }

    public static async Task<int> RecommendationVersionAsync(this HandlerHarness app, int recommendationId)
    {
        await using var db = app.Database.Open(DataScope.System);
        return await db.Recommendations.Where(r => r.Id == recommendationId).Select(r => r.Version).SingleAsync();
    }

    public static async Task<T> WithDbAsync<T>(this HandlerHarness app, Func<DhrDbContext, Task<T>> read)
    {
        await using var db = app.Database.Open(DataScope.System);
        return await read(db);
    }

    /// <summary>
    /// As the co-ordinator (who must be signed in): one recommendation in DHR-2024-02 (commissioned, report being
    /// resubmitted, no plan yet) with one Haven action whose milestone "Training pack agreed" fell due 10 days ago.
    /// </summary>
    public static async Task<(int ReviewId, int RecommendationId, int ActionId, int MilestoneId)> EnterSmallPlanAsync(this HandlerHarness app)
    {
        var reviewId = await app.ReviewIdAsync(DemoData.References.Resubmitting);
        var haven = await app.AgencyIdAsync(Haven);
        var training = await app.ThemeIdAsync("Training");
        var today = app.Database.Today;
        var rec = await app.SendAsync(new SaveRecommendationCommand(reviewId, null, 0, "1",
            "Haven should train its outreach workers in recognising coercive control of older people.", RecommendationScope.Local, [haven], [training]));
        var action = await app.SendAsync(new SaveActionCommand(rec.Id, null, 0, "Train all outreach workers in coercive control of older people.", haven, [],
            "Aisha Khan", today.AddMonths(6), "Outreach workers recognise coercive control of older people."));
        var milestone = await app.SendAsync(new SaveMilestoneCommand(action.Id, null, await app.ActionVersionAsync(action.Id), "Training pack agreed", today.AddDays(-10)));
        return (reviewId, rec.Id, action.Id, milestone.Id);
    }
}
