namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>Hands the Application layer a fresh <see cref="AppDbContext"/> per operation.</summary>
internal sealed class ApplicationDbContextFactory(IDbContextFactory<AppDbContext> factory) : IApplicationDbContextFactory
{
    public async Task<IApplicationDbContext> CreateAsync(CancellationToken cancellationToken = default) =>
        await factory.CreateDbContextAsync(cancellationToken);
}
