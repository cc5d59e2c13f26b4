namespace DoorlopendeLeerroutes.Web.Tests.Support;

/// <summary>
/// One SQLite database per test run, migrated and filled with the demo data and demo accounts by the app's own start-up
/// (Development, the fixed test keys, the real clock), that each <see cref="AppFactory"/> copies instead of migrating and
/// seeding again: the migrations and the demo accounts' password hashes cost seconds per test class.
/// </summary>
internal static class DatabaseTemplate
{
    private static readonly Lazy<TestDatabase> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the template's database file and its agreement files (the demo agreement) into <paramref name="database"/>'s folder.</summary>
    public static void CopyTo(TestDatabase database)
    {
        var template = Template.Value;
        File.Copy(TemplateApp.FileOf(template), TemplateApp.FileOf(database));
        CopyFolder(Path.Combine(template.Folder, AppFactory.AgreementsFolderName), Path.Combine(database.Folder, AppFactory.AgreementsFolderName));
    }

    private static TestDatabase Create()
    {
        var database = TestDatabase.Create();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.Dispose();

        // Starting the app runs its initialiser; disposing it closes every connection (no pooling), so the file is complete.
        using (var app = new TemplateApp(database))
        {
            _ = app.Services;
        }

        return database;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>The app that fills the template; it leaves the folder alone when disposed.</summary>
    private sealed class TemplateApp(TestDatabase database) : AppFactory(database)
    {
        public static string FileOf(TestDatabase database) => Path.Combine(database.Folder, TestDatabase.SqliteFileName);

        protected override bool StartsFromTemplate => false;
    }
}
