using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Tasks;
using DoorlopendeLeerroutes.Domain.Common;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Routes;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DoorlopendeLeerroutes.Web.Tests.Tasks;

/// <summary>
/// R-TASK-1 on a movable clock: the pupils the count preview warns about, from 1 August up to and including the count
/// date, with the days left; gone the day after. The demo's care route has one pupil without any phase and a cohort
/// still in the vo-fase that is expected in the mbo-fase by next year's count.
/// </summary>
public sealed class OpenTaskDeadlineTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly OpenTaskKit _tasks = new(app);

    [Fact]
    public async Task R_TASK_1_pupils_without_or_with_another_phase_from_1_August_to_the_count_date_with_the_days_left()
    {
        // A school year wholly ahead of the clock, so every step below moves forward.
        var year = SchoolYear.Containing(DutchTime.Today(app.Clock.GetUtcNow().UtcDateTime)).Next;
        var care = await _tasks.RouteIdAsync(OpenTaskKit.CareRoute);
        var countDate = DutchFormat.LongDate(year.CountDate);

        // 31 July: the count is not yet in view.
        MoveTo(year.FirstDay.AddDays(-1));
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.VoCoordinator), t => t.DaysLeft is not null);

        // 1 August: the school year starts, and with it the road to 1 October.
        MoveTo(year.FirstDay);
        Assert.Contains(await _tasks.TasksAsync(SignIn.VoCoordinator), t => t.Kind == OpenTaskKind.PupilsWithoutPhase && t.DaysLeft == 61);

        MoveTo(year.CountDate.AddDays(-12));
        var tasks = await _tasks.TasksAsync(SignIn.VoCoordinator);
        var without = Assert.Single(tasks, t => t.Kind == OpenTaskKind.PupilsWithoutPhase);
        Assert.StartsWith($"1 leerling in leerroute {OpenTaskKit.CareRoute} (LR-", without.Text, StringComparison.Ordinal);
        Assert.EndsWith($") heeft op {countDate} nog geen fase (nog 12 dagen).", without.Text, StringComparison.Ordinal);
        Assert.Equal((year.CountDate, 12), (without.Deadline, without.DaysLeft));
        Assert.Equal($"leerroutes/{care}?tab=leerlingen", without.Link);
        var other = Assert.Single(tasks, t => t.Kind == OpenTaskKind.PupilsWithUnexpectedPhase);
        Assert.Matches($"^\\d+ leerlingen in leerroute {OpenTaskKit.CareRoute} \\(LR-.*\\) hebben op {countDate} een andere fase dan verwacht \\(nog 12 dagen\\)\\.$", other.Text);
        Assert.Equal([OpenTaskKind.PupilsWithoutPhase, OpenTaskKind.PupilsWithUnexpectedPhase], tasks.Take(2).Select(t => t.Kind)); // most urgent first
        Assert.DoesNotContain(tasks, t => t.Text.Contains(OpenTaskKit.GreenRoute, StringComparison.Ordinal)); // R-ACCESS-1
        await AssertNoPupilNamedAsync(tasks);

        // R-ACCESS-1: Groene Vallei sees its own pupils, never Horizon's; the partner institution sees the same pupils.
        var green = await _tasks.TasksAsync(SignIn.UnrelatedCoordinator);
        Assert.Contains(green, t => t.Kind == OpenTaskKind.PupilsWithUnexpectedPhase && t.Text.Contains(OpenTaskKit.GreenRoute, StringComparison.Ordinal));
        Assert.DoesNotContain(green, t => t.Text.Contains(OpenTaskKit.CareRoute, StringComparison.Ordinal));
        Assert.Equal(without, Assert.Single(await _tasks.TasksAsync(SignIn.MboCoordinator), t => t.Kind == OpenTaskKind.PupilsWithoutPhase));

        // Done: the pupil without a phase gets one (the expected mbo-fase), and the task goes.
        await RecordMissingPhaseAsync(care, year);
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.VoCoordinator), t => t.Kind == OpenTaskKind.PupilsWithoutPhase);

        // The count date itself is the last day.
        MoveTo(year.CountDate);
        var last = Assert.Single(await _tasks.TasksAsync(SignIn.VoCoordinator), t => t.Kind == OpenTaskKind.PupilsWithUnexpectedPhase);
        Assert.EndsWith("(vandaag is de laatste dag).", last.Text, StringComparison.Ordinal);
        Assert.Equal(0, last.DaysLeft);

        // 2 October: the count is final; nothing about it is left to do.
        MoveTo(year.CountDate.AddDays(1));
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.VoCoordinator), t => t.DaysLeft is not null);
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.UnrelatedCoordinator), t => t.DaysLeft is not null);
    }

    /// <summary>Pupils are counted, never named (R-TASK-1): no last name or 9-digit number in any task.</summary>
    private async Task AssertNoPupilNamedAsync(IReadOnlyList<OpenTask> tasks)
    {
        await using var db = await app.OpenDbContextAsync();
        var names = await db.Pupils.Select(p => p.LastName).Distinct().ToListAsync(Ct);
        Assert.NotEmpty(names);
        Assert.All(tasks, t => Assert.DoesNotMatch("\\d{9}", t.Text));
        Assert.All(tasks, t => Assert.DoesNotContain(names, name => t.Text.Contains(name, StringComparison.Ordinal)));
    }

    private void MoveTo(DateOnly day) => app.Clock.MoveTo(DutchTime.StartOfDayUtc(day).AddHours(12));

    private async Task RecordMissingPhaseAsync(Guid route, SchoolYear year)
    {
        Enrolment missing;
        await using (var db = await app.OpenDbContextAsync())
        {
            missing = (await db.Enrolments.AsNoTracking().Where(e => e.RouteId == route).ToListAsync(Ct)).Single(e => e.Phases.Count == 0);
        }

        var recorded = await (await app.ServiceAsAsync<RecordPhase>(SignIn.VoCoordinator))
            .ExecuteAsync(missing.Id, missing.Version, Phase.Mbo, year.FirstDay, Ct);
        RouteWorkflow.Ok(recorded);
    }
}

