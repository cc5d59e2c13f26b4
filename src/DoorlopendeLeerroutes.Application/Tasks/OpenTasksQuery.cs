using DoorlopendeLeerroutes.Application.Counting;
using DoorlopendeLeerroutes.Domain.Counting;

namespace DoorlopendeLeerroutes.Application.Tasks;

/// <summary>
/// The start page of the signed-in person: their open tasks (R-TASK-1) and, for a viewer, who has none, the preview of
/// the coming count of their institution (R-COUNT-6).
/// </summary>
public sealed record StartPageTasks(OpenTaskList Tasks, CountOverview? CountPreview);

/// <summary>
/// R-TASK-1: what a person still needs to do, most urgent first, each with the place to do it. Everything is read
/// through <see cref="AccessScope"/> (R-ACCESS-1) of that person, so the list never names another institution's route
/// or counts another institution's pupils; pupils are only ever counted, never named.
/// </summary>
/// <remarks>
/// The order, most urgent first:
/// 1. reviews waiting longer than <see cref="ReviewDays"/> days (the registry's promise is broken already), oldest first;
/// 2. work due on the count date, fewest days left first: pupils without a phase (counted for nobody, R-COUNT-5), then
///    pupils whose phase differs from the expected one (funding may go to the wrong school);
/// 3. the other reviews, oldest first;
/// 4. rejected routes to correct (the partners are waiting for them);
/// 5. routes waiting for the own institution's confirmation (R-ROUTE-8);
/// 6. missing RIO confirmations (R-RIO-1): the own institution's first, then (once the own is confirmed) the other partners'.
/// Within one kind the routes keep the order of their code.
/// </remarks>
public sealed class OpenTasksQuery(
    IApplicationDbContextFactory contexts, AccessScope scope, CountOverviewQuery counts, TimeProvider time) : IOpenTasks
{
    /// <summary>A submitted route waiting longer than this many days is overdue (R-TASK-1).</summary>
    public const int ReviewDays = 14;

    /// <summary>A rejection reason is quoted up to this many characters; the route page shows all of it.</summary>
    public const int ReasonPreviewLength = 120;

    /// <summary>The start page of the signed-in person.</summary>
    public async Task<StartPageTasks> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var tasks = await ListAsync(scope, cancellationToken);
        var preview = scope.User.Role == UserRole.Viewer
            ? await counts.ExecuteAsync(ComingCount(Today), cancellationToken)
            : null;
        return new StartPageTasks(tasks, preview);
    }

    /// <summary>The open tasks of <paramref name="user"/>, with exactly their access (for the digest, without a sign-in).</summary>
    public Task<OpenTaskList> ForAsync(UserContext user, CancellationToken cancellationToken = default) =>
        ListAsync(scope.For(user), cancellationToken);

    /// <summary>
    /// The school year whose count date is next (today included): from 2 October on, next year's. Pupil tasks are shown
    /// from the start of that school year (1 August) up to and including its count date.
    /// </summary>
    public static SchoolYear ComingCount(DateOnly today)
    {
        var year = SchoolYear.Containing(today);
        return today <= year.CountDate ? year : year.Next;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateOnly Today => DutchTime.Today(Now);

    private async Task<OpenTaskList> ListAsync(AccessScope access, CancellationToken cancellationToken)
    {
        var user = access.User;
        await using var db = await contexts.CreateAsync(cancellationToken);
        var tasks = user.Role switch
        {
            UserRole.Administrator => await ReviewTasksAsync(db, access, cancellationToken),
            UserRole.Coordinator => await CoordinatorTasksAsync(db, access, user, cancellationToken),
            _ => [],
        };

        // OrderBy is stable: within one rank the order each part chose (oldest first, by code) stays.
        return new OpenTaskList(tasks.OrderBy(Rank).ThenBy(t => t.DaysLeft ?? int.MaxValue).ThenBy(t => t.Kind).ToList());
    }

    private static int Rank(OpenTask task) => task.Kind switch
    {
        OpenTaskKind.ReviewOverdue => 1,
        OpenTaskKind.PupilsWithoutPhase or OpenTaskKind.PupilsWithUnexpectedPhase => 2,
        OpenTaskKind.ReviewRoute => 3,
        OpenTaskKind.CorrectRejectedRoute => 4,
        OpenTaskKind.ConfirmRoute => 5,
        _ => 6,
    };

    /// <summary>Administrator: submitted routes, oldest submission first; overdue after <see cref="ReviewDays"/> days.</summary>
    private async Task<List<OpenTask>> ReviewTasksAsync(IApplicationDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var submitted = await access.Routes(db)
            .Where(r => r.Status == RouteStatus.Submitted)
            .Select(r => new
            {
                r.Id, r.Code, r.Definition.Name,
                SubmittedAt = r.History.Where(h => h.Event == RouteEvent.Submitted)
                    .OrderByDescending(h => h.At).Select(h => (DateTime?)h.At).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var today = Today;
        return submitted
            .OrderBy(r => r.SubmittedAt ?? DateTime.MinValue).ThenBy(r => r.Code)
            .Select(r =>
            {
                var on = r.SubmittedAt is { } at ? DutchTime.Today(at) : today;
                var waiting = today.DayNumber - on.DayNumber;
                var overdue = waiting > ReviewDays;
                return new OpenTask(
                    overdue ? OpenTaskKind.ReviewOverdue : OpenTaskKind.ReviewRoute,
                    OpenTaskTexts.Review(RouteName(r.Name, r.Code), on, waiting, overdue),
                    RouteLink(r.Id));
            })
            .ToList();
    }

    private async Task<List<OpenTask>> CoordinatorTasksAsync(
        IApplicationDbContext db, AccessScope access, UserContext user, CancellationToken cancellationToken)
    {
        var own = user.InstitutionId ?? throw new InvalidOperationException("A coordinator belongs to an institution.");
        var actor = user.ToActor();

        // The routes that can still ask something of a partner; the domain decides what (R-ROUTE-8, R-RIO-1).
        var routes = await access.Routes(db)
            .Where(r => r.Status == RouteStatus.Draft || r.Status == RouteStatus.Rejected || r.Status == RouteStatus.Registered)
            .IgnoreAutoIncludes().Include(r => r.Partners)
            .AsNoTracking()
            .OrderBy(r => r.Code).ThenBy(r => r.VersionNumber)
            .ToListAsync(cancellationToken);

        var tasks = new List<OpenTask>();
        foreach (var route in routes)
        {
            var name = RouteName(route.Definition.Name, route.Code);
            if (route.Status == RouteStatus.Draft && route.CanConfirm(own, actor).IsSuccess)
            {
                tasks.Add(new OpenTask(OpenTaskKind.ConfirmRoute, OpenTaskTexts.Confirm(name), RouteLink(route.Id)));
            }
            else if (route.Status == RouteStatus.Rejected)
            {
                tasks.Add(new OpenTask(
                    OpenTaskKind.CorrectRejectedRoute, OpenTaskTexts.Rejected(name, Brief(route.RejectionReason)), RouteLink(route.Id)));
            }
        }

        tasks.AddRange(await RioTasksAsync(db, routes.Where(r => r.Status == RouteStatus.Registered).ToList(), own, cancellationToken));
        tasks.AddRange(await PupilTasksAsync(db, access, cancellationToken));
        return tasks;
    }

    /// <summary>
    /// R-RIO-1: the own registration in RIO is an action; once it is confirmed, the partners' missing ones are worth a
    /// reminder. One task per route, so a route nobody registered yet does not ask twice.
    /// </summary>
    private static async Task<List<OpenTask>> RioTasksAsync(
        IApplicationDbContext db, List<Route> registered, Guid own, CancellationToken cancellationToken)
    {
        var missing = registered.Select(r => (Route: r, Partners: r.PartnersWithoutRioReport().Select(p => p.InstitutionId).ToList()))
            .Where(m => m.Partners.Count > 0)
            .ToList();
        var ownMissing = missing.Where(m => m.Partners.Contains(own)).ToList();
        var othersMissing = missing.Except(ownMissing).ToList();
        var others = othersMissing.SelectMany(m => m.Partners).Distinct().ToList();
        var names = await db.Institutions.Where(i => others.Contains(i.Id))
            .Select(i => new { i.Id, i.Name })
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);

        var ownFirst = ownMissing
            .Select(m => new OpenTask(
                OpenTaskKind.ConfirmRioRegistration, OpenTaskTexts.RegisterInRio(RouteName(m.Route.Definition.Name, m.Route.Code)),
                RouteLink(m.Route.Id, "rio")));
        var partners = othersMissing
            .Select(m => (m.Route, Names: m.Partners.Select(id => names[id]).Order(StringComparer.CurrentCulture).ToList()))
            .Select(m => new OpenTask(
                OpenTaskKind.ConfirmRioRegistration, OpenTaskTexts.PartnersNotInRio(RouteName(m.Route.Definition.Name, m.Route.Code), m.Names),
                RouteLink(m.Route.Id, "rio")));
        return [.. ownFirst, .. partners];
    }

    /// <summary>
    /// From 1 August to the count date inclusive: the own pupils the count preview warns about (R-COUNT-6, R-PUPIL-5),
    /// counted per route by the domain's own <see cref="FundingCount"/>.
    /// </summary>
    private async Task<List<OpenTask>> PupilTasksAsync(IApplicationDbContext db, AccessScope access, CancellationToken cancellationToken)
    {
        var today = Today;
        var year = ComingCount(today);
        if (today < year.FirstDay)
        {
            return [];
        }

        var (result, routes) = await ScopedCount.CalculateAsync(db, access, year, Now, cancellationToken);
        var daysLeft = year.CountDate.DayNumber - today.DayNumber;
        var tasks = new List<OpenTask>();
        foreach (var perRoute in result.Lines.GroupBy(l => l.Enrolment.RouteId).OrderBy(g => routes[g.Key].Code))
        {
            var route = routes[perRoute.Key];
            var name = RouteName(route.Name, route.Code);
            var withoutPhase = perRoute.Count(l => l.Warnings.Contains(CountWarning.NoPhase));
            var unexpected = perRoute.Count(l => l.Warnings.Contains(CountWarning.DiffersFromExpectedPhase));
            if (withoutPhase > 0)
            {
                tasks.Add(new OpenTask(
                    OpenTaskKind.PupilsWithoutPhase, OpenTaskTexts.WithoutPhase(withoutPhase, name, year.CountDate, daysLeft),
                    RouteLink(route.Id, "leerlingen"), year.CountDate, daysLeft));
            }

            if (unexpected > 0)
            {
                tasks.Add(new OpenTask(
                    OpenTaskKind.PupilsWithUnexpectedPhase, OpenTaskTexts.UnexpectedPhase(unexpected, name, year.CountDate, daysLeft),
                    RouteLink(route.Id, "leerlingen"), year.CountDate, daysLeft));
            }
        }

        return tasks;
    }

    private static string RouteName(string name, string code) => $"{name} ({code})";

    /// <summary>The route page, on a tab when one is named (<c>leerlingen</c>, <c>rio</c>).</summary>
    private static string RouteLink(Guid id, string? tab = null) => tab is null ? $"leerroutes/{id}" : $"leerroutes/{id}?tab={tab}";

    /// <summary>The rejection reason on one line, cut at a word after <see cref="ReasonPreviewLength"/> characters.</summary>
    internal static string Brief(string? reason)
    {
        var line = string.Join(' ', (reason ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= ReasonPreviewLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', ReasonPreviewLength);
        return line[..(cut > 0 ? cut : ReasonPreviewLength)].TrimEnd('.', ',', ';', ':') + "…";
    }
}

/// <summary>The Dutch sentences of the open tasks: the start page and the e-mail digest word a task the same way.</summary>
public static class OpenTaskTexts
{
    public static string Confirm(string route) => $"Bevestig je deelname aan leerroute {route}.";

    /// <summary>The reason as one sentence: a cut-off reason ends in its ellipsis, a whole one in a full stop.</summary>
    public static string Rejected(string route, string reason) =>
        string.IsNullOrEmpty(reason)
            ? $"Leerroute {route} is afgewezen. Pas hem aan of trek hem in."
            : $"Leerroute {route} is afgewezen: {(reason.EndsWith('…') ? reason : reason.TrimEnd('.') + ".")} Pas hem aan of trek hem in.";

    public static string RegisterInRio(string route) =>
        $"Registreer leerroute {route} in RIO en bevestig dat op het tabblad RIO.";

    public static string PartnersNotInRio(string route, IReadOnlyList<string> partners) =>
        $"Bij leerroute {route} {(partners.Count == 1 ? "heeft" : "hebben")} {List(partners)} de registratie in RIO nog niet bevestigd.";

    public static string WithoutPhase(int pupils, string route, DateOnly countDate, int daysLeft) =>
        $"{Pupils(pupils)} in leerroute {route} {Have(pupils)} op {DutchFormat.LongDate(countDate)} nog geen fase ({DaysLeft(daysLeft)}).";

    public static string UnexpectedPhase(int pupils, string route, DateOnly countDate, int daysLeft) =>
        $"{Pupils(pupils)} in leerroute {route} {Have(pupils)} op {DutchFormat.LongDate(countDate)} een andere fase dan verwacht ({DaysLeft(daysLeft)}).";

    public static string Review(string route, DateOnly submittedOn, int daysWaiting, bool overdue) =>
        overdue
            ? $"Beoordeel leerroute {route}: ingediend op {DutchFormat.LongDate(submittedOn)}, wacht al {DutchFormat.Count(daysWaiting, "dag", "dagen")} (langer dan {OpenTasksQuery.ReviewDays} dagen)."
            : $"Beoordeel leerroute {route}: ingediend op {DutchFormat.LongDate(submittedOn)} ({Ago(daysWaiting)}).";

    /// <summary><c>nog 12 dagen</c>, <c>nog 1 dag</c>, <c>vandaag is de laatste dag</c>.</summary>
    public static string DaysLeft(int days) => days == 0 ? "vandaag is de laatste dag" : "nog " + DutchFormat.Count(days, "dag", "dagen");

    private static string Ago(int days) => days == 0 ? "vandaag" : DutchFormat.Count(days, "dag", "dagen") + " geleden";

    private static string Pupils(int count) => DutchFormat.Count(count, "leerling", "leerlingen");

    private static string Have(int count) => count == 1 ? "heeft" : "hebben";

    /// <summary><c>A</c>, <c>A en B</c>, <c>A, B en C</c>.</summary>
    private static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " en " + names[^1];
}
