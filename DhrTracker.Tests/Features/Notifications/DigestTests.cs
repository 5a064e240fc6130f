using DhrTracker.Domain.Common;
using DhrTracker.Domain.Notifications;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Data.Seed;
using DhrTracker.Infrastructure.Mail;
using DhrTracker.Tests.Support;
using DhrTracker.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DhrTracker.Tests.Features.Notifications;

/// <summary>
/// The digests on the demo data with a fixed clock (Monday 23 November 2026): who gets what, with the right items and
/// links, and no case detail in any message; once per person and period however often and wherever the cycle runs;
/// Europe/London times across the clock changes.
/// </summary>
public sealed class DigestTests
{
    private const string BaseUrl = "https://dhr.eastshire.example";

    [Fact]
    public async Task EachRoleGetsItsDigestWithTheRightItemsAndLinksAndAPersonWithNothingDueGetsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.True(await Cycle(database).RunOnceAsync(CancellationToken.None) > 0);

        var messages = await MessagesAsync(database);
        var byRecipient = messages.ToDictionary(m => m.ToAddress);

        // The co-ordinator's and chair's digests, and every lead officer whose agency has something due or overdue.
        var coordinator = byRecipient[DemoData.Emails.Coordinator];
        Assert.Equal(MessageKind.CoordinatorDigest, coordinator.Kind);
        Assert.Contains("Waiting for your decision", coordinator.TextBody);
        Assert.Contains($"{BaseUrl}/actions/", coordinator.TextBody);
        Assert.Contains($"href=\"{BaseUrl}/dashboards/delivery\"", coordinator.HtmlBody);

        var chair = byRecipient[DemoData.Emails.Chair];
        Assert.Equal(MessageKind.ChairDigest, chair.Kind);
        Assert.Contains("Decisions due", chair.TextBody);
        Assert.Contains(DemoData.References.AwaitingDecision, chair.TextBody);
        Assert.Contains($"{BaseUrl}/reviews/", chair.TextBody);

        var police = byRecipient[DemoData.Emails.PoliceOfficer];
        Assert.Equal(MessageKind.LeadOfficerDigest, police.Kind);
        Assert.Matches(@"action \d+(\(\w\))?\.\d+", police.TextBody);
        Assert.Contains($"{BaseUrl}/actions/", police.TextBody);

        // Nobody who acts on nothing: the scrutiny member and the administrator get no digest.
        Assert.DoesNotContain(DemoData.Emails.Scrutiny, byRecipient.Keys);
        Assert.DoesNotContain(DemoData.Emails.Administrator, byRecipient.Keys);

