using Orleans;
using Orleans.Utilities;
using Hierarchy.Storage;
using Hierarchy.Storage.State;
using Orleans.Runtime;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Rollup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hierarchy.Grains.Units;

/// <summary>
/// A unit of the party hierarchy. Its identity, quotas and children's aggregates live in its persistent state; at a
/// branch the admission ledger is its journal, loaded on activation for idempotency and corrections.
/// </summary>
[GrainType(GrainTypeName)]
public sealed partial class UnitGrain(
    [JournaledState(UnitGrain.StateName, StorageNames.Units)] IJournaledState<UnitState> store,
    IOptions<RollupOptions> rollupOptions,
    HierarchyTelemetry telemetry,
    TimeProvider clock,
    WorkingCalendar calendar,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    /// <summary>The grain type unit states are stored under, for tools that read them without activating grains.</summary>
    public const string GrainTypeName = "unit";

    public const string StateName = "unit";

    /// <summary>How long a subscription lasts unless renewed; subscribers renew well within it (Orleans' observer manager forgets the silent).</summary>
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(2);

    private readonly RollupOptions options = rollupOptions.Value;
    private readonly ObserverManager<IUnitObserver> observers = new(ObserverExpiry, logger);

    private UnitState State => store.State;

    private bool Exists => store.RecordExists && State.Name is not null;

    /// <summary>Whether this unit sends its aggregate upward: a merged or former unit keeps its figures to itself.</summary>
    private bool Pushes => State.ParentId is not null && State.MergedInto is null && State.RetiredOn is null;

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Exists && State.Level == UnitLevel.Branch && (await LoadLedgerAsync() || store.WakeOnStart))
        {
            // The ledger may have grown since the state was written, and the parent may hold those reports (or miss
            // them) under versions newer than the stored one: a version from the clock is newer still.
            State.Version = Versions.Next(State.Version, Now);
        }

        if (Exists && State.AckedVersion < State.Version && Pushes)
        {
            // Whatever the parent had not acknowledged before a restart flows up again.
            SchedulePush();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (dirty)
        {
            await CheckpointAsync();
        }
    }

    public Task<UnitInfo> GetInfoAsync() =>
        Task.FromResult(new UnitInfo(Id, State.Name ?? string.Empty, State.Level, State.ParentId, Exists, State.MergedInto, State.Kind, State.RetiredOn, State.Successors.Count == 0 ? null : State.Successors.ToList()));

    public Task<IReadOnlyList<string>> GetChildIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(State.Children.Keys.Order(StringComparer.Ordinal).ToList());

    public async Task DefineAsync(UnitDefinition definition, string by)
    {
        if (definition.Id != Id)
        {
            throw new ArgumentException($"The definition is for unit '{definition.Id}', not '{Id}'.", nameof(definition));
        }

        if (Exists && State.Name == definition.Name && State.Level == definition.Level && State.ParentId == definition.ParentId && State.Kind == definition.Kind)
        {
            return;
        }

        var isNew = !Exists;
        var previousParent = State.ParentId;
        if (!isNew && previousParent != definition.ParentId)
        {
            throw new InvalidOperationException($"Unit '{Id}' already sits under '{previousParent}'; move it with HierarchyService.MoveUnitAsync.");
        }

        State.Name = definition.Name;
        State.Level = definition.Level;
        State.ParentId = definition.ParentId;
        State.Kind = definition.Kind;
        await ChangeAsync("structure", isNew ? $"defined {definition.Level} '{definition.Name}'" : $"renamed to '{definition.Name}'", by);
        if (definition.ParentId is null)
        {
            await GrainFactory.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).AddRootAsync(Id, definition.Name);
        }
    }

    public async Task ImportAsync(UnitDefinition definition, IReadOnlyList<YearPlan> years, string by)
    {
        if (definition.Id != Id)
        {
            throw new ArgumentException($"The definition is for unit '{definition.Id}', not '{Id}'.", nameof(definition));
        }

        if (Exists && State.ParentId != definition.ParentId)
        {
            throw new InvalidOperationException($"Unit '{Id}' already sits under '{State.ParentId}'; move it with HierarchyService.MoveUnitAsync.");
        }

        var isNew = !Exists;
        State.Name = definition.Name;
        State.Level = definition.Level;
        State.ParentId = definition.ParentId;
        State.Kind = definition.Kind;
        foreach (var plan in years)
        {
            var current = YearOf(plan.Year);
            State.Years[plan.Year] = current with
            {
                Quota = plan.Quota ?? current.Quota,
                MembersAtStart = definition.Level == UnitLevel.Branch ? plan.MembersAtStart ?? current.MembersAtStart : current.MembersAtStart,
            };
        }

        if (years.Any(p => p.Quota is not null))
        {
            State.QuotaVersion = Versions.Next(State.QuotaVersion, Now);
        }

        var detail = (isNew ? $"imported {definition.Level} '{definition.Name}'" : $"re-imported '{definition.Name}'")
            + string.Concat(years.Select(p => $"; {p.Year}: quota {p.Quota?.ToString() ?? "-"}, members {p.MembersAtStart?.ToString() ?? "-"}"));
        await ChangeAsync("structure", detail, by);
        if (definition.ParentId is null)
        {
            await GrainFactory.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).AddRootAsync(Id, definition.Name);
        }
    }

    public async Task<QuotaResult> SetQuotaAsync(int year, int quota, long? expectedVersion, string by)
    {
        if (!Exists)
        {
            return new QuotaResult(QuotaOutcome.UnknownUnit, 0, 0);
        }

        var current = YearOf(year);
        if (State.RetiredOn is { } lastDay)
        {
            return new QuotaResult(QuotaOutcome.Invalid, current.Quota, State.QuotaVersion, ValidationError.FormerUnit(Id, lastDay));
        }

        if (quota < 0 || quota > 10_000_000)
        {
            return new QuotaResult(QuotaOutcome.Invalid, current.Quota, State.QuotaVersion, ValidationError.Coded("admissions", ValidationCodes.QuotaOutOfRange, "The quota must be a whole number from 0 to 10,000,000."));
        }

        if (year < 1930 || year > 2200)
        {
            return new QuotaResult(QuotaOutcome.Invalid, current.Quota, State.QuotaVersion, ValidationError.Coded("year", ValidationCodes.YearOutOfRange, "The year is out of range."));
        }

        if (expectedVersion is { } expected && expected != State.QuotaVersion && expected != State.Version)
        {
            return new QuotaResult(QuotaOutcome.Conflict, current.Quota, State.QuotaVersion);
        }

        if (current.Quota == quota)
        {
            return new QuotaResult(QuotaOutcome.Updated, quota, State.QuotaVersion);
        }

        State.Years[year] = current with { Quota = quota };
        State.QuotaVersion = Versions.Next(State.QuotaVersion, Now);
        await ChangeAsync("quota", $"quota {year}: {current.Quota} → {quota}", by);
        return new QuotaResult(QuotaOutcome.Updated, quota, State.QuotaVersion);
    }

    public async Task SetMembersAtStartAsync(int year, int members, string by)
    {
        RequireExisting();
        if (State.Level != UnitLevel.Branch)
        {
            throw new InvalidOperationException("Members at the start of the year are recorded at branches and summed above them.");
        }

        if (members < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(members), "Members may not be negative.");
        }

        var current = YearOf(year);
        if (current.MembersAtStart == members)
        {
            return;
        }

        State.Years[year] = current with { MembersAtStart = members };
        await ChangeAsync("members", $"members at the start of {year}: {current.MembersAtStart} → {members}", by);
    }

    public async Task SetTermTargetAsync(TermTarget? target, string by)
    {
        RequireExisting();
        if (target is not null && (target.ToYear < target.FromYear || target.Target < 0))
        {
            throw new ArgumentException("A term runs from its first year to its last and its target is not negative.", nameof(target));
        }

        State.Term = target;
        await ChangeAsync("term", target is null ? "term target removed" : $"term target {target.FromYear}–{target.ToYear}: {target.Target}", by);
    }

    public async Task SetParentAsync(string newParentId, string by)
    {
        RequireExisting();
        if (State.ParentId == newParentId)
        {
            return;
        }

        var from = State.ParentId;
        State.ParentId = newParentId;
        State.AckedVersion = 0;
        await ChangeAsync("structure", $"moved from '{from}' to '{newParentId}'", by);
    }

    public async Task MarkMergedAsync(string intoUnitId, string by)
    {
        RequireExisting();
        State.MergedInto = intoUnitId;
        await ChangeAsync("structure", $"merged into '{intoUnitId}'", by);
    }

    public Task SubscribeAsync(IUnitObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IUnitObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(int limit)
    {
        var journal = await store.ReadJournalAsync();
        return journal.OrderByDescending(e => e.Sequence).Take(Math.Clamp(limit, 1, 10_000)).Select(ToAudit).ToList();
    }

    private AuditEntry ToAudit(JournalEntry entry)
    {
        switch (entry.Kind)
        {
            case LedgerKinds.Admission:
                var record = LedgerKinds.ReadAdmission(entry);
                return new AuditEntry(entry.Sequence, Id, entry.Kind, $"admission {record.Id} dated {record.Report.AdmittedOn:yyyy-MM-dd}", record.RecordedBy, entry.RecordedAt);
            case LedgerKinds.Correction:
                var correction = LedgerKinds.ReadCorrection(entry);
                return new AuditEntry(entry.Sequence, Id, entry.Kind, $"admission {correction.AdmissionId} retracted: {correction.Reason}", correction.By, entry.RecordedAt);
            default:
                var change = LedgerKinds.ReadChange(entry);
                return new AuditEntry(entry.Sequence, Id, entry.Kind, change.Detail, change.By, entry.RecordedAt);
        }
    }

    /// <summary>
    /// Writes the state with journal entries. If the write fails the in-memory state is reloaded from the store (or,
    /// when that fails too, the activation is discarded), so the grain never shows or later writes what was not recorded.
    /// </summary>
    private async Task WriteDurablyAsync(IReadOnlyList<JournalEntry> entries)
    {
        var acks = pendingAcks.ToList();
        try
        {
            await store.WriteStateAndAppendAsync(entries);
            dirty = false;
            foreach (var (child, version) in acks)
            {
                pendingAcks.Remove(child);
                _ = UnitRef(child).AcknowledgeAsync(Id, version);
            }
        }
        catch
        {
            await RecoverFromFailedWriteAsync();
            throw;
        }
    }

    private async Task RecoverFromFailedWriteAsync()
    {
        try
        {
            await store.ReadStateAsync();
            childTotals = null;
            if (State.Level == UnitLevel.Branch)
            {
                await LoadLedgerAsync();
            }
        }
        catch
        {
            // The store cannot be read either (the database is down), so memory still counts what was never
            // recorded; a later write would make it durable. This activation must not serve again: the next call
            // activates afresh from the store, and nothing of it is checkpointed on the way out.
            dirty = false;
            DeactivateOnIdle();
        }
    }

    private UnitYear YearOf(int year) => State.Years.TryGetValue(year, out var figures) ? figures : UnitYear.Empty;

    private void RequireExisting()
    {
        if (!Exists)
        {
            throw new KeyNotFoundException($"Unit '{Id}' does not exist.");
        }
    }

    /// <summary>Makes a change durable with its journal entry, then lets it flow up and out.</summary>
    private async Task ChangeAsync(string kind, string detail, string by)
    {
        var now = Now;
        State.Version = Versions.Next(State.Version, now);
        State.UpdatedAt = now;
        store.WakeOnStart = Pushes;
        var entry = LedgerKinds.Change(kind, $"{kind}:{State.Version}", new ChangeRecord(detail, by, now), now);
        await WriteDurablyAsync([entry]);
        SchedulePush();
        NotifyObservers();
    }
}
