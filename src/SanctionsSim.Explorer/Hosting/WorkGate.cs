namespace SanctionsSim.Explorer.Hosting;

/// <summary>
/// Bounds the work of the server: one batch at a time (the machine's cores go to it), each stopped at the
/// replication cap and the time cap, and cancelled as soon as its page moves on (the browser aborts the request).
/// </summary>
internal sealed class WorkGate(ExplorerOptions options) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Waits for the batch before this one to stop, then returns a token that ends at the time cap or when <paramref name="aborted"/> fires.</summary>
    public async Task<Lease> EnterAsync(CancellationToken aborted)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        limit.CancelAfter(options.MaxComputeTime);
        try
        {
            await _one.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            limit.Dispose();
            throw new InputException($"The explorer is busy with another computation that did not stop within {options.MaxComputeTime.TotalSeconds:0.#} s; try again.");
        }
        catch
        {
            limit.Dispose();
            throw;
        }

        return new Lease(this, limit);
    }

    public void Dispose() => _one.Dispose();

    /// <summary>One batch's turn, with its token (fired at the time cap or when the page aborts); disposing it lets the next batch in.</summary>
    internal sealed class Lease(WorkGate gate, CancellationTokenSource limit) : IDisposable
    {
        public CancellationToken Token => limit.Token;

        public void Dispose()
        {
            limit.Dispose();
            gate._one.Release();
        }
    }
}
