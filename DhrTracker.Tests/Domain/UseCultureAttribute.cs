using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace DhrTracker.Tests.Domain;

/// <summary>
/// Runs a test in the culture the app runs in (Program.cs sets en-GB), so that dates in reasons and
/// messages ("3 March 2026") read the same on any machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class UseCultureAttribute(string name) : BeforeAfterTestAttribute
{
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(name);
    private CultureInfo? _originalCulture;
    private CultureInfo? _originalUiCulture;

    public override void Before(MethodInfo methodUnderTest)
    {
        _originalCulture = CultureInfo.CurrentCulture;
        _originalUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _culture;
    }

    public override void After(MethodInfo methodUnderTest)
    {
        CultureInfo.CurrentCulture = _originalCulture!;
        CultureInfo.CurrentUICulture = _originalUiCulture!;
    }
}