/// <summary>R-TASK-1 on a movable clock: a submitted route is overdue once it waits longer than 14 days.</summary>
public sealed class OpenTaskReviewTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private readonly RouteWorkflow _flow = new(app);
    private readonly OpenTaskKit _tasks = new(app);

    [Fact]
    public async Task R_TASK_1_a_review_waiting_longer_than_14_days_is_overdue_and_comes_first()
    {
        var older = await _flow.CreateAsync("Klok eerder ingediend");
        await _flow.ReadyAndSubmitAsync(older);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var newer = await _flow.CreateAsync("Klok later ingediend");
        await _flow.ReadyAndSubmitAsync(newer);

        app.Clock.Advance(TimeSpan.FromDays(12)); // the older one waits 14 days: not yet overdue
        Assert.Equal(
            [OpenTaskKind.ReviewOverdue, OpenTaskKind.ReviewRoute, OpenTaskKind.ReviewRoute],
            (await ReviewsAsync()).Select(t => t.Kind));

        app.Clock.Advance(TimeSpan.FromDays(1)); // 15 days
        var reviews = await ReviewsAsync();
        Assert.Equal([OpenTaskKind.ReviewOverdue, OpenTaskKind.ReviewOverdue, OpenTaskKind.ReviewRoute], reviews.Select(t => t.Kind));
        Assert.Contains(OpenTaskKit.TechRoute, reviews[0].Text, StringComparison.Ordinal); // the oldest first
        Assert.Equal($"leerroutes/{older}", reviews[1].Link);
        Assert.Contains("wacht al 15 dagen (langer dan 14 dagen)", reviews[1].Text, StringComparison.Ordinal);
        Assert.Equal($"leerroutes/{newer}", reviews[2].Link);
        Assert.EndsWith("(13 dagen geleden).", reviews[2].Text, StringComparison.Ordinal);

        // Reviewed: registering takes it off the list.
        RouteWorkflow.Ok(await _flow.RegisterAsync(older));
        Assert.DoesNotContain(await _tasks.TasksAsync(SignIn.Administrator), t => t.Link == $"leerroutes/{older}");
    }

    private async Task<IReadOnlyList<Application.Tasks.OpenTask>> ReviewsAsync() => await _tasks.TasksAsync(SignIn.Administrator);
}
