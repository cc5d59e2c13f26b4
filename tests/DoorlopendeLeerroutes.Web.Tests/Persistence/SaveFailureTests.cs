using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using DoorlopendeLeerroutes.Infrastructure.Persistence;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Persistence;

/// <summary>
/// One mechanism for refused saves (<see cref="IApplicationDbContext.TrySaveChangesAsync"/>): a conflict and a unique index
/// that guards a rule say what happened; anything else is a fault that propagates without the provider's message.
/// </summary>
public sealed class SaveFailureTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_stale_version_gives_the_conflict_message_and_saves_nothing()
    {
        await using var db = await app.OpenDbContextAsync();
        var institution = await db.Institutions.FirstAsync(Ct);
        var name = institution.Name;
        db.Entry(institution).Property(i => i.Version).OriginalValue = Guid.NewGuid();
        Assert.True(institution.Update(institution.Brin.Value, name + " (anders)", institution.Sector, institution.BoardNumber.Value, institution.BoardName).IsSuccess);

        var saved = await db.TrySaveChangesAsync(Ct);

        Assert.Equal([CommonErrors.ConcurrencyConflict], saved.Errors);
        await using var fresh = await app.OpenDbContextAsync();
        Assert.Equal(name, (await fresh.Institutions.SingleAsync(i => i.Id == institution.Id, Ct)).Name);
    }

    [Fact]
    public async Task R_INST_3_a_duplicate_brin_that_passed_the_check_gives_the_brin_message()
    {
        await using var db = await app.OpenDbContextAsync();
        var existing = await db.Institutions.FirstAsync(Ct);

        // As a simultaneous create would: the use case's own check saw no such BRIN yet.
        db.Institutions.Add(Institution.Create(existing.Brin.Value, "Dubbel", existing.Sector, "77777", "Bestuur").Value);
        var saved = await db.TrySaveChangesAsync(Ct);

        Assert.Equal([DomainErrors.Institution.BrinNotUnique], saved.Errors);
    }

    [Fact]
    public async Task R_PUPIL_2_a_second_open_enrolment_that_passed_the_check_gives_the_enrolment_message()
    {
        await using var db = await app.OpenDbContextAsync();
        var registered = await db.Routes.Where(r => r.Status == RouteStatus.Registered).ToListAsync(Ct);
        var open = await db.Enrolments.FirstAsync(e => e.EndDate == null && e.RouteId == registered[0].Id, Ct);
        var pupil = await db.Pupils.SingleAsync(p => p.Id == open.PupilId, Ct);
        var other = registered[1];
        var vo = other.PartnersIn(Sector.Vo).First().InstitutionId;
        var today = DutchTime.Today(Now);

        // No existing enrolments passed: as if someone enrolled the pupil elsewhere at the same moment.
        db.Enrolments.Add(Enrolment.Start(
            pupil, other, vo, other.PartnersIn(Sector.Mbo).First().InstitutionId, today, [], Actor.Coordinator(Guid.NewGuid(), vo), today).Value);
        var saved = await db.TrySaveChangesAsync(Ct);

        Assert.Equal([DomainErrors.Enrolment.AlreadyActiveElsewhere], saved.Errors);
    }

    [Fact]
    public async Task Any_other_refusal_propagates_as_a_fault_without_the_providers_message()
    {
        await using var db = await app.OpenDbContextAsync();
        var enrolment = await db.Enrolments.FirstAsync(Ct);

        // An enrolment at a school that does not exist: a foreign key, which no user can fix by trying again.
        db.Entry(enrolment).Property(e => e.MboInstitutionId).CurrentValue = Guid.NewGuid();

        var fault = await Assert.ThrowsAsync<UnexpectedSaveFailureException>(() => db.TrySaveChangesAsync(Ct));

        Assert.Contains("SQLite error 19/787", fault.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FOREIGN KEY constraint failed", fault.Message, StringComparison.Ordinal);
        Assert.Null(fault.InnerException);
    }

    [Fact]
    public async Task Every_index_with_a_rule_is_a_unique_index_of_the_model_and_sqlite_reports_are_traced_to_it()
    {
        await using var db = await app.OpenDbContextAsync();
        var unique = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetIndexes().Where(i => i.IsUnique).Select(i => (Table: t.GetTableName()!, Index: i)))
            .ToDictionary(x => x.Index.GetDatabaseName()!, x => $"{x.Table}.{string.Join($", {x.Table}.", x.Index.Properties.Select(p => p.Name))}");

        foreach (var name in SaveFailures.RuleOfUniqueIndex.Keys)
        {
            Assert.True(unique.ContainsKey(name), name);
            Assert.Equal(name, SaveFailures.IndexOfColumns(SaveFailures.SqliteColumns($"SQLite Error 19: 'UNIQUE constraint failed: {unique[name]}'."), db.Model));
        }
    }

    [Fact]
    public async Task Two_simultaneous_demotions_leave_one_administrator()
    {
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IUserAccounts>();
        Guid institution;
        await using (var db = await app.OpenDbContextAsync())
        {
            institution = (await db.Institutions.FirstAsync(Ct)).Id;
        }

        var first = (await accounts.CreateAsync("eerste@race.example", "Eerste", UserRole.Administrator, null, Ct)).Value.UserId;
        var second = (await accounts.CreateAsync("tweede@race.example", "Tweede", UserRole.Administrator, null, Ct)).Value.UserId;
        var others = await ActiveAdministratorsAsync();
        foreach (var other in others.Where(id => id != first && id != second))
        {
            Assert.True((await accounts.SetDisabledAsync(other, disabled: true, Ct)).IsSuccess);
        }

        var results = await Task.WhenAll(
            Task.Run(() => accounts.ChangeAsync(first, "Eerste", UserRole.Viewer, institution, Ct), Ct),
            Task.Run(() => accounts.ChangeAsync(second, "Tweede", UserRole.Viewer, institution, Ct), Ct));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(results, r => r.HasError(AccountErrors.LastAdministrator.Code));
        Assert.Single(await ActiveAdministratorsAsync());

        // And a demotion racing a disable of the other one.
        var remaining = (await ActiveAdministratorsAsync()).Single();
        var third = (await accounts.CreateAsync("derde@race.example", "Derde", UserRole.Administrator, null, Ct)).Value.UserId;
        var mixed = await Task.WhenAll(
            Task.Run(() => accounts.SetDisabledAsync(remaining, disabled: true, Ct), Ct),
            Task.Run(() => accounts.ChangeAsync(third, "Derde", UserRole.Viewer, institution, Ct), Ct));

        Assert.Single(mixed, r => r.IsSuccess);
        Assert.Single(await ActiveAdministratorsAsync());
    }

    private async Task<List<Guid>> ActiveAdministratorsAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == nameof(UserRole.Administrator) && !u.IsDisabled
                      select u.Id).ToListAsync(Ct);
    }
}
