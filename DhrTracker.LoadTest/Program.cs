using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DhrTracker.DataGenerator;

namespace DhrTracker.LoadTest;

/// <summary>
/// dotnet run --project DhrTracker.LoadTest -c Release [-- --circuits 500 --active 50 --rounds 2 --spread 30 --connections 8 --duration 15]
/// Starts the app (Development, demo sign-in) on a copy of the national database at 127.0.0.1, signs in through the
/// demo sign-in, drives the prerendered pages with wrk, then opens interactive circuits that navigate and post updates:
/// over Blazor's own circuit protocol by default (<see cref="ProtocolCircuits"/>), or in headless Chromium
/// (<c>--circuit-client chromium</c>). Every loop is bounded in count and time; every request goes to 127.0.0.1 only.
/// (A named entry point rather than top-level statements, so that the test project, which also references the web
/// app, sees one Program.)
/// </summary>
internal static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        var options = LoadOptions.Parse(args);
        var root = FindRoot();
        var artifacts = Path.Combine(root, "artifacts");
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        if (!options.SkipWrk && !File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("wrk is not installed: apt-get install -y wrk");
            return 1;
        }

        // The national database (generated once, as the benchmarks do), copied so the updates posted here leave it as generated.
        var source = Path.Combine(artifacts, "national.db");
        var manifestPath = source + ".manifest.json";
        if (!File.Exists(source) || !File.Exists(manifestPath))
        {
            Directory.CreateDirectory(artifacts);
            await NationalDataGenerator.RunAsync(new GeneratorOptions { Connection = $"Data Source={source}", Seed = 42, Replace = true }, Console.Out);
        }

        var manifest = GeneratorManifest.FromJson(await File.ReadAllTextAsync(manifestPath));
        var database = Path.Combine(artifacts, "national-load.db");
        foreach (var f in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(f);
        }

        File.Copy(source, database);

        Console.WriteLine("Building DhrTracker.Web (Release)…");
        Run("dotnet", $"build \"{Path.Combine(root, "DhrTracker.Web")}\" -c Release -nologo -v q", root);

        var baseUri = new Uri($"http://127.0.0.1:{options.Port}");
        var serverLog = Path.Combine(artifacts, "load-server.log");
        using var server = StartServer(root, database, baseUri, serverLog);
        try
        {
            await WaitForHealthAsync(baseUri, TimeSpan.FromMinutes(2));
            var coordinatorCookie = await SignInAsync(baseUri, manifest.Coordinator.Email);
            var officerCookie = await SignInAsync(baseUri, manifest.LeadOfficer.Email);

            Say($"# Load test, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            Say(string.Empty);
            Say($"App: Release build, Development environment (demo sign-in), SQLite copy of the national database; {Environment.ProcessorCount} cores shared by the server, wrk and the circuit client.");
            Say($"Signed in as {manifest.Coordinator.Email} (pages of the co-ordinator) and {manifest.LeadOfficer.Email} (my actions).");
            Say(string.Empty);
            var pages = new (string Name, string Path, string Cookie)[]
            {
                ("Register", "/reviews", coordinatorCookie),
                ($"Review ({manifest.Review31Reference}, 31 recommendations)", $"/reviews/{manifest.Review31Id}", coordinatorCookie),
                ("My actions (lead officer)", "/actions/mine", officerCookie),
                ("Co-ordinator's dashboard", "/dashboards/delivery", coordinatorCookie),
            };
            if (!options.SkipWrk)
            {
                Say($"## Prerendered pages: wrk, {options.Connections} connections, 2 threads, {options.Duration} s per page");
                Say(string.Empty);
                Say("Server CPU per request; the share of the machine's cores the server got while wrk ran; how long its threads were runnable but waiting for a core, summed over its threads (other processes had the cores); the machine's one-minute load average (everyone's runnable processes) at the end.");
                Say(string.Empty);
                Say("| Page | Requests/s | p50 | p95 | p99 | Requests | Errors | Server CPU a request | Server's share of the cores | Waiting for a core | Load average |");
                Say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            }

            foreach (var page in pages)
            {
                // Also checks, before anything is measured, that every page answers 200 to its signed-in person.
                await WarmAsync(baseUri, page.Path, page.Cookie);
                if (options.SkipWrk)
                {
                    continue;
                }

                var cpuBefore = Memory.CpuTime(server.Id);
                var schedulingBefore = Memory.Scheduling(server.Id);
                var result = Wrk(baseUri, page.Path, page.Cookie, options, artifacts);
                var cpu = Memory.CpuTime(server.Id) - cpuBefore;
                var waiting = Memory.Between(schedulingBefore, Memory.Scheduling(server.Id)).WaitingForCpu;
                Say($"| {page.Name} | {result.Rps:N1} | {result.P50:N1} ms | {result.P95:N1} ms | {result.P99:N1} ms | {result.Requests:N0} | {result.Errors} | {cpu.TotalMilliseconds / Math.Max(1, result.Requests):N0} ms | {cpu.TotalSeconds / options.Duration / Environment.ProcessorCount * 100:N0}% | {waiting.TotalSeconds:N1} s | {Memory.LoadAverage()} |");
            }

            Say(string.Empty);
            if (options.Circuits > 0 && options.CircuitClient == "chromium")
            {
                await ChromiumCircuits.RunAsync(baseUri, officerCookie, server.Id, options, Say);
            }
            else if (options.Circuits > 0)
            {
                await ProtocolCircuits.RunAsync(baseUri, coordinatorCookie, officerCookie, manifest, database, server.Id, options, Say);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "load-results.md"), report.ToString());
            Console.WriteLine($"Results: {Path.Combine(artifacts, "load-results.md")}; server log: {serverLog}");
        }

        return 0;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DhrTracker.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static void Run(string file, string arguments, string workingDirectory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}).");
        }
    }

    private static Process StartServer(string root, string database, Uri baseUri, string logPath)
    {
        var web = Path.Combine(root, "DhrTracker.Web");
        var info = new ProcessStartInfo("dotnet", $"\"{Path.Combine(web, "bin", "Release", "net10.0", "DhrTracker.Web.dll")}\"")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = baseUri.ToString();
        info.Environment["ConnectionStrings__Dhr"] = $"Data Source={database}";
        info.Environment["Database__SeedDemoData"] = "false";
        info.Environment["Security__SignInAttemptsPerMinute"] = "1000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        var process = Process.Start(info)!;
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(Uri baseUri, TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The app did not answer /health.");
    }

    /// <summary>The demo sign-in as a person uses it: the form's hidden fields (antiforgery token, form name) and the chosen user.</summary>
    private static async Task<string> SignInAsync(Uri baseUri, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUri };
        var html = await client.GetStringAsync("/account/demo");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>"))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]+)\"").Groups[1].Value;
            var value = WebUtility.HtmlDecode(Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value);
            fields.Add(new(name, value));
        }

        var button = Regex.Match(html, $"<button[^>]*name=\"UserId\"[^>]*value=\"(\\d+)\"[^>]*data-testid=\"signin-{Regex.Escape(email)}\"");
        if (!button.Success)
        {
            throw new InvalidOperationException($"{email} is not offered on the demo sign-in page (is it a demo user?).");
        }

        fields.Add(new("UserId", button.Groups[1].Value));
        var response = await client.PostAsync("/account/demo", new FormUrlEncodedContent(fields));
        var auth = cookies.GetCookies(baseUri)["DhrTracker.Auth"] ?? throw new InvalidOperationException($"Signing in as {email} gave no cookie ({response.StatusCode}).");
        return $"DhrTracker.Auth={auth.Value}";
    }

    private static async Task WarmAsync(Uri baseUri, string path, string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: not signed in, or the page is broken.");
            }
        }
    }

    private static WrkResult Wrk(Uri baseUri, string path, string cookie, LoadOptions options, string artifacts)
    {
        var script = Path.Combine(artifacts, "wrk-report.lua");
        File.WriteAllText(script, """
            done = function(summary, latency, requests)
              io.write(string.format("RESULT %d %d %f %f %f %d %d %d %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95), latency:percentile(99),
                summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
            end
            """);
        var info = new ProcessStartInfo("wrk", ["-t2", $"-c{options.Connections}", $"-d{options.Duration}s", "--timeout", "10s", "-s", script, "-H", $"Cookie: {cookie}", new Uri(baseUri, path).ToString()])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal)) ?? throw new InvalidOperationException("wrk gave no result:\n" + output);
        var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new WrkResult((long)v[0], v[0] / (v[1] / 1_000_000), v[2] / 1000, v[3] / 1000, v[4] / 1000, (long)(v[5] + v[6] + v[7] + v[8] + v[9]));
    }
}

