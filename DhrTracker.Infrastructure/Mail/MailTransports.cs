using System.Net;
using System.Net.Sockets;
using Azure.Identity;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions.Authentication;
using MimeKit;

namespace DhrTracker.Infrastructure.Mail;

/// <summary>Delivers one message; returns the server's answer, or throws <see cref="MailDeliveryException"/> with it.</summary>
public interface IMailTransport
{
    string Name { get; }

    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A delivery that did not happen, with what the server (or the network) said.</summary>
public sealed class MailDeliveryException(string answer, Exception? inner = null) : Exception(answer, inner)
{
    public string Answer { get; } = answer;
}

public static class MailTransports
{
    public static IMailTransport Create(EmailOptions options) => options.Transport switch
    {
        MailTransportKind.Smtp => new SmtpTransport(options.SmtpHost!, options.SmtpPort, options.SmtpUserName, options.SmtpPassword),
        MailTransportKind.Graph => GraphTransport.WithClientSecret(options),
        _ => new PickupTransport(options.PickupDirectory),
    };
}

/// <summary>
/// Writes each message as an .eml file (named by its Message-Id, so a repeat overwrites rather than doubles) for a
/// person to open, or for a mail server's pickup folder. Written to a temporary name and moved, so a reader never sees
/// half a file.
/// </summary>
public sealed class PickupTransport(string directory) : IMailTransport
{
    public string Name => "Pickup";

    public string Directory { get; } = directory;

    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
            var path = Path.Combine(Directory, name + ".eml");
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return $"Written to {path}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException($"Could not write to the pickup folder {Directory}: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// Any SMTP relay through MailKit. TLS is required — STARTTLS, or TLS from the first byte on port 465 — except on a
/// loopback address (a relay on the same machine), where it is used when offered.
/// </summary>
public sealed class SmtpTransport(string host, int port, string? userName, string? password) : IMailTransport
{
    public string Name => "Smtp";

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    public SecureSocketOptions Security =>
        port == 465 ? SecureSocketOptions.SslOnConnect
        : IsLoopback(host) ? SecureSocketOptions.StartTlsWhenAvailable
        : SecureSocketOptions.StartTls;

    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 60_000 };
        try
        {
            await client.ConnectAsync(host, port, Security, cancellationToken);
            if (!client.IsSecure && !IsLoopback(host))
            {
                throw new MailDeliveryException($"{host}:{port} did not secure the connection with TLS; nothing was sent.");
            }

            if (!string.IsNullOrEmpty(userName))
            {
                await client.AuthenticateAsync(userName, password ?? string.Empty, cancellationToken);
            }

            var answer = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return string.IsNullOrWhiteSpace(answer) ? "250 Accepted" : "250 " + answer.Trim();
        }
        catch (SmtpCommandException ex)
        {
            throw new MailDeliveryException($"{(int)ex.StatusCode} {ex.Message}".Trim(), ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or AuthenticationException or SocketException or IOException or SslHandshakeException or ServiceNotConnectedException or TimeoutException)
        {
            throw new MailDeliveryException($"{host}:{port}: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// Microsoft Graph <c>POST /users/{mailbox}/sendMail</c> from a shared mailbox, authenticated as the app itself
/// (client credentials; application permission Mail.Send, limited to that mailbox by an application access policy).
/// </summary>
public sealed class GraphTransport(GraphServiceClient client, string mailbox) : IMailTransport
{
    public string Name => "Graph";

    public static GraphTransport WithClientSecret(EmailOptions options)
    {
        var credential = new ClientSecretCredential(options.GraphTenantId, options.GraphClientId, options.GraphClientSecret);
        return new GraphTransport(new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"], options.GraphBaseUrl), options.GraphMailbox!);
    }

    /// <summary>Over any HTTP client and authentication (a test's stand-in for Microsoft's service).</summary>
    public static GraphTransport Over(HttpClient http, IAuthenticationProvider authentication, string baseUrl, string mailbox) =>
        new(new GraphServiceClient(http, authentication, baseUrl), mailbox);

    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var to = message.To.Mailboxes.Select(m => new Recipient { EmailAddress = new EmailAddress { Address = m.Address, Name = m.Name } }).ToList();
        var html = message.HtmlBody;
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = message.Subject,
                Body = html is not null
                    ? new ItemBody { ContentType = BodyType.Html, Content = html }
                    : new ItemBody { ContentType = BodyType.Text, Content = message.TextBody },
                ToRecipients = to,
                InternetMessageId = message.MessageId is { } id ? $"<{id}>" : null,
            },
            SaveToSentItems = true,
        };
        try
        {
            await client.Users[mailbox].SendMail.PostAsync(body, cancellationToken: cancellationToken);
            return "202 Accepted by Microsoft Graph";
        }
        catch (ODataError ex)
        {
            throw new MailDeliveryException($"{ex.ResponseStatusCode} {ex.Error?.Code} {ex.Error?.Message ?? ex.Message}".Trim(), ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or Azure.Identity.AuthenticationFailedException or Microsoft.Kiota.Abstractions.ApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException($"Microsoft Graph: {ex.Message}", ex);
        }
    }
}
