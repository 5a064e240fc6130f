namespace DhrTracker.Web;

/// <summary>Services the feature handlers depend on, registered the same way by the app and the tests.</summary>
public static class AppServices
{
    public static IServiceCollection AddFeatureServices(IServiceCollection services)
    {
        // Every request passes the pipeline: authorization, then (for commands) the unit of work (decision 0010).
        services.AddScoped<Features.Pipeline.RequestContext>();
        services.AddScoped(typeof(Mediator.IPipelineBehavior<,>), typeof(Features.Pipeline.RequestPipeline<,>));

        // The writers are stateless: one of each serves everyone.
        services.AddSingleton<Infrastructure.Documents.ActionPlanWriter>();
        services.AddSingleton<Infrastructure.Documents.DecisionNotificationWriter>();
        services.AddSingleton<Infrastructure.Documents.OverviewReportWriter>();
        services.AddSingleton<Infrastructure.Documents.QuarterlyPaperWriter>();
        services.AddSingleton<Features.Import.IImportMappingStore>(Features.Import.FileImportMappingStore.Create);
        return services;
    }

    /// <summary>E-mail: options, transport, outbox sender, and (unless <c>Email:Background</c> is false) the background worker.</summary>
    public static IServiceCollection AddDhrMail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = Infrastructure.Mail.EmailOptions.FromConfiguration(configuration, contentRoot);
        services.AddSingleton(options);
        services.AddSingleton(Infrastructure.Mail.MailTransports.Create(options));
        services.AddSingleton<Infrastructure.Mail.OutboxSender>();
        services.AddSingleton<Features.Notifications.IMailWorkStep, Features.Notifications.DigestCycle>();
        if (configuration.GetValue("Email:Background", true))
        {
            services.AddHostedService<Features.Notifications.MailWorker>();
        }

        return services;
    }
}
