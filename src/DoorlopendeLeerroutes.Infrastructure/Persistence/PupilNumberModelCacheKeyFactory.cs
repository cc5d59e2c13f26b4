using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>
/// EF Core builds the model once and caches it. The model holds the pupil-number converter and therefore its keys, so
/// the cache key includes the key fingerprint: apps with the same keys share one model, apps with other keys (tests,
/// tools) get their own.
/// </summary>
internal sealed class PupilNumberModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AppDbContext app && !designTime
            ? (context.GetType(), app.PupilNumberProtector.KeyFingerprint, designTime)
            : (context.GetType(), designTime);
}
