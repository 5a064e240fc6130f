using Mediator;
using Microsoft.Extensions.DependencyInjection;

// Handlers need a fresh, per-scope view of the signed-in user and database: the default Singleton lifetime would share them.
[assembly: MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]
