namespace DhrTracker.Web;

/// <summary>Services the feature handlers depend on, registered the same way by the app and the tests.</summary>
public static class AppServices
{
    public static IServiceCollection AddFeatureServices(IServiceCollection services)
    {
        // The writers are stateless: one of each serves everyone.
        services.AddSingleton<Infrastructure.Documents.ActionPlanWriter>();
        services.AddSingleton<Infrastructure.Documents.DecisionNotificationWriter>();
        services.AddSingleton<Infrastructure.Documents.OverviewReportWriter>();
        services.AddSingleton<Infrastructure.Documents.QuarterlyPaperWriter>();
        services.AddSingleton<Features.Import.IImportMappingStore>(Features.Import.FileImportMappingStore.Create);
        return services;
    }
}
