using DoorlopendeLeerroutes.Application.Auditing;
using System.Net;
using DoorlopendeLeerroutes.Application.Accounts;
using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Application.Institutions;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Infrastructure.Accounts;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Accounts;

/// <summary>Beheer: accounts with a one-time password, roles with one institution, institutions with a unique BRIN.</summary>
public sealed class AccountAdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_coordinator_gets_a_one_time_password_and_must_choose_an_own_one_first()
    {
        var institution = await InstitutionIdAsync("12AB");

        var created = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = "nieuw@maasland.example", DisplayName = "Nina Nieuw", Role = UserRole.Coordinator, InstitutionId = institution }, Ct);

        Assert.True(created.IsSuccess, created.ToString());
        var password = created.Value.OneTimePassword;
        Assert.True(password.Length >= 12);

        // First sign-in lands on "wachtwoord wijzigen", and every other page sends there too.
        var client = app.AnonymousClient();
        using var signIn = await SignIn.PostLoginAsync(client, "nieuw@maasland.example", password);
        Assert.Equal("/account/wachtwoord", signIn.RedirectTarget());
        using var elsewhere = await client.GetAsync("/leerroutes", Ct);
        Assert.Equal("/account/wachtwoord", elsewhere.RedirectTarget());

        var form = await client.GetStringAsync("/account/wachtwoord", Ct);
        Assert.Contains("eenmalig wachtwoord", form, StringComparison.Ordinal);
        using var tooShort = await PostPasswordAsync(client, form, password, "kort1A", "kort1A");
        Assert.Contains("minstens 12 tekens", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        form = await client.GetStringAsync("/account/wachtwoord", Ct);
        using var changed = await PostPasswordAsync(client, form, password, "Mijn-Eigen-Wachtwoord-7", "Mijn-Eigen-Wachtwoord-7");
        Assert.Equal("/", changed.RedirectTarget());
        using var home = await client.GetAsync("/leerroutes", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var log = (await (await app.ServiceAsAsync<AuditLogQuery>(SignIn.Administrator)).ListAsync(AuditFilter.None, new PageRequest(0, 200), Ct)).Items;
        Assert.Contains(log, e => e.Kind == AuditKind.UserCreated && e.Subject == "nieuw@maasland.example" && e.ActorEmail == SignIn.Administrator);
        Assert.Contains(log, e => e.Kind == AuditKind.PasswordChanged && e.Subject == "nieuw@maasland.example");
    }

    [Fact]
    public async Task Coordinator_without_institution_administrator_with_one_and_a_taken_address_are_refused()
    {
        var institution = await InstitutionIdAsync("05KO");

        var noInstitution = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(new UserForm { Email = "a@b.example", DisplayName = "A", Role = UserRole.Coordinator }, Ct);
        var adminWithInstitution = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = "c@d.example", DisplayName = "C", Role = UserRole.Administrator, InstitutionId = institution }, Ct);
        var taken = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = SignIn.VoViewer, DisplayName = "Dubbel", Role = UserRole.Viewer, InstitutionId = institution }, Ct);
        var badEmail = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = "geen-adres", DisplayName = "X", Role = UserRole.Viewer, InstitutionId = institution }, Ct);

        Assert.Contains(AccountErrors.InstitutionRequired.Message, noInstitution.Errors.Select(e => e.Message));
        Assert.Contains(AccountErrors.AdministratorHasNoInstitution.Message, adminWithInstitution.Errors.Select(e => e.Message));
        Assert.Contains(taken.Errors, e => e.Code == AccountErrors.EmailTaken.Code);
        Assert.Contains("Dit is geen geldig e-mailadres.", badEmail.Errors.Select(e => e.Message));
        await using var db = await app.OpenDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "a@b.example" || u.Email == "c@d.example" || u.Email == "geen-adres", Ct));
    }

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_demoted_nor_disabled()
    {
        var created = await (await app.ServiceAsAsync<CreateUser>(SignIn.Administrator)).ExecuteAsync(
            new UserForm { Email = "tweede@duo.example", DisplayName = "Tweede", Role = UserRole.Administrator }, Ct);
        var second = created.Value.UserId;
        var asSecond = new UserContext(second, "tweede@duo.example", UserRole.Administrator, null);
        var first = await app.UserAsync(SignIn.Administrator);

        // One administrator may disable the others (other tests in this class may have added some);
        // then the remaining one is the last.
        var others = await OtherActiveAdministratorsAsync(second);
        Assert.Contains(first.UserId, others);
        foreach (var other in others)
        {
            Assert.True((await app.ServiceAs<SetUserDisabled>(asSecond).ExecuteAsync(other, disabled: true, Ct)).IsSuccess);
        }

        var demoteSelf = await app.ServiceAs<ChangeUser>(asSecond).ExecuteAsync(
            second, new UserForm { Email = "tweede@duo.example", DisplayName = "Tweede", Role = UserRole.Viewer, InstitutionId = await AnyInstitutionAsync() }, Ct);

        Assert.Contains(demoteSelf.Errors, e => e.Code == AccountErrors.LastAdministrator.Code);
        foreach (var other in others)
        {
            Assert.True((await app.ServiceAs<SetUserDisabled>(asSecond).ExecuteAsync(other, disabled: false, Ct)).IsSuccess);
        }
    }

    [Fact]
    public async Task Administrator_cannot_disable_their_own_account()
    {
        var self = await app.UserAsync(SignIn.Administrator);

        var result = await (await app.ServiceAsAsync<SetUserDisabled>(SignIn.Administrator)).ExecuteAsync(self.UserId, disabled: true, Ct);

        Assert.Contains(result.Errors, e => e.Code == AccountErrors.CannotDisableYourself.Code);
    }

    [Fact]
    public async Task R_INST_1_and_R_INST_3_institution_with_invalid_or_existing_brin_is_refused_with_a_dutch_message()
    {

        var invalid = await (await app.ServiceAsAsync<CreateInstitution>(SignIn.Administrator)).ExecuteAsync(Form("5KO"), Ct);
        var existing = await (await app.ServiceAsAsync<CreateInstitution>(SignIn.Administrator)).ExecuteAsync(Form("05ko"), Ct);
        var created = await (await app.ServiceAsAsync<CreateInstitution>(SignIn.Administrator)).ExecuteAsync(Form("88xy"), Ct);

        Assert.Contains(invalid.Errors, e => e.Code == DomainErrors.Institution.BrinInvalid.Code);
        Assert.Contains(existing.Errors, e => e.Code == DomainErrors.Institution.BrinNotUnique.Code);
        Assert.True(created.IsSuccess);
        await using var db = await app.OpenDbContextAsync();
        Assert.Equal("88XY", (await db.Institutions.SingleAsync(i => i.Id == created.Value, Ct)).Brin.Value);
    }

    [Fact]
    public async Task Saving_an_institution_someone_else_changed_meanwhile_gives_the_conflict_message_and_keeps_their_change()
    {
        var id = await InstitutionIdAsync("30JK");
        var mine = (await (await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator)).ExecuteAsync(id, Ct))!;
        var theirs = (await (await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator)).ExecuteAsync(id, Ct))!;

        theirs.Name = "Vakschool Techniek Noord (nieuwe naam)";
        Assert.True((await (await app.ServiceAsAsync<ChangeInstitution>(SignIn.Administrator)).ExecuteAsync(id, theirs, Ct)).IsSuccess);
        mine.Name = "Iets anders";
        var result = await (await app.ServiceAsAsync<ChangeInstitution>(SignIn.Administrator)).ExecuteAsync(id, mine, Ct);

        Assert.Contains(result.Errors, e => e.Code == CommonErrors.ConcurrencyConflict.Code);
        Assert.Equal("Vakschool Techniek Noord (nieuwe naam)", (await (await app.ServiceAsAsync<InstitutionFormQuery>(SignIn.Administrator)).ExecuteAsync(id, Ct))!.Name);
    }

    [Fact]
    public async Task Create_admin_command_creates_an_administrator_with_a_one_time_password()
    {
        using var scope = app.Services.CreateScope();
        var bootstrap = scope.ServiceProvider.GetRequiredService<AdministratorBootstrap>();
        using var output = new StringWriter();

        var exitCode = await bootstrap.RunAsync(["create-admin", "--email", "eerste@registry.example", "--name", "Eerste Beheerder"], output, Ct);

        Assert.Equal(0, exitCode);
        var password = output.ToString().Split('\n').Single(l => l.StartsWith("Eenmalig wachtwoord: ", StringComparison.Ordinal))["Eenmalig wachtwoord: ".Length..].Trim();
        var admin = await app.UserAsync("eerste@registry.example");
        Assert.Equal(UserRole.Administrator, admin.Role);
        Assert.Null(admin.InstitutionId);
        using var signIn = await SignIn.PostLoginAsync(app.AnonymousClient(), "eerste@registry.example", password);
        Assert.Equal("/account/wachtwoord", signIn.RedirectTarget());

        using var again = new StringWriter();
        Assert.Equal(1, await bootstrap.RunAsync(["create-admin", "--email", "eerste@registry.example"], again, Ct));
        Assert.Equal(2, await bootstrap.RunAsync(["create-admin"], again, Ct));
    }

    private async Task<List<Guid>> OtherActiveAdministratorsAsync(Guid except)
    {
        await using var db = await app.OpenDbContextAsync();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == nameof(UserRole.Administrator) && !u.IsDisabled && u.Id != except
                      select u.Id).ToListAsync(Ct);
    }

    private async Task<Guid> AnyInstitutionAsync()
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Institutions.Select(i => i.Id).FirstAsync(Ct);
    }

    private static InstitutionForm Form(string brin) => new()
    {
        Brin = brin, Name = "Testschool " + brin, Sector = Sector.Vo, BoardNumber = "77777", BoardName = "Bestuur",
        Municipality = "Ede", Province = Domain.Institutions.Province.Gelderland, // R-MON-1
    };

    private async Task<Guid> InstitutionIdAsync(string brin)
    {
        await using var db = await app.OpenDbContextAsync();
        return (await db.Institutions.ToListAsync(Ct)).Single(i => i.Brin.Value == brin).Id;
    }

    private static async Task<HttpResponseMessage> PostPasswordAsync(
        HttpClient client, string form, string current, string newPassword, string confirm)
    {
        var token = SignIn.AntiforgeryTokenIn(form);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = confirm,
        });
        return await client.PostAsync("/account/wachtwoord", content);
    }
}
