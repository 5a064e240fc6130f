using DhrTracker.Domain.Common;
using DhrTracker.Domain.Notifications;
using DhrTracker.Domain.Users;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace DhrTracker.Web.Features.Notifications;

/// <summary>
/// Composes what each person should hear: the lead officers' and the co-ordinators' weekly digests, the chair's monthly
/// one, and the messages that gather an agency's events over ten minutes. Each is written as a notification (the bell)
/// and, unless the person turned it off, an outbox message, in one transaction, under a key unique per person, kind and
/// period: running the cycle again (after a restart, or on a second instance at the same moment) finds the key taken and
/// makes nothing. A person with nothing to act on gets nothing. Nothing in a message is case detail: references, action
/// numbers, counts, dates, agency names and links only (docs/decisions/mail-digests.md).
/// </summary>
public sealed class DigestCycle(DhrDbContextFactory factory, EmailOptions options, IClock clock, ILogger<DigestCycle> logger) : IMailWorkStep
{
    /// <summary>How long an agency's events are gathered before they go, counted from the first.</summary>
    public static readonly TimeSpan GatherFor = TimeSpan.FromMinutes(10);

    public Task RunAsync(CancellationToken cancellationToken) => RunOnceAsync(cancellationToken);

    /// <summary>One turn: every digest due in the current period not yet composed, and every gathered event message due. Returns how many were composed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        List<int> partnershipIds;
        await using (var db = factory.Create(DataScope.System))
        {
            partnershipIds = await db.Partnerships.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        }

        var composed = 0;
        foreach (var partnershipId in partnershipIds)
        {
            composed += await ComposePartnershipAsync(partnershipId, now, cancellationToken);
        }

