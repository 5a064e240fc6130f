using Microsoft.Extensions.Configuration;

namespace DhrTracker.Infrastructure.Mail;

/// <summary>How e-mail leaves the app: <c>Email:Transport</c> chooses the transport (README, "Email").</summary>
public enum MailTransportKind
{
    /// <summary>Each message written as an .eml file to <see cref="EmailOptions.PickupDirectory"/>: the default when nothing is configured.</summary>
    Pickup,

    /// <summary>Any SMTP relay, through MailKit; TLS required except on loopback.</summary>
    Smtp,

    /// <summary>Microsoft Graph <c>sendMail</c> from a shared mailbox, with the app's own Entra registration.</summary>
    Graph,
}

/// <summary>The <c>Email</c> section of the configuration.</summary>
public sealed class EmailOptions
{
    public MailTransportKind Transport { get; init; }

    /// <summary>The sender's address (for Graph, the shared mailbox's address unless <see cref="GraphMailbox"/> says otherwise).</summary>
    public string From { get; init; } = "dhrtracker@localhost";

    public string FromName { get; init; } = "DhrTracker";

    /// <summary>Where the pickup transport writes .eml files: <c>App_Data/mail</c> under the content root by default.</summary>
    public string PickupDirectory { get; init; } = string.Empty;

    /// <summary>The app's public address, put in front of every link in a message ("https://dhr.example.gov.uk").</summary>
    public string LinkBaseUrl { get; init; } = "http://localhost:5180";

    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }

    public string? GraphTenantId { get; init; }
    public string? GraphClientId { get; init; }
    public string? GraphClientSecret { get; init; }
    public string? GraphMailbox { get; init; }

    /// <summary>Microsoft Graph's address; changed only for a national cloud (or a test's stand-in).</summary>
    public string GraphBaseUrl { get; init; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Attempts before a message is marked failed (it can then be sent again by hand).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>How often the sender looks for messages due, and the digest cycle for digests due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public static EmailOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Email");
        var smtpHost = section["Smtp:Host"];
        var transportName = section["Transport"];
        MailTransportKind transport;
        if (string.IsNullOrWhiteSpace(transportName))
        {
            // Nothing chosen: an SMTP host means SMTP, otherwise files in the pickup folder (Development's default).
            transport = string.IsNullOrWhiteSpace(smtpHost) ? MailTransportKind.Pickup : MailTransportKind.Smtp;
        }
        else if (!Enum.TryParse(transportName, ignoreCase: true, out transport) || !Enum.IsDefined(transport))
        {
            throw new InvalidOperationException($"Email:Transport must be Smtp, Graph or Pickup, not '{transportName}'.");
        }

        var pickup = section["PickupDirectory"];
        var options = new EmailOptions
        {
            Transport = transport,
            From = NonEmpty(section["From"]) ?? NonEmpty(section["Graph:Mailbox"]) ?? "dhrtracker@localhost",
            FromName = NonEmpty(section["FromName"]) ?? "DhrTracker",
            PickupDirectory = string.IsNullOrWhiteSpace(pickup)
                ? Path.Combine(contentRoot, "App_Data", "mail")
                : Path.IsPathRooted(pickup) ? pickup : Path.Combine(contentRoot, pickup),
            LinkBaseUrl = (NonEmpty(section["LinkBaseUrl"]) ?? "http://localhost:5180").TrimEnd('/'),
            SmtpHost = NonEmpty(smtpHost),
            SmtpPort = int.TryParse(section["Smtp:Port"], out var port) && port > 0 ? port : 587,
            SmtpUserName = NonEmpty(section["Smtp:UserName"]),
            SmtpPassword = section["Smtp:Password"],
            GraphTenantId = NonEmpty(section["Graph:TenantId"]),
            GraphClientId = NonEmpty(section["Graph:ClientId"]),
            GraphClientSecret = section["Graph:ClientSecret"],
            GraphMailbox = NonEmpty(section["Graph:Mailbox"]),
            GraphBaseUrl = (NonEmpty(section["Graph:BaseUrl"]) ?? "https://graph.microsoft.com/v1.0").TrimEnd('/'),
            MaxAttempts = int.TryParse(section["MaxAttempts"], out var max) && max > 0 ? max : 6,
            PollInterval = TimeSpan.FromSeconds(int.TryParse(section["PollSeconds"], out var poll) && poll > 0 ? poll : 15),
        };
        options.Validate();
        return options;
    }

    private void Validate()
    {
        var missing = Transport switch
        {
            MailTransportKind.Smtp => new[] { ("Email:Smtp:Host", SmtpHost), ("Email:From", NonEmpty(From)) },
            MailTransportKind.Graph => [("Email:Graph:TenantId", GraphTenantId), ("Email:Graph:ClientId", GraphClientId), ("Email:Graph:ClientSecret", NonEmpty(GraphClientSecret)), ("Email:Graph:Mailbox", GraphMailbox)],
            _ => [],
        };
        var names = missing.Where(m => m.Item2 is null).Select(m => m.Item1).ToList();
        if (names.Count > 0)
        {
            throw new InvalidOperationException($"Email:Transport is {Transport}, so set {string.Join(", ", names)}.");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
