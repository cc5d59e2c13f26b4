using DoorlopendeLeerroutes.Application.Notifications;
using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Application.Tests.Notifications;

/// <summary>R-TASK-1: when the weekly digest is due (Monday 07:00 Amsterdam time, from 1 September to 1 October).</summary>
public sealed class DigestScheduleTests
{
    private static DateTime Dutch(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), DutchTime.Zone);

    [Theory]
    [InlineData(2027, 9, 6, 7, 0)] // Monday 07:00: due
    [InlineData(2027, 9, 6, 23, 59)]
    [InlineData(2027, 9, 8, 10, 0)] // Wednesday: the same week's digest, caught up after a restart
    [InlineData(2027, 9, 12, 23, 0)] // Sunday evening: still that week
    public void R_TASK_1_from_Monday_seven_oclock_the_weeks_digest_is_due_until_the_week_ends(int year, int month, int day, int hour, int minute)
    {
        Assert.Equal(new DateOnly(2027, 9, 6), DigestSchedule.DueWeek(Dutch(year, month, day, hour, minute)));
    }

    [Fact]
    public void R_TASK_1_before_seven_on_Monday_nothing_is_due_the_previous_week_has_ended()
    {
        Assert.Null(DigestSchedule.DueWeek(Dutch(2027, 9, 6, 6, 59)));
    }

    [Fact]
    public void R_TASK_1_the_first_digest_goes_out_on_1_September_when_that_is_not_a_Monday()
    {
        // 1 September 2027 is a Wednesday: its week (from Monday 30 August) is due from Wednesday 07:00, not before.
        Assert.Null(DigestSchedule.DueWeek(Dutch(2027, 8, 30, 8)));
        Assert.Null(DigestSchedule.DueWeek(Dutch(2027, 8, 31, 23)));
        Assert.Null(DigestSchedule.DueWeek(Dutch(2027, 9, 1, 6, 59)));
        Assert.Equal(new DateOnly(2027, 8, 30), DigestSchedule.DueWeek(Dutch(2027, 9, 1, 7)));
    }

    [Fact]
    public void R_TASK_1_1_October_is_the_last_day_and_after_it_nothing_is_due()
    {
        // 1 October 2029 is a Monday: that day's digest is the last one.
        Assert.Equal(new DateOnly(2029, 10, 1), DigestSchedule.DueWeek(Dutch(2029, 10, 1, 7)));
        Assert.Null(DigestSchedule.DueWeek(Dutch(2029, 10, 2, 7)));

        // 1 October 2027 is a Friday: the week of Monday 27 September is still due that day, not the day after.
        Assert.Equal(new DateOnly(2027, 9, 27), DigestSchedule.DueWeek(Dutch(2027, 10, 1, 23)));
        Assert.Null(DigestSchedule.DueWeek(Dutch(2027, 10, 2, 9)));
        Assert.Null(DigestSchedule.DueWeek(Dutch(2028, 1, 3, 9)));
        Assert.Null(DigestSchedule.DueWeek(Dutch(2028, 6, 5, 9)));
    }

    [Fact]
    public void R_TASK_1_seven_oclock_is_Amsterdam_time_in_summer_time()
    {
        // 06:00 UTC is 08:00 in CEST; 04:59 UTC is 06:59.
        Assert.NotNull(DigestSchedule.DueWeek(new DateTime(2027, 9, 13, 6, 0, 0, DateTimeKind.Utc)));
        Assert.Null(DigestSchedule.DueWeek(new DateTime(2027, 9, 13, 4, 59, 0, DateTimeKind.Utc)));
    }
}
