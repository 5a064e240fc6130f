using DhrTracker.Domain.Common;
using DhrTracker.Domain.Notifications;
using DhrTracker.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace DhrTracker.Infrastructure.Mail;

/// <summary>
/// Delivers what is waiting in the outbox. Each message is claimed with a conditional UPDATE — only while it is still
/// waiting, due and not held by another sender's unexpired lease — so that several instances over one database (and a
/// restarted one) never deliver it twice; the claim and the outcome are both plain statements on the database, never an
/// in-memory lock. A failed attempt records the server's answer and waits longer each time (1, 2, 4 … minutes, at most
/// an hour); after <see cref="EmailOptions.MaxAttempts"/> the message is marked failed, for a person to see and send again.
/// </summary>
public sealed class OutboxSender(DhrDbContextFactory factory, IMailTransport transport, EmailOptions options, IClock clock, ILogger<OutboxSender>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>How long a claim holds: longer than any one delivery can take (the SMTP client gives up after a minute).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>This sender's name on the messages it holds.</summary>
    public string Owner { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(64, Environment.MachineName.Length + 33)];

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends every message due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        List<int> due;
        await using (var db = factory.Create(DataScope.System))
        {
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == OutboxState.Waiting && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
                .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(50)
                .ToListAsync(cancellationToken);
        }

        var delivered = 0;
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await TrySendAsync(id, cancellationToken))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> TrySendAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(DataScope.System);
        var now = clock.UtcNow;
        var leaseUntil = now + Lease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.State == OutboxState.Waiting && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LeaseOwner, Owner)
                    .SetProperty(m => m.LeaseUntilUtc, leaseUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastAttemptAtUtc, now),
                cancellationToken);
        if (claimed == 0)
        {
            return false; // another sender has it, or it is no longer due
        }

        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        string answer;
        try
        {
            answer = await transport.SendAsync(ToMime(message, options), cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            await RecordFailureAsync(db, message, ex.Answer, cancellationToken);
            return false;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(db, message, ex.Message, cancellationToken);
            return false;
        }

        var sentAt = clock.UtcNow;
        var result = Trim(answer);
        await db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.SentAtUtc, sentAt)
                    .SetProperty(m => m.LastResult, result)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null),
                CancellationToken.None);
        _logger.LogInformation("Outbox message {Id} delivered by {Transport}: {Answer}", id, transport.Name, result);
        return true;
    }

    private async Task RecordFailureAsync(DhrDbContext db, OutboxMessage message, string answer, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts;
        var failed = attempts >= options.MaxAttempts;
        var next = clock.UtcNow + BackOff(attempts);
        var result = Trim(answer);
        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.LeaseOwner == Owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, failed ? OutboxState.Failed : OutboxState.Waiting)
                    .SetProperty(m => m.NextAttemptAtUtc, next)
                    .SetProperty(m => m.LastResult, result)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null),
                cancellationToken);
        _logger.LogWarning("Outbox message {Id}, attempt {Attempt} of {Max}, not delivered by {Transport}: {Answer}", message.Id, attempts, options.MaxAttempts, transport.Name, result);
    }

    private static string Trim(string answer) =>
        answer.Length <= OutboxMessage.ResultLength ? answer : answer[..(OutboxMessage.ResultLength - 1)] + "…";

    /// <summary>The message as it goes out: plain text and HTML alternatives, and a Message-Id that stays the same on every attempt.</summary>
    public static MimeMessage ToMime(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc));
        var domain = options.From.Contains('@', StringComparison.Ordinal) ? options.From[(options.From.IndexOf('@', StringComparison.Ordinal) + 1)..] : "dhrtracker.local";
        mime.MessageId = message.MessageIdFor(domain);
        mime.Headers.Add("X-DhrTracker-Kind", message.Kind.ToString());
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}
