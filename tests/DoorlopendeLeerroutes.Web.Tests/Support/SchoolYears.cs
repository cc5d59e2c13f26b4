using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Web.Tests.Support;

public static class SchoolYears
{
    /// <summary>The newest school year whose count date has passed, so its count is final (not a preview).</summary>
    public static SchoolYear LastCounted
    {
        get
        {
            var today = DutchTime.Today(DateTime.UtcNow);
            var current = SchoolYear.Containing(today);
            return today > current.CountDate ? current : SchoolYear.FromStartYear(current.StartYear - 1);
        }
    }
}