        return composed;
    }

    private async Task<int> ComposePartnershipAsync(int partnershipId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(DataScope.System);
        var data = await DigestData.LoadAsync(db, partnershipId, UkTime.DateOf(now), cancellationToken);
        var schedule = await db.DigestSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, cancellationToken)
            ?? DigestSchedule.DefaultFor(partnershipId);
        var week = DigestPeriods.CurrentWeek(now, schedule.WeeklyDay, schedule.WeeklyTime);
        var month = DigestPeriods.CurrentMonth(now, schedule.MonthlyDay, schedule.WeeklyTime);
        var since = month.StartUtc < week.StartUtc ? month.StartUtc : week.StartUtc;
        var taken = (await db.Notifications.AsNoTracking()
                .Where(n => n.PartnershipId == partnershipId && n.CreatedAtUtc >= since)
                .Select(n => n.DedupKey)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => p.PartnershipId == partnershipId).ToDictionaryAsync(p => p.UserId, cancellationToken);

        var composed = 0;
        foreach (var person in data.People)
        {
            MessageKind? kind = person.Role switch
            {
                Role.LeadOfficer => MessageKind.LeadOfficerDigest,
                Role.Coordinator => MessageKind.CoordinatorDigest,
                Role.CspChair => MessageKind.ChairDigest,
                _ => null,
            };
            if (kind is not { } digestKind)
            {
                continue;
            }

            var period = digestKind == MessageKind.ChairDigest ? month : week;
            var key = DigestPeriods.Key(person.Id, digestKind, period.Day);
            if (taken.Contains(key))
            {
                continue;
            }

            var previousStart = digestKind == MessageKind.ChairDigest
                ? DigestPeriods.CurrentMonth(period.StartUtc.AddSeconds(-1), schedule.MonthlyDay, schedule.WeeklyTime).StartUtc
                : period.StartUtc.AddDays(-7);
            var digest = digestKind switch
            {
                MessageKind.LeadOfficerDigest => DigestWriter.LeadOfficer(data, person, previousStart, options.LinkBaseUrl),
                MessageKind.CoordinatorDigest => DigestWriter.Coordinator(data, options.LinkBaseUrl),
                _ => DigestWriter.Chair(data, schedule.EscalateRedAfterDays, options.LinkBaseUrl),
            };
            if (digest is null)
            {
                continue; // nothing to act on: nothing sent
            }

            if (await WriteAsync(partnershipId, person, digestKind, key, digest, preferences, data, now, cancellationToken))
            {
                composed++;
            }
        }

        composed += await GatherEventsAsync(db, partnershipId, data, preferences, now, cancellationToken);
        return composed;
    }

    private async Task<int> GatherEventsAsync(
        DhrDbContext db, int partnershipId, DigestData data, Dictionary<int, NotificationPreference> preferences, DateTime now, CancellationToken cancellationToken)
    {
        var waiting = await db.PendingEvents.AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && e.GatheredAtUtc == null)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var composed = 0;
        foreach (var agencyEvents in waiting.GroupBy(e => e.AgencyId))
        {
            var events = agencyEvents.ToList();
            if (events.Min(e => e.OccurredAtUtc) > now - GatherFor)
            {
                continue; // still gathering
            }

            var firstId = events.Min(e => e.Id);
            composed += await factory.ExecuteAsync(
                async ct =>
                {
                    await using var write = factory.Create(DataScope.System);
                    write.WriteAuditTrail = false;
                    await using var transaction = await write.Database.BeginTransactionAsync(ct);
                    var ids = events.Select(e => e.Id).ToList();
                    var marked = await write.PendingEvents.Where(e => ids.Contains(e.Id) && e.GatheredAtUtc == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.GatheredAtUtc, now), ct);
                    if (marked != ids.Count)
                    {
                        return 0; // another instance gathered them
                    }

                    var written = 0;

                    foreach (var officer in data.People.Where(p => p.Role == Role.LeadOfficer && p.AgencyId == agencyEvents.Key))
                    {
                        var message = DigestWriter.Events(events, data, options.LinkBaseUrl);
                        Add(write, partnershipId, officer, MessageKind.SoonAfterEvent, $"event:{officer.Id}:{firstId}", message, preferences, data, now, events: true);
                        written++;
                    }

                    await write.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return written;
                },
                cancellationToken);
        }

        return composed;
    }

    private async Task<bool> WriteAsync(
        int partnershipId, DigestData.Person person, MessageKind kind, string key, DigestWriter.Message digest,
        Dictionary<int, NotificationPreference> preferences, DigestData data, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await using var write = factory.Create(DataScope.System);
            write.WriteAuditTrail = false; // the system's own composing, not anyone's edit
            Add(write, partnershipId, person, kind, key, digest, preferences, data, now, events: false);
            await write.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsDuplicateKey(ex))
        {
            // Another instance composed this person's digest for this period a moment ago: one is enough.
            logger.LogDebug("Digest {Key} was already composed elsewhere.", key);
            return false;
        }
    }

    private static void Add(
        DhrDbContext db, int partnershipId, DigestData.Person person, MessageKind kind, string key, DigestWriter.Message message,
        Dictionary<int, NotificationPreference> preferences, DigestData data, DateTime now, bool events)
    {
        db.Notifications.Add(new Notification(partnershipId, person.Id, kind, key, message.Subject, string.Join('\n', message.Lines.Select(l => l.Text)), message.Link, now));
        var preference = preferences.GetValueOrDefault(person.Id);
        if (preference is not null && !(events ? preference.EventsByEmail : preference.DigestByEmail))
        {
            return; // in the app only
        }

        var recipient = person;
        var subject = message.Subject;
        if (preference is not null && preference.IsAwayOn(UkTime.DateOf(now)))
        {
            // On leave: the deputy receives the digest instead (a gathered event message waits in the app).
            if (events || preference.DeputyUserId is not { } deputyId || data.People.FirstOrDefault(p => p.Id == deputyId) is not { } deputy)
            {
                return;
            }

            recipient = deputy;
            subject = $"{message.Subject} (for {person.Name}, on leave)";
        }

        db.OutboxMessages.Add(new OutboxMessage(partnershipId, recipient.Id, recipient.Email, recipient.Name, kind, key,
            subject.Length <= OutboxMessage.SubjectLength ? subject : subject[..OutboxMessage.SubjectLength], message.Text(), message.Html(), now));
    }

    private static bool IsDuplicateKey(DbUpdateException ex) =>
        ex.InnerException?.Message is { } m
        && (m.Contains("UNIQUE constraint failed", StringComparison.OrdinalIgnoreCase) // SQLite
            || m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)); // SQL Server 2601/2627
}