        // Each digest is in the person's notifications list too.
        await using var db = database.Open(DataScope.System);
        var notified = await db.Notifications.AsNoTracking().ToListAsync();
        Assert.Equal(messages.Select(m => m.DedupKey).Order(), notified.Select(n => n.DedupKey).Order());
    }

    [Fact]
    public async Task ALeadOfficerWhoseAgencyHasNothingOpenGetsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        int quietAgency;
        await using (var db = database.Open(DataScope.System))
        {
            // A new agency with a lead officer and no actions or reports: nothing to act on.
            var partnershipId = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var agency = new global::DhrTracker.Domain.Agencies.Agency(partnershipId, "Quiet Housing Association", global::DhrTracker.Domain.Agencies.AgencyKind.Police);
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            quietAgency = agency.Id;
            db.Users.Add(new UserAccount(partnershipId, "Quiet Officer", "quiet.officer@eastshire.example", Role.LeadOfficer, quietAgency));
            await db.SaveChangesAsync();
        }

        await Cycle(database).RunOnceAsync(CancellationToken.None);
        var messages = await MessagesAsync(database);
        Assert.DoesNotContain(messages, m => m.ToAddress == "quiet.officer@eastshire.example");
        Assert.Contains(messages, m => m.ToAddress == DemoData.Emails.PoliceOfficer);
    }

    [Fact]
    public async Task NoMessageOfAnyKindCarriesCaseDetail()
    {
        await using var database = await TestDatabase.CreateAsync();
        await Cycle(database).RunOnceAsync(CancellationToken.None);

        // A gathered event message too, for every kind of event.
        await using (var db = database.Open(DataScope.System))
        {
            var action = await db.Actions.OrderBy(a => a.Id).FirstAsync(a => a.CompletionAcceptedOn == null);
            foreach (var kind in Enum.GetValues<EventKind>())
            {
                db.PendingEvents.Add(new PendingEvent(action.PartnershipId, action.LeadAgencyId, kind, action.Id, "", "", database.UkClock.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        database.Clock.Advance(DigestCycle.GatherFor);
        await Cycle(database).RunOnceAsync(CancellationToken.None);

        var messages = await MessagesAsync(database);
        Assert.Equal(
            Enum.GetValues<MessageKind>().Order(),
            messages.Select(m => m.Kind).Distinct().Order());

        var forbidden = await CaseDetailAsync(database);
        Assert.NotEmpty(forbidden);
        Each.Of(messages, m =>
        {
            foreach (var secret in forbidden)
            {
                Assert.DoesNotContain(secret, m.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, m.TextBody, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, System.Net.WebUtility.HtmlDecode(m.HtmlBody), StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Fact]
    public async Task TheCycleComposesOneDigestPerPersonAndPeriodHoweverOftenAndWhereverItRuns()
    {
        await using var database = await TestDatabase.CreateAsync();

        // Two instances' cycles at the same moment, then a restart.
        await Task.WhenAll(Cycle(database).RunOnceAsync(CancellationToken.None), Cycle(database).RunOnceAsync(CancellationToken.None));
        var first = await MessagesAsync(database);
        Assert.Equal(0, await Cycle(database).RunOnceAsync(CancellationToken.None));
        Assert.NotEmpty(first);
        Assert.Equal(first.Count, first.Select(m => (m.RecipientUserId, m.Kind)).Distinct().Count());
        Assert.Equal(first.Count, (await MessagesAsync(database)).Count);

        // Next week's digest is a new period.
        database.Clock.Advance(TimeSpan.FromDays(7));
        await Cycle(database).RunOnceAsync(CancellationToken.None);
        var later = await MessagesAsync(database);
        Assert.True(later.Count(m => m.Kind == MessageKind.CoordinatorDigest && m.ToAddress == DemoData.Emails.Coordinator) == 2, "A second week gives the co-ordinator a second digest.");
        Assert.Single(later, m => m.Kind == MessageKind.ChairDigest && m.ToAddress == DemoData.Emails.Chair);
    }

    [Fact]
    public async Task TwoInstancesOverOneDatabaseSendOneDigestPerPersonThroughARealSmtpServer()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var a = (Cycle: Cycle(database), Sender: OutboxDeliveryTests.Sender(database, smtp));
        var b = (Cycle: Cycle(database), Sender: OutboxDeliveryTests.Sender(database, smtp));

        await Task.WhenAll(
            Task.Run(async () => { await a.Cycle.RunOnceAsync(CancellationToken.None); await a.Sender.SendDueAsync(CancellationToken.None); }),
            Task.Run(async () => { await b.Cycle.RunOnceAsync(CancellationToken.None); await b.Sender.SendDueAsync(CancellationToken.None); }));
        await a.Sender.SendDueAsync(CancellationToken.None);

        var received = smtp.Received;
        Assert.NotEmpty(received);
        var perPerson = received.GroupBy(m => m.To.Mailboxes.Single().Address).ToList();
        Each.Of(perPerson, g => Assert.Single(g));
        Assert.Contains(perPerson, g => g.Key == DemoData.Emails.Coordinator);
        Assert.Contains(perPerson, g => g.Key == DemoData.Emails.Chair);
    }

    [Fact]
    public async Task OnLeaveTheDeputyReceivesTheDigestAndAPersonWhoTurnedEmailOffHasItInTheAppOnly()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open(DataScope.System))
        {
            var police = await db.Users.SingleAsync(u => u.Email == DemoData.Emails.PoliceOfficer);
            var coordinator = await db.Users.SingleAsync(u => u.Email == DemoData.Emails.Coordinator);
            var chair = await db.Users.SingleAsync(u => u.Email == DemoData.Emails.Chair);
            var away = new NotificationPreference(police.PartnershipId, police.Id);
            away.SetLeave(database.Today.AddDays(-1), database.Today.AddDays(10), coordinator.Id);
            var quiet = new NotificationPreference(chair.PartnershipId, chair.Id);
            quiet.Choose(digestByEmail: false, eventsByEmail: false);
            db.NotificationPreferences.AddRange(away, quiet);
            await db.SaveChangesAsync();
        }

        await Cycle(database).RunOnceAsync(CancellationToken.None);
        var messages = await MessagesAsync(database);
        var forPolice = Assert.Single(messages, m => m.Kind == MessageKind.LeadOfficerDigest && m.Subject.Contains("on leave", StringComparison.Ordinal));
        Assert.Equal(DemoData.Emails.Coordinator, forPolice.ToAddress);
        Assert.DoesNotContain(messages, m => m.ToAddress == DemoData.Emails.PoliceOfficer);
        Assert.DoesNotContain(messages, m => m.ToAddress == DemoData.Emails.Chair);

        await using var check = database.Open(DataScope.System);
        var chairId = await check.Users.Where(u => u.Email == DemoData.Emails.Chair).Select(u => u.Id).SingleAsync();
        Assert.Single(await check.Notifications.Where(n => n.UserId == chairId && n.Kind == MessageKind.ChairDigest).ToListAsync());
    }

    [Theory]
    [InlineData("2026-03-23T12:00:00Z", "2026-03-23T08:00:00Z")] // March, before the clocks go forward: GMT
    [InlineData("2026-03-30T12:00:00Z", "2026-03-30T07:00:00Z")] // the Monday after: BST
    [InlineData("2026-07-13T12:00:00Z", "2026-07-13T07:00:00Z")] // July: BST
    [InlineData("2026-11-02T12:00:00Z", "2026-11-02T08:00:00Z")] // November: GMT again
    [InlineData("2026-11-02T07:59:00Z", "2026-10-26T08:00:00Z")] // a minute before 08:00 London: still last week's period
    [InlineData("2026-07-13T06:59:00Z", "2026-07-06T07:00:00Z")] // a minute before 08:00 BST
    public void AMondayEightOClockDigestGoesAtEightLondonTimeWhateverTheSeason(string now, string expectedStart)
    {
        var (day, start) = DigestPeriods.CurrentWeek(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal), DayOfWeek.Monday, new TimeOnly(8, 0));
        Assert.Equal(DateTime.Parse(expectedStart, null, System.Globalization.DateTimeStyles.AdjustToUniversal), start);
        Assert.Equal(DayOfWeek.Monday, day.DayOfWeek);
        Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(UkTime.ToUk(start)));
    }

    [Fact]
    public void TheChairsMonthBeginsOnItsDayAtItsLondonTime()
    {
        var (day, start) = DigestPeriods.CurrentMonth(new DateTime(2026, 7, 1, 6, 30, 0, DateTimeKind.Utc), 1, new TimeOnly(8, 0));
        Assert.Equal((new DateOnly(2026, 6, 1), new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc)), (day, start));
        (day, start) = DigestPeriods.CurrentMonth(new DateTime(2026, 7, 1, 7, 0, 0, DateTimeKind.Utc), 1, new TimeOnly(8, 0));
        Assert.Equal((new DateOnly(2026, 7, 1), new DateTime(2026, 7, 1, 7, 0, 0, DateTimeKind.Utc)), (day, start));
    }

    internal static DigestCycle Cycle(TestDatabase database) =>
        new(database.Factory, new EmailOptions { LinkBaseUrl = BaseUrl }, database.UkClock, NullLogger<DigestCycle>.Instance);

    private static async Task<List<OutboxMessage>> MessagesAsync(TestDatabase database)
    {
        await using var db = database.Open(DataScope.System);
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Everything in the demo data that is case detail: pseudonyms, circumstances, recommendation and action text, narratives.</summary>
    private static async Task<List<string>> CaseDetailAsync(TestDatabase database)
    {
        await using var db = database.Open(DataScope.System);
        var texts = new List<string?>();
        texts.AddRange(await db.Reviews.Select(r => r.VictimPseudonym).ToListAsync());
        texts.AddRange(await db.Reviews.Select(r => r.PerpetratorPseudonym).ToListAsync());
        texts.AddRange(await db.Reviews.Select(r => r.Circumstances).ToListAsync());
        texts.AddRange(await db.Reviews.Select(r => r.TermsOfReferenceSummary).ToListAsync());
        texts.AddRange(await db.Recommendations.Select(r => r.Text).ToListAsync());
        texts.AddRange(await db.Actions.Select(a => a.Description).ToListAsync());
        texts.AddRange(await db.Actions.Select(a => a.OutcomeSought).ToListAsync());
        texts.AddRange(await db.Actions.Select(a => a.ProposedEvidence).ToListAsync());
        texts.AddRange(await db.Actions.Select(a => a.LastReturnReason).ToListAsync());
        texts.AddRange(await db.Actions.SelectMany(a => a.Milestones).Select(m => m.Description).ToListAsync());
        texts.AddRange(await db.Actions.SelectMany(a => a.Updates).Select(u => u.Narrative).ToListAsync());
        texts.AddRange(await db.Actions.SelectMany(a => a.TargetRevisions).Select(r => r.Reason).ToListAsync());

        // Whole texts, and each pseudonym on its own ("Adult A" as well as the longer texts).
        return texts.Where(t => !string.IsNullOrWhiteSpace(t) && t!.Trim().Length >= 3).Select(t => t!.Trim()).Distinct().ToList();
    }
}
