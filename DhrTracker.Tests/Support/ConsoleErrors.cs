using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DhrTracker.Tests.Support;

/// <summary>
/// The net under every browser test: a page that logs an error (a Content-Security-Policy violation, a script that
/// failed to load, an unhandled exception in the page) fails the run even when the test's own assertions passed. The
/// fixtures check at sign-in and again when they close.
/// </summary>
public sealed class ConsoleErrors
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentDictionary<IBrowserContext, string> _tolerated = new();

    /// <summary>Records every console error and uncaught page error of <paramref name="context"/>.</summary>
    public void Watch(IBrowserContext context)
    {
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && !_tolerated.ContainsKey(context) && !IsRefusedPage(message))
            {
                _errors.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
        context.WebError += (_, error) =>
        {
            if (!_tolerated.ContainsKey(context))
            {
                _errors.Enqueue($"{error.Page?.Url}: uncaught {error.Error}");
            }
        };
    }

    /// <summary>
    /// A page the app answered with its own "not found" or "no access" page (a 403 or 404 for the document itself, which
    /// the tests visit on purpose): the browser logs the status, but nothing on the page failed.
    /// </summary>
    private static bool IsRefusedPage(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of 40", StringComparison.Ordinal)
        && (message.Text.Contains("(Forbidden)", StringComparison.Ordinal) || message.Text.Contains("(Not Found)", StringComparison.Ordinal))
        && message.Page is { } page
        && message.Location.StartsWith(page.Url, StringComparison.Ordinal);

    /// <summary>
    /// For a test that breaks the connection or sends what the server refuses on purpose, the errors the browser logs
    /// are expected; <paramref name="why"/> says which.
    /// </summary>
    public void Tolerate(IBrowserContext context, string why) => _tolerated[context] = why;

    public void AssertNone()
    {
        var errors = _errors.ToArray();
        Assert.True(errors.Length == 0, "The browser logged errors:\n" + string.Join("\n", errors.Distinct().Take(20)));
    }
}
