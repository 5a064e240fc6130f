using System.Net;
using System.Text.Json;
using DhrTracker.Domain.Notifications;
using DhrTracker.Infrastructure.Data;
using DhrTracker.Infrastructure.Mail;
using DhrTracker.Tests.Support;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using SmtpServer.Protocol;

namespace DhrTracker.Tests.Features.Notifications;

/// <summary>
/// The outbox delivered through a real SMTP server in process: retries with back-off and a visible failure while the
/// server refuses, exactly one delivery once it recovers, one delivery when two senders share the database or one
/// restarts; the pickup folder as the default; and the Graph request's shape against a local stand-in.
/// </summary>
public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task ARefusingServerIsRetriedWithBackOffTheFailureIsVisibleAndOnceItRecoversTheMessageIsDeliveredExactlyOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var id = await AddMessageAsync(database, "test:refused");
        var sender = Sender(database, smtp, maxAttempts: 3);
        smtp.Refuse = new SmtpResponse((SmtpReplyCode)550, "5.1.1 mailbox unavailable");

        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        var first = await ReadAsync(database, id);
        Assert.Equal((OutboxState.Waiting, 1), (first.State, first.Attempts));
        Assert.Contains("550", first.LastResult);
        Assert.Contains("mailbox unavailable", first.LastResult);
        Assert.Equal(database.UkClock.UtcNow + TimeSpan.FromMinutes(1), first.NextAttemptAtUtc);

        // Not before the back-off has passed.
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Equal(1, (await ReadAsync(database, id)).Attempts);

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await sender.SendDueAsync(CancellationToken.None);
        var second = await ReadAsync(database, id);
        Assert.Equal((OutboxState.Waiting, 2), (second.State, second.Attempts));
        Assert.Equal(database.UkClock.UtcNow + TimeSpan.FromMinutes(2), second.NextAttemptAtUtc);

        database.Clock.Advance(TimeSpan.FromMinutes(2));
        await sender.SendDueAsync(CancellationToken.None);
        var failed = await ReadAsync(database, id);
        Assert.Equal((OutboxState.Failed, 3), (failed.State, failed.Attempts));
        Assert.Contains("550", failed.LastResult);

        // A failed message is not tried again by itself.
        database.Clock.Advance(TimeSpan.FromHours(5));
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Equal(3, (await ReadAsync(database, id)).Attempts);
        Assert.Empty(smtp.Received);

        // The server recovers and the message is sent again: delivered once, and never again.
        smtp.Refuse = null;
        await using (var db = database.Open(DataScope.System))
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id);
            message.Resend(database.UkClock.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        var sent = await ReadAsync(database, id);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.StartsWith("250", sent.LastResult);
        var received = Assert.Single(smtp.Received);
        Assert.Equal(sent.MessageIdFor("eastshire.example"), received.MessageId);
        Assert.Equal("police.officer@eastshire.example", received.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task AServerThatRecoversBeforeTheLastAttemptGetsTheMessageOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var id = await AddMessageAsync(database, "test:transient");
        var sender = Sender(database, smtp, maxAttempts: 6);
        smtp.Refuse = new SmtpResponse((SmtpReplyCode)451, "4.2.0 try again later");

        await sender.SendDueAsync(CancellationToken.None);
        Assert.Contains("451", (await ReadAsync(database, id)).LastResult);

        smtp.Refuse = null;
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Single(smtp.Received);
        Assert.Equal((OutboxState.Sent, 2), ((await ReadAsync(database, id)).State, (await ReadAsync(database, id)).Attempts));
    }

    [Fact]
    public async Task TwoSendersOverOneDatabaseDeliverEachMessageOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        for (var i = 0; i < 12; i++)
        {
            await AddMessageAsync(database, $"test:pair:{i}");
        }

        var a = Sender(database, smtp);
        var b = Sender(database, smtp);
        Assert.NotEqual(a.Owner, b.Owner);
        var delivered = await Task.WhenAll(a.SendDueAsync(CancellationToken.None), b.SendDueAsync(CancellationToken.None));

        Assert.Equal(12, delivered.Sum());
        Assert.Equal(12, smtp.Received.Count);
        Assert.Equal(12, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        await using var db = database.Open(DataScope.System);
        Assert.Equal(12, await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Sent && m.Attempts == 1));
    }

    [Fact]
    public async Task AMessageHeldByASenderThatStoppedIsLeftAloneUntilItsLeaseRunsOutThenDeliveredOnce()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        var id = await AddMessageAsync(database, "test:lease");
        var now = database.UkClock.UtcNow;
        await using (var db = database.Open(DataScope.System))
        {
            // An instance claimed it and stopped (a restart) before it could record the outcome.
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, "stopped-instance").SetProperty(m => m.LeaseUntilUtc, now + OutboxSender.Lease));
        }

        var sender = Sender(database, smtp);
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Empty(smtp.Received);

        database.Clock.Advance(OutboxSender.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task WithNothingConfiguredMessagesAreWrittenAsEmlFilesToAppDataMailUnderTheContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "dhr-pickup", Guid.NewGuid().ToString("N"));
        try
        {
            var options = EmailOptions.FromConfiguration(new ConfigurationBuilder().Build(), root);
            Assert.Equal(MailTransportKind.Pickup, options.Transport);
            Assert.Equal(Path.Combine(root, "App_Data", "mail"), options.PickupDirectory);
            var transport = Assert.IsType<PickupTransport>(MailTransports.Create(options));

            await using var database = await TestDatabase.CreateAsync();
            var id = await AddMessageAsync(database, "test:pickup");
            var sender = new OutboxSender(database.Factory, transport, options, database.UkClock);
            Assert.Equal(1, await sender.SendDueAsync(CancellationToken.None));

            var file = Assert.Single(Directory.GetFiles(options.PickupDirectory, "*.eml"));
            var written = await MimeKit.MimeMessage.LoadAsync(file);
            Assert.Equal("Test subject", written.Subject);
            Assert.Contains("Sent to you by a test", written.TextBody);
            Assert.StartsWith("Written to", (await ReadAsync(database, id)).LastResult);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void SmtpRequiresTlsExceptOnLoopbackAndTheTransportIsChosenByConfiguration()
    {
        Assert.Equal(SecureSocketOptions.StartTls, new SmtpTransport("smtp.office365.com", 587, "u", "p").Security);
        Assert.Equal(SecureSocketOptions.SslOnConnect, new SmtpTransport("relay.example.gov.uk", 465, null, null).Security);
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, new SmtpTransport("127.0.0.1", 25, null, null).Security);
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, new SmtpTransport("localhost", 2525, null, null).Security);

        static EmailOptions Read(params (string Key, string Value)[] settings) => EmailOptions.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(), "/srv/app");

        Assert.Equal(MailTransportKind.Smtp, Read(("Email:Smtp:Host", "relay.example.gov.uk"), ("Email:From", "dhr@example.gov.uk")).Transport);
        Assert.Equal("/srv/mail-out", Read(("Email:PickupDirectory", "/srv/mail-out")).PickupDirectory);
        var graph = Assert.Throws<InvalidOperationException>(() => Read(("Email:Transport", "Graph")));
        Assert.Contains("Email:Graph:Mailbox", graph.Message);
        Assert.Throws<InvalidOperationException>(() => Read(("Email:Transport", "Carrier pigeon")));
    }

    [Fact]
    public async Task GraphSendMailPostsTheMessageFromTheSharedMailboxAsMicrosoftDocumentsIt()
    {
        var seen = new List<(string Method, string Path, string? Authorization, string Body)>();
        var status = HttpStatusCode.Accepted;
        await using var standIn = await StartGraphStandInAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            seen.Add((context.Request.Method, Uri.UnescapeDataString(context.Request.Path), context.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            context.Response.StatusCode = (int)status;
            if (status != HttpStatusCode.Accepted)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"error":{"code":"ErrorMailboxNotEnabledForRESTAPI","message":"The mailbox is not enabled."}}""");
            }
        });
        var address = standIn.Urls.First();
        using var http = new HttpClient();
        var transport = GraphTransport.Over(http, new FixedToken(), $"{address}/v1.0", "dhr-reminders@eastshire.example");
        var options = new EmailOptions { Transport = MailTransportKind.Graph, From = "dhr-reminders@eastshire.example" };
        var message = new OutboxMessage(1, 7, "police.officer@eastshire.example", "Police Officer", MessageKind.LeadOfficerDigest, "k", "Your actions this week", "text", "<p>html</p>", new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc));

        var answer = await transport.SendAsync(OutboxSender.ToMime(message, options), CancellationToken.None);

        Assert.StartsWith("202", answer);
        var request = Assert.Single(seen);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/dhr-reminders@eastshire.example/sendMail", request.Path);
        Assert.Equal("Bearer stand-in-token", request.Authorization);
        using var json = JsonDocument.Parse(request.Body);

        // Graph's metadata names the action's parameters "Message" and "SaveToSentItems" (the SDK writes them so; the
        // documentation's examples write them in camel case; the service reads either).
        var sent = Property(json.RootElement, "message");
        Assert.Equal("Your actions this week", sent.GetProperty("subject").GetString());
        Assert.Equal("html", sent.GetProperty("body").GetProperty("contentType").GetString());
        Assert.Contains("<p>html</p>", sent.GetProperty("body").GetProperty("content").GetString());
        var to = Assert.Single(sent.GetProperty("toRecipients").EnumerateArray().ToList());
        Assert.Equal("police.officer@eastshire.example", to.GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.True(Property(json.RootElement, "saveToSentItems").GetBoolean());
        Assert.Equal("<dhr-outbox-0@eastshire.example>", sent.GetProperty("internetMessageId").GetString());

        // Microsoft's refusal is recorded as it was given.
        status = HttpStatusCode.Forbidden;
        var refused = await Assert.ThrowsAsync<MailDeliveryException>(() => transport.SendAsync(OutboxSender.ToMime(message, options), CancellationToken.None));
        Assert.Contains("403", refused.Answer);
        Assert.Contains("ErrorMailboxNotEnabledForRESTAPI", refused.Answer);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static async Task<WebApplication> StartGraphStandInAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return app;
    }

    private sealed class FixedToken : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", "Bearer stand-in-token");
            return Task.CompletedTask;
        }
    }

    internal static OutboxSender Sender(TestDatabase database, SmtpTestServer smtp, int maxAttempts = 6)
    {
        var options = new EmailOptions { Transport = MailTransportKind.Smtp, From = "dhr@eastshire.example", SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, MaxAttempts = maxAttempts };
        return new OutboxSender(database.Factory, MailTransports.Create(options), options, database.UkClock);
    }

    private static async Task<int> AddMessageAsync(TestDatabase database, string key)
    {
        await using var db = database.Open(DataScope.System);
        var partnershipId = await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var message = new OutboxMessage(partnershipId, null, "police.officer@eastshire.example", "Police Officer", MessageKind.LeadOfficerDigest, key,
            "Test subject", "Sent to you by a test.", "<p>Sent to you by a test.</p>", database.UkClock.UtcNow);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static async Task<OutboxMessage> ReadAsync(TestDatabase database, int id)
    {
        await using var db = database.Open(DataScope.System);
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
