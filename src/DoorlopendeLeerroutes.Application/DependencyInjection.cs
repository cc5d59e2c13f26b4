using DoorlopendeLeerroutes.Application.Overview;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Application;

public static class DependencyInjection
{
    /// <summary>Use cases and validators. Each use case is one class per action, registered as scoped.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<HomeOverviewQuery>();
        return services;
    }
}
