namespace DhrTracker.Tests.Support;

/// <summary>
/// The lanes of the suite. <c>./test.sh --fast</c> runs the fast lane (domain, handlers on SQLite, components, the
/// authorization matrix): everything except the browser lane (the <c>DhrTracker.Tests.Browser</c> namespace: real
/// Chromium against the running app) and the rendering lane (tests marked <c>[Trait(Lane.Name, Lane.Rendering)]</c>:
/// Word documents rendered by LibreOffice). <c>./test.sh</c> runs all three, as CI does. Load tests are not in this
/// project at all: they are DhrTracker.LoadTest.
/// </summary>
public static class Lane
{
    public const string Name = "Lane";
    public const string Rendering = "Rendering";
}
