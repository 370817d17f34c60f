using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Data.Publication;

/// <summary>
/// Tells a <see cref="DisclosureDbContext"/> when the transaction it saved publication events in has ended: committed,
/// the listeners hear of them; rolled back or failed, they are forgotten (nothing the public sees changed). One
/// instance serves every context.
/// </summary>
internal sealed class PublicationCommitInterceptor : DbTransactionInterceptor
{
    public static readonly PublicationCommitInterceptor Instance = new();

    private PublicationCommitInterceptor()
    {
    }

    /// <summary>A new transaction: anything left from one disposed without a commit or a rollback never became public.</summary>
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Context(eventData)?.ForgetUncommitted();
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Context(eventData)?.ForgetUncommitted();
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Context(eventData)?.CommittedAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Context(eventData)?.CommittedAsync(cancellationToken) ?? Task.CompletedTask;

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Context(eventData)?.ForgetUncommitted();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Context(eventData)?.ForgetUncommitted();
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Context(eventData)?.ForgetUncommitted();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Context(eventData)?.ForgetUncommitted();
        return Task.CompletedTask;
    }

    private static DisclosureDbContext? Context(DbContextEventData eventData) => eventData.Context as DisclosureDbContext;
}
