namespace DoorlopendeLeerroutes.Application.Notifications;

/// <summary>
/// When the weekly digest (R-TASK-1) goes out: in the weeks before the count date of 1 October, from 1 September up to
/// and including 1 October (Dutch calendar days). The week's digest is due from its Monday at 07:00 Amsterdam time – the
/// first week's from 1 September at 07:00 when that is not a Monday – and stays due for the rest of that week, so an
/// instance that was down on Monday morning catches up as soon as it runs again; a week that passed entirely is not
/// sent later (the next digest lists everything still open). See docs/decisions.md.
/// </summary>
public static class DigestSchedule
{
    public static readonly TimeOnly SendTime = new(7, 0);

    /// <summary>The Monday of the week whose digest is due at <paramref name="utcNow"/>, or null when none is.</summary>
    public static DateOnly? DueWeek(DateTime utcNow)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DutchTime.EnsureUtc(utcNow), DutchTime.Zone);
        var today = DateOnly.FromDateTime(local);
        var (first, last) = Window(today.Year);
        if (today < first || today > last)
        {
            return null;
        }

        var monday = WeekStart(today);
        var sendDay = monday < first ? first : monday;
        return local >= sendDay.ToDateTime(SendTime) ? monday : null;
    }

    /// <summary>1 September to 1 October (the count date) of <paramref name="year"/>.</summary>
    public static (DateOnly First, DateOnly Last) Window(int year) => (new DateOnly(year, 9, 1), new DateOnly(year, 10, 1));

    /// <summary>The Monday of the week that holds <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
