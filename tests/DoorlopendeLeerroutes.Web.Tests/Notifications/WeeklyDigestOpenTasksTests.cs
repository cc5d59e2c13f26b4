using DoorlopendeLeerroutes.Application.Tasks;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoorlopendeLeerroutes.Web.Tests.Notifications;

/// <summary>
/// R-TASK-1: the digest with the app's own task list (not a stand-in): each coordinator with open tasks on the demo gets
/// exactly the start page's list, every task with its absolute link; a coordinator with none gets no mail.
/// </summary>
public sealed class WeeklyDigestOpenTasksTests(WeeklyDigestOpenTasksTests.OwnTasksApp app) : IClassFixture<WeeklyDigestOpenTasksTests.OwnTasksApp>
{
    /// <summary>Monday 6 September 2027, 08:00 in Amsterdam: inside the digest window, 25 days before the count date.</summary>
    private static readonly DateTime MondayMorning = new(2027, 9, 6, 8, 0, 0);

    [Fact]
    public async Task R_TASK_1_the_digest_holds_each_coordinators_own_start_page_list()
    {
        var coordinators = new[] { SignIn.VoCoordinator, SignIn.MboCoordinator, SignIn.UnrelatedCoordinator };
        var lists = new Dictionary<string, OpenTaskList>();
        foreach (var email in coordinators)
        {
            lists[email] = await (await app.ServiceAsAsync<OpenTasksQuery>(email)).ForAsync(await app.UserAsync(email), TestContext.Current.CancellationToken);
        }

        Assert.Contains(lists.Values, l => !l.IsEmpty); // the demo leaves work to do in September
        Assert.Contains(lists[SignIn.VoCoordinator].Tasks, t => t.DaysLeft == 25); // count-date work, with the days left
        app.Smtp.ClearReceivedEmail();

        var sent = await app.DigestAt(MondayMorning);

        var received = app.Received();
        Assert.Equal(lists.Count(l => !l.Value.IsEmpty), sent);
        foreach (var (email, list) in lists)
        {
            var mails = received.Where(m => m.To == email).ToList();
            if (list.IsEmpty)
            {
                Assert.Empty(mails);
                continue;
            }

            var mail = Assert.Single(mails);
            foreach (var task in list.Tasks)
            {
                Assert.Contains(task.Text, mail.Text, StringComparison.Ordinal);
                Assert.Contains(MailApp.PublicBaseUrl + task.Link, mail.Text, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(PersonalData.NineDigits(), mail.All);
        }
    }

    /// <summary>The mail app on a clock at <see cref="MondayMorning"/>, with the app's own <see cref="IOpenTasks"/>.</summary>
    public sealed class OwnTasksApp : MailApp
    {
        public MovableClock Clock { get; } = new(new DateTimeOffset(
            TimeZoneInfo.ConvertTimeToUtc(MondayMorning, Domain.Common.DutchTime.Zone), TimeSpan.Zero));

        protected override bool UsesFakeTasks => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
