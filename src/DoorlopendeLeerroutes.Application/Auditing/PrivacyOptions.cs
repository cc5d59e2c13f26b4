namespace DoorlopendeLeerroutes.Application.Auditing;

/// <summary>The <c>Privacy</c> section of the configuration.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// R-PRIV-3: how many pupil numbers that belong to pupils a person may not see (or, in the look-up, that are not
    /// found) that person may enter per Dutch calendar day; past it, every further attempt is refused until midnight.
    /// </summary>
    public int PupilNumberRefusalsPerDay { get; set; } = 10;

    /// <summary>Shorter would remove today's refusals and the evidence of recent disclosures.</summary>
    public static readonly TimeSpan MinimumAuditRetention = TimeSpan.FromDays(30);

    /// <summary>R-PRIV-2: how long audit lines are kept before the retention job removes them (default 2 years).</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(730);
}
