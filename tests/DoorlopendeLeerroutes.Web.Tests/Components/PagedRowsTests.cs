using DoorlopendeLeerroutes.Application.Common;
using DoorlopendeLeerroutes.Web.Components.Shared;

namespace DoorlopendeLeerroutes.Web.Tests.Components;

/// <summary>Issue 17: a list page keeps one page of rows; a slow answer to an old filter never replaces the newer one.</summary>
public sealed class PagedRowsTests
{
    [Fact]
    public async Task A_page_asks_the_server_for_its_own_rows_and_keeps_them_with_the_total()
    {
        var asked = new List<PageRequest>();
        var rows = new PagedRows<int>((request, _) =>
        {
            asked.Add(request);
            return Task.FromResult(new PagedResult<int>([.. Enumerable.Range(request.Skip, request.Take)], 1_000));
        });

        Assert.False(rows.Loaded);
        await rows.ShowAsync(3);
        Assert.Equal([75, 76], rows.Items.Take(2));
        await rows.ChangePageSizeAsync(100); // back to the first page with the new size
        await rows.ChangePageSizeAsync(1_000_000); // never more than the queries serve

        Assert.Equal([new PageRequest(3, 25), new PageRequest(0, 100), new PageRequest(0, PageRequest.MaxPageSize)], asked);
        Assert.True(rows.Loaded);
        Assert.Equal(1_000, rows.Total);
        Assert.Equal(PageRequest.MaxPageSize, rows.Items.Count);
    }

    [Fact]
    public async Task An_answer_that_arrives_after_a_newer_load_is_dropped_and_its_query_is_cancelled()
    {
        var answers = new Queue<TaskCompletionSource<PagedResult<string>>>();
        var tokens = new List<CancellationToken>();
        var rows = new PagedRows<string>((_, cancellationToken) =>
        {
            var answer = new TaskCompletionSource<PagedResult<string>>();
            answers.Enqueue(answer);
            tokens.Add(cancellationToken);
            return answer.Task;
        });

        var old = rows.ReloadAsync();
        var newer = rows.ReloadAsync();
        var (oldAnswer, newerAnswer) = (answers.Dequeue(), answers.Dequeue());
        newerAnswer.SetResult(new PagedResult<string>(["nieuw filter"], 1));
        await newer;
        oldAnswer.SetResult(new PagedResult<string>(["oud filter", "oud filter"], 2));
        await old;

        Assert.Equal(["nieuw filter"], rows.Items);
        Assert.Equal(1, rows.Total);
        Assert.True(tokens[0].IsCancellationRequested);
        Assert.False(tokens[1].IsCancellationRequested);
    }

    [Fact]
    public async Task A_query_cancelled_by_leaving_the_page_ends_quietly()
    {
        var rows = new PagedRows<int>(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new PagedResult<int>([], 0);
        });

        var loading = rows.ReloadAsync();
        rows.Dispose();
        await loading; // no OperationCanceledException reaches the page

        Assert.False(rows.Loaded);
    }
}
