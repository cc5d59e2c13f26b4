namespace DoorlopendeLeerroutes.Domain.Routes;

/// <summary>
/// What a route offers: everything but its partners, agreement and life cycle. A definition is only made when it obeys
/// R-ROUTE-2…6 and R-ROUTE-13, so a <see cref="Route"/> never holds an invalid one; R-ROUTE-4 and R-AGR-5 give warnings.
/// </summary>
public sealed record RouteDefinition
{
    public const int MaxNameLength = 200;
    public const int MaxTrainingDomainLength = 200;

    /// <summary>R-ROUTE-5: the vmbo leerjaren pupils enter a route in; the form offers exactly these.</summary>
    public static IReadOnlyList<int> EntryYears { get; } = [3, 4];

    /// <summary>R-ROUTE-5: most routes start in leerjaar 3; the form proposes it.</summary>
    public const int UsualEntryYear = 3;

    private RouteDefinition(
        string name, RouteType type, VmboProfile profile, IReadOnlyList<Track> tracks, Crebo? crebo,
        string? trainingDomain, MboLevel level, int entryYear, SchoolYear firstSchoolYear, TeachingLocation location,
        bool includesWorkBasedTrack)
    {
        Name = name;
        Type = type;
        Profile = profile;
        Tracks = tracks;
        Crebo = crebo;
        TrainingDomain = trainingDomain;
        Level = level;
        EntryYear = entryYear;
        FirstSchoolYear = firstSchoolYear;
        Location = location;
        IncludesWorkBasedTrack = includesWorkBasedTrack;
    }

    public string Name { get; }

    public RouteType Type { get; }

    public VmboProfile Profile { get; }

    /// <summary>The leerwegen pupils start from, sorted and without duplicates.</summary>
    public IReadOnlyList<Track> Tracks { get; }

    /// <summary>The mbo qualification; null when pupils choose later within <see cref="TrainingDomain"/>.</summary>
    public Crebo? Crebo { get; }

    /// <summary>The opleidingsdomein when no crebo is fixed yet.</summary>
    public string? TrainingDomain { get; }

    public MboLevel Level { get; }

    /// <summary>The vmbo leerjaar in which pupils enter: 3 (usual) or 4 (R-ROUTE-5).</summary>
    public int EntryYear { get; }

    public SchoolYear FirstSchoolYear { get; }

    public TeachingLocation Location { get; }

    /// <summary>Part of the pupils follow a leerwerktraject (R-AGR-5).</summary>
    public bool IncludesWorkBasedTrack { get; }

    public RouteSector Sector => Profile.Sector();

