using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Application.Overview;
using DoorlopendeLeerroutes.Application.Routes;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Application;

public static class DependencyInjection
{
    /// <summary>Use cases and validators. Each use case is one class per action, registered as scoped.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<Accounts.AccessScope>();
        services.AddScoped<Accounts.UserListQuery>();
        services.AddScoped<Accounts.CreateUser>();
        services.AddScoped<Accounts.ChangeUser>();
        services.AddScoped<Accounts.SetUserDisabled>();
        services.AddScoped<Accounts.ResetPassword>();
        services.AddScoped<InstitutionFormQuery>();
        services.AddScoped<ApiClients.ApiClientListQuery>();
        services.AddScoped<ApiClients.CreateApiClient>();
        services.AddScoped<ApiClients.RevokeApiClient>();
        services.AddScoped<CreateInstitution>();
        services.AddScoped<ChangeInstitution>();
        services.AddScoped<InstitutionChoicesQuery>();
        services.AddScoped<InstitutionDirectory>();
        services.AddScoped<HomeOverviewQuery>();
        services.AddScoped<Monitoring.MonitorQuery>(); // issue 16, R-MON-3
        services.AddScoped<Monitoring.MonitorExport>();
        services.AddScoped<RouteListQuery>();
        services.AddScoped<RouteDetailsQuery>();
        services.AddScoped<RouteByCodeQuery>(); // issue 14: the API names routes by code
        services.AddScoped<Common.ScopedWork>();
        services.AddScoped<RouteWork>();
        services.AddScoped<CreateRoute>();
        services.AddScoped<EditRoute>();
        services.AddScoped<ConfirmParticipation>();
        services.AddScoped<ConfirmRioRegistration>();
        services.AddScoped<RioChecklistQuery>();
        services.AddScoped<SubmitRoute>();
        services.AddScoped<RegisterRoute>();
        services.AddScoped<RejectRoute>();
        services.AddScoped<StartNewRouteVersion>();
        services.AddScoped<EndRoute>();
        services.AddScoped<WithdrawRoute>();
        services.AddScoped<PerformRouteAction>();
        services.AddScoped<Agreements.AddAgreement>();
        services.AddScoped<Agreements.AgreementDownloadQuery>();
        services.AddScoped<InstitutionListQuery>();
        services.AddScoped<CountOverviewQuery>();
        services.AddScoped<CountExportQuery>();
        services.AddScoped<CountPupilRowsQuery>();
        services.AddScoped<RefreshStoredCount>();
        services.AddScoped<Pupils.PupilsPerRouteQuery>();
        services.AddScoped<Pupils.FundingPhaseLookup>();
        services.AddScoped<Pupils.EnrolmentDetailsQuery>();
        services.AddScoped<Pupils.EnrolmentVersionQuery>(); // issue 14
        services.AddScoped<Pupils.RecordPhase>();
        services.AddScoped<Pupils.EndEnrolment>();
        services.AddScoped<Pupils.ChangeTrack>(); // issue 16: R-MON-3
        services.AddScoped<Institutions.Import.ImportInstitutions>(); // issue 16: R-MON-1
        services.AddScoped<Pupils.RoutePupilListQuery>();
        services.AddScoped<Pupils.EnrolPupil>();
        services.AddScoped<Pupils.BulkPhaseChange>();
        services.AddScoped<Pupils.BulkPhaseSelectionQuery>();
        services.AddScoped<Pupils.Import.ImportPupils>();
        services.AddScoped<Pupils.Reconciliation.ReconcilePhases>();
        services.AddScoped<Pupils.PupilNumberGuard>();
        services.AddScoped<Auditing.AuditLogQuery>();
        services.AddScoped<Auditing.PupilAccessHistoryQuery>();
        services.AddScoped<Accounts.LinkedIdentitiesQuery>();
        services.AddScoped<Accounts.RemoveLinkedIdentity>();
        services.AddScoped<Accounts.SecondFactorStatusQuery>();
        services.AddScoped<Accounts.TurnOffSecondFactor>();
        services.AddScoped<Notifications.EmailDelivery>(); // issue 15: e-mail notices and the weekly digest
        services.AddScoped<Notifications.RouteNotices>();
        services.AddScoped<Notifications.WeeklyDigest>();
        services.AddScoped<Tasks.OpenTasksQuery>(); // issue 15: R-TASK-1, the start page and the digest
        services.AddScoped<Tasks.IOpenTasks>(provider => provider.GetRequiredService<Tasks.OpenTasksQuery>());
        services.AddSingleton<RouteFinder.PublicRouteCache>(); // issue 16: R-MON-2, the public route finder
        services.AddScoped<RouteFinder.FindRoutes>();
        return services;
    }
}
