namespace DhrTracker.Tests.Support;

/// <summary>
/// The lanes of the suite. <c>./test.sh --fast</c> runs the fast lane (domain, handlers on SQLite, components, the
/// authorization matrix): everything except the browser lane (the <c>DhrTracker.Tests.Browser</c> namespace: real
/// Chromium against the running app) and the rendering lane (tests marked <c>[Trait(Lane.Name, Lane.Rendering)]</c>:
/// Word documents rendered by LibreOffice). <c>./test.sh</c> runs all three, as CI does. The load lane
/// (<c>[Trait(Lane.Name, Lane.Load)]</c>: fifty real browser sessions at once) is never in CI; it runs on its own with
/// <c>dotnet test DhrTracker.Tests -c Release --filter Lane=Load</c>, beside DhrTracker.LoadTest's server-side load client.
/// </summary>
public static class Lane
{
    public const string Name = "Lane";
    public const string Rendering = "Rendering";
    public const string Load = "Load";
}
