using DoorlopendeLeerroutes.Application.Tasks;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Tasks;

/// <summary>The open tasks (R-TASK-1) as the demo people get them, on the start page and without a sign-in (the digest).</summary>
public sealed class OpenTaskKit(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The start page of <paramref name="email"/>, as the signed-in person gets it.</summary>
    public async Task<StartPageTasks> StartPageAsync(string email) =>
        await (await app.ServiceAsAsync<OpenTasksQuery>(email)).ExecuteAsync(Ct);

    /// <summary>The open tasks of <paramref name="email"/> as the start page lists them.</summary>
    public async Task<IReadOnlyList<OpenTask>> TasksAsync(string email) => (await StartPageAsync(email)).Tasks.Tasks;

    /// <summary>The same list through <see cref="IOpenTasks"/>, with nobody signed in (as the weekly digest asks for it).</summary>
    public async Task<IReadOnlyList<OpenTask>> WithoutSignInAsync(string email)
    {
        var user = await app.UserAsync(email);
        return (await app.ServiceAs<OpenTasksQuery>(null).ForAsync(user, Ct)).Tasks;
    }

    /// <summary>The tasks about the route named <paramref name="routeName"/>.</summary>
    public async Task<IReadOnlyList<OpenTask>> AboutAsync(string email, string routeName) =>
        (await TasksAsync(email)).Where(t => t.Text.Contains(routeName, StringComparison.Ordinal)).ToList();

    public async Task<Guid> RouteIdAsync(string name)
    {
        await using var db = await app.OpenDbContextAsync();
        return await db.Routes.Where(r => r.Definition.Name == name).Select(r => r.Id).SingleAsync(Ct);
    }

    /// <summary>The demo route of Horizon and ROC Rivierenland, with the pupils of both.</summary>
    public const string CareRoute = "Zorg en welzijn vmbo-mbo";

    /// <summary>The demo route of Groene Vallei (vo and mbo), with pupils Horizon and ROC Rivierenland may never see.</summary>
    public const string GreenRoute = "Groen geïntegreerd BB-niveau 2";

    /// <summary>The demo route that waits for review since 15 days before the demo was loaded.</summary>
    public const string TechRoute = "Techniek breed naar niveau 4";
}
