namespace DhrTracker.Web;

/// <summary>Services the feature handlers depend on, registered the same way by the app and the tests.</summary>
public static class AppServices
{
    public static IServiceCollection AddFeatureServices(IServiceCollection services)
    {
        return services;
    }
}
