using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DhrTracker.LoadTest.Protocol;

/// <summary>How long one interaction took: until the first render batch after it was sent, and until the batch that
/// showed its outcome.</summary>
public sealed record RoundTrip(TimeSpan FirstBatch, TimeSpan Outcome);

/// <summary>
/// One Blazor Server circuit driven over its own protocol, without a browser (what ASP.NET Core's Ignitor test client
/// did): it reads the prerendered page's server component markers and persisted state, connects to <c>/_blazor</c>,
/// starts the circuit (<c>StartCircuit</c>, then <c>UpdateRootComponents</c> with the page's components, as
/// blazor.web.js does since .NET 8), applies and acknowledges every render batch (<c>OnRenderCompleted</c>), answers
/// the server's JavaScript calls, and dispatches browser events to the handler ids the batches carry
/// (<c>BeginInvokeDotNetFromJS</c> → the renderer's <c>DispatchEventAsync</c>) and navigations (<c>OnLocationChanged</c>).
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HubConnection _connection;
    private readonly object _gate = new();
    private readonly List<Waiter> _waiters = [];
    private readonly List<string> _errors = [];
    private long _rendererInteropObjectId = -1;
    private int _nextCallId;
    private int _nextJsObjectId;
    private int _nextLocationChangingCallId;
    private bool _hasLocationChangingListeners;
    private TaskCompletionSource<bool>? _locationChanging;

    private BlazorCircuit(Uri baseUri, Uri location, string cookieHeader)
    {
        BaseUri = baseUri;
        Location = location;
        var builder = new HubConnectionBuilder();
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        _connection = builder
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Cookie"] = cookieHeader;
            })
            .Build();
        // A circuit can sit idle for minutes while hundreds of others open; the server pings every 15 s.
        _connection.ServerTimeout = TimeSpan.FromMinutes(2);

        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        _connection.On<int, string>("JS.AttachComponent", (componentId, _) => Locked(() => Dom.AttachRootComponent(componentId)));
        _connection.On<int, bool>("JS.EndLocationChanging", (_, proceed) => _locationChanging?.TrySetResult(proceed));
        _connection.On<string>("JS.Error", error => Fail($"JS.Error: {error}"));
        _connection.Closed += ex =>
        {
            if (!_disposing)
            {
                Fail($"Connection closed: {ex?.Message ?? "by the server"}");
            }

            return Task.CompletedTask;
        };
    }

    private bool _disposing;

    public Uri BaseUri { get; }

    /// <summary>The page the circuit shows, as the browser's address bar would.</summary>
    public Uri Location { get; private set; }

    /// <summary>The rendered page. Read it under <see cref="Read{T}"/>: render batches are applied on another thread.</summary>
    public RenderedDom Dom { get; } = new();

    public long BatchesReceived { get; private set; }

    /// <summary>Time this client has spent parsing and applying render batches (its own share of a round trip).</summary>
    public TimeSpan ApplyingTime { get; private set; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>GETs the prerendered page as a browser would (with its cookies), then connects and starts its circuit.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, Uri baseUri, string path, string cookieHeader, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var location = new Uri(baseUri, path);
        using var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        // The cookies the page set (the antiforgery cookie) go with the circuit's connection, as a browser sends them.
        var cookies = cookieHeader;
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            cookies = string.Join("; ", [cookieHeader, .. setCookies.Select(c => c.Split(';', 2)[0])]);
        }

        var page = PrerenderedPage.Parse(html);
        if (page.ServerComponents.Count == 0)
        {
            throw new InvalidOperationException($"GET {path} has no interactive server component to start a circuit for.");
        }

        var circuit = new BlazorCircuit(baseUri, location, cookies);
        try
        {
            await circuit.StartAsync(page, timeout, cancellationToken);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(PrerenderedPage page, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        var ready = WaitFor(dom => dom.ByAttribute("data-circuit", "ready") is not null);
        var secret = await _connection.InvokeAsync<string?>("StartCircuit", BaseUri.ToString(), Location.ToString(), "[]", page.ApplicationState, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("The server refused to start the circuit: " + string.Join("; ", Errors));
        }

        await _connection.SendAsync("UpdateRootComponents", page.AddRootComponentsOperation(), page.ApplicationState, cancellationToken);
        await ready.Task.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Reads the rendered page while no batch is being applied to it.</summary>
    public T Read<T>(Func<RenderedDom, T> read)
    {
        lock (_gate)
        {
            return read(Dom);
        }
    }

    /// <summary>
    /// Sends an event (or a navigation) and waits for the render batch after which <paramref name="done"/> holds:
    /// the round trip a person sees, from the event leaving the browser to the page showing its outcome.
    /// </summary>
    public async Task<RoundTrip> InteractAsync(Func<Task> send, Func<RenderedDom, bool> done, TimeSpan timeout)
    {
        var waiter = WaitFor(done);
        waiter.Clock.Restart();
        await send();
        try
        {
            var outcome = await waiter.Task.WaitAsync(timeout);
            return new RoundTrip(waiter.FirstBatch ?? outcome, outcome);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }

            throw new TimeoutException($"No render batch showed the outcome within {timeout.TotalSeconds:N0} s (at {Location}). Errors: {string.Join("; ", Errors)}");
        }
    }

    /// <summary>Dispatches a browser event to the handler an element carries, as blazor.web.js's event delegator does.</summary>
    /// <param name="fieldValue">For change and input events: the field's new value, which the server writes into its
    /// copy of the render tree so that it need not re-render the field.</param>
    public Task DispatchEventAsync(ElementNode element, string eventName, object eventArgs, string? fieldValue = null)
    {
        if (!element.Handlers.TryGetValue(eventName, out var handlerId))
        {
            throw new InvalidOperationException($"{element} has no {eventName} handler.");
        }

        if (_rendererInteropObjectId < 0)
        {
            throw new InvalidOperationException("The renderer's interop object was never attached.");
        }

        var descriptor = new JsonObject
        {
            ["eventHandlerId"] = handlerId,
            ["eventName"] = eventName,
            ["eventFieldInfo"] = fieldValue is null ? null : new JsonObject { ["componentId"] = element.RenderingComponentId, ["fieldValue"] = fieldValue },
        };
        var args = new JsonArray(descriptor, JsonSerializer.SerializeToNode(eventArgs, Json));
        var callId = Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", _rendererInteropObjectId, args.ToJsonString());
    }

    public Task ClickAsync(ElementNode element) =>
        DispatchEventAsync(element, "click", new { type = "click", detail = 1, button = 0, buttons = 0 });

    /// <summary>Types a value into a field and leaves it (the <c>change</c> event <c>@bind</c> listens to).</summary>
    public Task ChangeAsync(ElementNode element, string value)
    {
        lock (_gate)
        {
            element.Attributes["value"] = value;
        }

        return DispatchEventAsync(element, "change", new { value }, value);
    }

    public Task SubmitAsync(ElementNode form) => DispatchEventAsync(form, "submit", new { type = "submit" });

    /// <summary>Follows a link inside the app, as blazor.web.js does when an interactive router is on the page.</summary>
    public async Task NavigateAsync(string href, bool intercepted = true)
    {
        var target = new Uri(Location, href);
        if (_hasLocationChangingListeners)
        {
            _locationChanging = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var callId = Interlocked.Increment(ref _nextLocationChangingCallId);
            await _connection.SendAsync("OnLocationChanging", callId, target.ToString(), null, intercepted);
            if (!await _locationChanging.Task.WaitAsync(TimeSpan.FromSeconds(60)))
            {
                return;
            }
        }

        Location = target;
        await _connection.SendAsync("OnLocationChanged", target.ToString(), null, intercepted);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        string? error = null;
        var applying = Stopwatch.StartNew();
        try
        {
            var batch = RenderBatch.Parse(data);
            Locked(() =>
            {
                Dom.Apply(batch);
                BatchesReceived++;
                foreach (var waiter in _waiters.ToList())
                {
                    waiter.FirstBatch ??= waiter.Clock.Elapsed;
                    if (waiter.Done(Dom))
                    {
                        _waiters.Remove(waiter);
                        waiter.Complete(waiter.Clock.Elapsed);
                    }
                }
            });
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or InvalidCastException)
        {
            error = ex.ToString();
            Fail($"Render batch {batchId} could not be applied: {ex.Message}");
        }

        ApplyingTime += applying.Elapsed;
        await _connection.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJSAsync(long taskId, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        object? result = null;
        var args = string.IsNullOrEmpty(argsJson) ? [] : JsonNode.Parse(argsJson)?.AsArray() ?? [];
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                _rendererInteropObjectId = args[1]!["__dotNetObject"]!.GetValue<long>();
                break;
            case "Blazor._internal.attachRootComponentToElement":
                var componentId = args[1]!.GetValue<int>();
                Locked(() => Dom.AttachRootComponent(componentId));
                break;
            case "Blazor._internal.navigationManager.setHasLocationChangingListeners":
                _hasLocationChangingListeners = args[1]!.GetValue<bool>();
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                var uri = args[0]!.GetValue<string>();
                var forceLoad = args.Count > 1 && args[1] is JsonObject options && options["forceLoad"]?.GetValue<bool>() == true;
                if (forceLoad)
                {
                    Fail($"The server asked for a full page load of {uri}, which a circuit client cannot follow.");
                }
                else
                {
                    // Not awaited: the server waits for this call's answer before it goes on.
                    _ = Task.Run(() => NavigateAsync(uri, intercepted: false));
                }

                break;
        }

        // A module import or any call returning a JavaScript object: hand back a reference, as the browser would.
        if (resultType == 1)
        {
            result = new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextJsObjectId) };
        }

        if (taskId != 0)
        {
            await _connection.SendAsync("EndInvokeJSFromDotNet", taskId, true, new JsonArray(taskId, true, JsonSerializer.SerializeToNode(result)).ToJsonString());
        }
    }

    private void OnEndInvokeDotNet(string callId, bool success, string resultOrError)
    {
        if (!success)
        {
            Fail($"A .NET call from the page failed: {resultOrError}");
        }
    }

    private Waiter WaitFor(Func<RenderedDom, bool> done)
    {
        var waiter = new Waiter(done);
        lock (_gate)
        {
            if (done(Dom))
            {
                waiter.Complete(TimeSpan.Zero);
            }
            else
            {
                _waiters.Add(waiter);
            }
        }

        return waiter;
    }

    private void Fail(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
            foreach (var waiter in _waiters)
            {
                waiter.Fail(error);
            }

            _waiters.Clear();
        }
    }

    private void Locked(Action action)
    {
        lock (_gate)
        {
            action();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        await _connection.DisposeAsync();
    }

    private sealed class Waiter(Func<RenderedDom, bool> done)
    {
        private readonly TaskCompletionSource<TimeSpan> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public TimeSpan? FirstBatch { get; set; }

        public Task<TimeSpan> Task => _result.Task;

        public bool Done(RenderedDom dom) => done(dom);

        public void Complete(TimeSpan elapsed) => _result.TrySetResult(elapsed);

        public void Fail(string error) => _result.TrySetException(new InvalidOperationException(error));
    }
}