    public static Result<RouteDefinition> Create(
        string? name,
        RouteType type,
        VmboProfile profile,
        IEnumerable<Track> tracks,
        string? crebo,
        string? trainingDomain,
        MboLevel level,
        int entryYear,
        SchoolYear firstSchoolYear,
        TeachingLocation location,
        bool includesWorkBasedTrack = false)
    {
        var errors = new List<DomainError>();
        var warnings = new List<DomainError>();
        var trackList = tracks.Distinct().Order().ToList();

        var trimmedName = name?.Trim();
        if (string.IsNullOrEmpty(trimmedName) || trimmedName.Length > MaxNameLength)
        {
            errors.Add(DomainErrors.Route.NameRequired);
        }
        else if (PrintableText.Check(trimmedName, "route.name", "de naam van de leerroute", field: ErrorField.Name) is { } nameNotPrintable)
        {
            errors.Add(nameNotPrintable); // R-PRIV-4
        }

        if (!Enum.IsDefined(type))
        {
            errors.Add(DomainErrors.Route.TypeInvalid);
        }

        if (!Enum.IsDefined(profile))
        {
            errors.Add(DomainErrors.Route.ProfileInvalid);
        }

        if (!Enum.IsDefined(location))
        {
            errors.Add(DomainErrors.Route.LocationInvalid);
        }

        if (trackList.Count == 0 || trackList.Any(t => !Enum.IsDefined(t)))
        {
            errors.Add(DomainErrors.Route.TracksRequired);
        }

        // R-ROUTE-6 and the mbo target: a crebo, or an opleidingsdomein when pupils choose later.
        Crebo? validCrebo = null;
        var domain = string.IsNullOrWhiteSpace(trainingDomain) ? null : trainingDomain.Trim();
        if (!string.IsNullOrWhiteSpace(crebo))
        {
            if (!Crebo.TryCreate(crebo, out validCrebo))
            {
                errors.Add(DomainErrors.Route.CreboInvalid);
            }

            if (domain is not null)
            {
                errors.Add(DomainErrors.Route.TargetEitherCreboOrDomain);
            }
        }
        else if (domain is null)
        {
            errors.Add(DomainErrors.Route.TargetRequired);
        }
        else if (domain.Length > MaxTrainingDomainLength)
        {
            errors.Add(DomainErrors.Route.TrainingDomainTooLong);
        }
        else if (PrintableText.Check(domain, "route.training_domain", "het opleidingsdomein", field: ErrorField.TrainingDomain) is { } domainNotPrintable)
        {
            errors.Add(domainNotPrintable); // R-PRIV-4
        }

        // R-ROUTE-2: Entree (niveau 1) is never allowed, for either type.
        if (level == MboLevel.Entree)
        {
            errors.Add(DomainErrors.Route.EntreeNotAllowed);
        }
        else if (!Enum.IsDefined(level))
        {
            errors.Add(DomainErrors.Route.LevelInvalid);
        }

        // R-ROUTE-5: pupils enter in leerjaar 3 or 4.
        if (!EntryYears.Contains(entryYear))
        {
            errors.Add(DomainErrors.Route.EntryYearInvalid);
        }

        if (type == RouteType.Integrated)
        {
            // R-ROUTE-3: a geïntegreerde leerroute starts from BB only and leads to niveau 2 only.
            if (trackList.Count > 0 && trackList.Any(t => t != Track.BB))
            {
                errors.Add(DomainErrors.Route.IntegratedRequiresBb);
            }

            if (level is MboLevel.Level3 or MboLevel.Level4)
            {
                errors.Add(DomainErrors.Route.IntegratedRequiresLevel2);
            }

            if (includesWorkBasedTrack)
            {
                warnings.Add(DomainErrors.Route.WorkBasedTrackIntegratedDisputed);
            }
        }
        else if (trackList.Contains(Track.BB) && level is MboLevel.Level3 or MboLevel.Level4)
        {
            // R-ROUTE-4: allowed, but a BB diploma normally gives access to niveau 2 only.
            warnings.Add(DomainErrors.Route.BbToHigherLevelWarning);
        }

        if (includesWorkBasedTrack)
        {
            // R-AGR-5: a leerwerktraject needs its own agreement beside the route's agreement.
            warnings.Add(DomainErrors.Route.WorkBasedTrackNeedsOwnAgreement);
        }

        if (errors.Count > 0)
        {
            return Result<RouteDefinition>.Failure(errors);
        }

        return Result<RouteDefinition>.Success(
            new RouteDefinition(trimmedName!, type, profile, trackList, validCrebo, validCrebo is null ? domain : null,
                level, entryYear, firstSchoolYear, location, includesWorkBasedTrack),
            warnings);
    }

    /// <summary>The warnings this (valid) definition carries; shown on the route page.</summary>
    public IReadOnlyList<DomainError> Warnings =>
        Create(Name, Type, Profile, Tracks, Crebo?.Value, TrainingDomain, Level, EntryYear, FirstSchoolYear, Location,
            IncludesWorkBasedTrack).Warnings;

    public bool Equals(RouteDefinition? other) =>
        other is not null
        && Name == other.Name && Type == other.Type && Profile == other.Profile && Tracks.SequenceEqual(other.Tracks)
        && Crebo == other.Crebo && TrainingDomain == other.TrainingDomain && Level == other.Level
        && EntryYear == other.EntryYear && FirstSchoolYear == other.FirstSchoolYear && Location == other.Location
        && IncludesWorkBasedTrack == other.IncludesWorkBasedTrack;

    public override int GetHashCode() => HashCode.Combine(Name, Type, Profile, Crebo, Level, EntryYear, FirstSchoolYear);
}