internal sealed record WrkResult(long Requests, double Rps, double P50, double P95, double P99, long Errors);

/// <param name="Active">How many of the open circuits interact (the rest stay connected, as idle tabs do).</param>
/// <param name="Spread">Seconds over which each round's interactions start: every circuit waits a random time within it, as people do.</param>
/// <param name="CircuitClient">"protocol" (Blazor's circuit protocol, no browser) or "chromium" (a headless page per circuit).</param>
/// <param name="OpenConcurrency">How many circuits are being opened at any one time.</param>
internal sealed record LoadOptions(int Port, int Connections, int Duration, int Circuits, int Active, int Rounds, int Spread)
{
    public const string Usage = """
        dotnet run --project DhrTracker.LoadTest -c Release -- [options]
          --circuits N          interactive circuits to open (default 500; 0 for none)
          --active N            how many of them interact (default 50)
          --rounds N            rounds of interactions per active circuit (default 2, at most 2: each officer
                                circuit has fifteen actions of its own to post on)
          --spread S            each round's interactions start at random within S seconds (default 30)
          --circuit-client protocol|chromium
                                Blazor's own circuit protocol without a browser (default), or headless Chromium
          --open-concurrency N  circuits being opened at once (default 8)
          --connections N       wrk connections (default 8)
          --duration S          wrk seconds per page (default 15)
          --skip-wrk            no wrk run (the circuits only)
          --port N              the app's port on 127.0.0.1 (default 5299)
        """;

    public string CircuitClient { get; init; } = "protocol";

    public int OpenConcurrency { get; init; } = 8;

    public bool SkipWrk { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions(5299, 8, 15, 500, 50, 2, 30);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--port" => o with { Port = Number() },
                "--connections" => o with { Connections = Number() },
                "--duration" => o with { Duration = Math.Clamp(Number(), 1, 120) },
                "--circuits" => o with { Circuits = Math.Clamp(Number(), 0, 2000) },
                "--active" => o with { Active = Math.Clamp(Number(), 0, 2000) },
                "--rounds" => o with { Rounds = Math.Clamp(Number(), 1, 2) },
                "--spread" => o with { Spread = Math.Clamp(Number(), 0, 600) },
                "--open-concurrency" => o with { OpenConcurrency = Math.Clamp(Number(), 1, 64) },
                "--circuit-client" => o with { CircuitClient = Value() switch { "protocol" => "protocol", "chromium" => "chromium", _ => throw new ArgumentException("--circuit-client is protocol or chromium.") } },
                "--skip-wrk" => o with { SkipWrk = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return o;
    }
}
