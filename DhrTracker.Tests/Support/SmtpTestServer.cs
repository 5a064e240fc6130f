using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace DhrTracker.Tests.Support;

/// <summary>
/// A real SMTP server in process (the SmtpServer package) on a loopback port: it keeps every message it accepts, and
/// can be told to refuse them, as a relay that is down or full does.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private readonly Task _running;

    private SmtpTestServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(_store);
        _running = new SmtpServer.SmtpServer(options, provider).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>What the server accepted, parsed.</summary>
    public IReadOnlyList<MimeMessage> Received => _store.Received.ToList();

    /// <summary>When set, every message is refused with this reply (a 4xx or 5xx), as a relay that will not take it.</summary>
    public SmtpResponse? Refuse
    {
        get => _store.Refuse;
        set => _store.Refuse = value;
    }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new SmtpTestServer(port);

        // Ready when it accepts a connection (a state, not a pause).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (attempt < 500)
            {
                await Task.Yield();
                await Task.Delay(10);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public SmtpResponse? Refuse { get; set; }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refuse is { } refusal)
            {
                return Task.FromResult(refusal);
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
