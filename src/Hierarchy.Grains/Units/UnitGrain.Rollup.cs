using System.Collections.Immutable;
using System.Diagnostics;
using Orleans.Runtime;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>
/// The rollup protocol: each unit sends its parent its whole aggregate with a version; the parent keeps the latest
/// per child, sums them, makes that durable and only then acknowledges; unacknowledged versions are sent again.
/// </summary>
public sealed partial class UnitGrain
{
    private readonly Dictionary<string, long> pendingAcks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IUnitGrain> unitRefs = new(StringComparer.Ordinal);
    private bool dirty;
    private DateTimeOffset? oldestUnsentReport;
    private DateTimeOffset lastPushAt = DateTimeOffset.MinValue;
    private IGrainTimer? resendTimer;

    // Built from the stored children on first use and dropped whenever the state is read again.
    private ChildTotals? childTotals;

    // Timers are re-armed rather than recreated: a busy unit would otherwise register and drop an Orleans timer for
    // every push and every checkpoint. Each is one-shot: every tick is a turn of the grain, so a timer that kept
    // ticking through quiet spells would cost more turns than the pushes it sends.
    private IGrainTimer? pushTimer;
    private IGrainTimer? checkpointTimer;
    private bool pushPending;
    private bool resendArmed;
    private DateTimeOffset? checkpointDue;

    // The trace of the first change since the last push, so the push continues it even when a timer sends it.
    private ActivityContext? pushTrace;

    public async Task ReceiveChildAsync(UnitSummary summary)
    {
        if (!Exists || summary.ParentId != Id || State.MergedInto is not null || State.RetiredOn is not null)
        {
            // A unit that moved away or a message for an old shape of the tree: not ours to count.
            return;
        }

        if (State.Children.TryGetValue(summary.Id, out var known) && known.Version >= summary.Version)
        {
            await AcknowledgeOrDeferAsync(summary.Id, summary.Version);
            return;
        }

        var now = Now;
        var stored = summary with { Recent = [], OldestReportAt = null };
        childTotals?.Replace(known, stored);
        State.Children[summary.Id] = stored;
        foreach (var item in summary.Recent)
        {
            MergeIntoFeed(item);
        }

        if (summary.OldestReportAt is { } reportedAt)
        {
            if (State.ParentId is null)
            {
                telemetry.RecordArrival(now - reportedAt);
            }
            else if (oldestUnsentReport is null || reportedAt < oldestUnsentReport)
            {
                oldestUnsentReport = reportedAt;
            }
        }

        State.Version = Versions.Next(State.Version, now);
        State.UpdatedAt = now;
        pendingAcks[summary.Id] = Math.Max(pendingAcks.GetValueOrDefault(summary.Id), summary.Version);
        dirty = true;
        ScheduleCheckpoint(options.CheckpointDelay);
        SchedulePush();
        NotifyObservers();
    }

    public Task AcknowledgeAsync(string parentId, long version)
    {
        if (parentId != State.ParentId || version <= State.AckedVersion)
        {
            return Task.CompletedTask;
        }

        State.AckedVersion = version;
        if (State.AckedVersion >= State.Version)
        {
            // The resend timer stops itself at its next tick if nothing is pending by then, so a steady stream of
            // reports does not create and drop a timer for each one.

            // Nothing is pending now; record that lazily so a burst does not cost a second write per report.
            dirty = true;
            ScheduleCheckpoint(options.SettleDelay);
        }

        return Task.CompletedTask;
    }

    public async Task RemoveChildAsync(string childId)
    {
        if (State.RetiredOn is not null)
        {
            // A former unit keeps the figures it had when it ended, whatever its children do since.
            return;
        }

        if (State.Children.Remove(childId, out var removed))
        {
            childTotals?.Remove(removed);
            pendingAcks.Remove(childId);
            dirty = true;
            State.Version = Versions.Next(State.Version, Now);
            State.UpdatedAt = Now;
            await CheckpointAsync();
            SchedulePush();
            NotifyObservers();
        }
    }

    public async Task<bool> FlushAsync()
    {
        if (dirty)
        {
            await CheckpointAsync();
        }

        if (!Exists || !Pushes || State.AckedVersion >= State.Version)
        {
            return true;
        }

        PushNow();
        return false;
    }

    public Task<UnitSummary?> GetSummaryAsync() => Task.FromResult(Exists ? BuildSummary() : null);

    private async Task AcknowledgeOrDeferAsync(string childId, long version)
    {
        if (dirty)
        {
            pendingAcks[childId] = Math.Max(pendingAcks.GetValueOrDefault(childId), version);
            return;
        }

        await UnitRef(childId).AcknowledgeAsync(Id, version);
    }

    private async Task CheckpointAsync()
    {
        checkpointDue = null;
        if (!dirty || !Exists)
        {
            return;
        }

        store.WakeOnStart = Pushes && State.AckedVersion < State.Version;
        var acks = pendingAcks.ToList();
        pendingAcks.Clear();
        try
        {
            await store.WriteStateAsync();
            dirty = false;
        }
        catch
        {
            foreach (var (child, version) in acks)
            {
                pendingAcks[child] = Math.Max(pendingAcks.GetValueOrDefault(child), version);
            }

            ScheduleCheckpoint(options.CheckpointDelay);
            throw;
        }

        foreach (var (child, version) in acks)
        {
            _ = UnitRef(child).AcknowledgeAsync(Id, version);
        }
    }

    /// <summary>Pushes now, or once the minimum interval since the last push has passed, so a burst becomes one push.</summary>
    private void SchedulePush()
    {
        if (Activity.Current is { } current)
        {
            pushTrace ??= current.Context;
        }

        if (!Pushes)
        {
            return;
        }

        if (pushPending)
        {
            // The push already scheduled will carry this change too.
            return;
        }

        var wait = lastPushAt + options.MinPushInterval - Now;
        if (wait <= TimeSpan.Zero || State.Level == UnitLevel.Branch)
        {
            PushNow();
            return;
        }

        pushPending = true;
        Arm(ref pushTimer, _ => OnPushTick(), wait, Timeout.InfiniteTimeSpan);
    }

    private Task OnPushTick()
    {
        if (pushPending)
        {
            pushPending = false;
            PushNow();
        }

        return Task.CompletedTask;
    }

    /// <summary>Checkpoints after the delay unless one is due sooner already.</summary>
    private void ScheduleCheckpoint(TimeSpan delay)
    {
        var due = Now + delay;
        if (checkpointDue is null || due < checkpointDue)
        {
            checkpointDue = due;
            Arm(ref checkpointTimer, _ => CheckpointAsync(), delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// A reference to the parent or a child, made once per activation: building one from a string key costs more than
    /// the one-way message a push or an acknowledgement is.
    /// </summary>
    private IUnitGrain UnitRef(string unitId)
    {
        if (!unitRefs.TryGetValue(unitId, out var reference))
        {
            reference = GrainFactory.GetGrain<IUnitGrain>(unitId);
            unitRefs[unitId] = reference;
        }

        return reference;
    }

    private void Arm(ref IGrainTimer? timer, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        if (timer is null)
        {
            timer = this.RegisterGrainTimer(callback, dueTime, period);
        }
        else
        {
            timer.Change(dueTime, period);
        }
    }

    private void PushNow()
    {
        if (!Pushes || !Exists)
        {
            return;
        }

        var summary = BuildSummary(oldestUnsentReport);
        oldestUnsentReport = null;
        lastPushAt = Now;
        telemetry.Pushes.Add(1);
        using (var span = pushTrace is { } parent ? HierarchyTelemetry.Source.StartActivity("rollup push", ActivityKind.Internal, parent) : null)
        {
            span?.SetTag("unit.id", Id);
            pushTrace = null;
            _ = UnitRef(State.ParentId!).ReceiveChildAsync(summary);
        }

        if (!resendArmed)
        {
            resendArmed = true;
            Arm(ref resendTimer, _ => ResendAsync(), options.ResendInterval, options.ResendInterval);
        }
    }

    private Task ResendAsync()
    {
        if (State.AckedVersion >= State.Version || State.ParentId is null)
        {
            resendArmed = false;
            resendTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }

        PushNow();
        return Task.CompletedTask;
    }

    private UnitSummary BuildSummary(DateTimeOffset? oldestReportAt = null)
    {
        var years = new Dictionary<int, YearFigures>(State.Years.Count + 1);
        if (State.Level == UnitLevel.Branch)
        {
            foreach (var (year, own) in State.Years)
            {
                years[year] = new YearFigures(own.Quota, own.MembersAtStart, own.Tally);
            }
        }
        else
        {
            var totals = childTotals ??= new ChildTotals(State.Children.Values);
            foreach (var year in totals.Years)
            {
                var (members, tally) = totals.For(year);
                years[year] = new YearFigures(YearOf(year).Quota, members, tally);
            }

            foreach (var (year, own) in State.Years)
            {
                years.TryAdd(year, new YearFigures(own.Quota, 0, Tally.Empty));
            }
        }

        return new UnitSummary(Id, State.Name ?? Id, State.Level, State.ParentId, State.Version, years, Feed, oldestReportAt, State.QuotaVersion, State.Kind, Pipeline, SummaryClosings, SummaryIndicators);
    }

    /// <summary>
    /// Puts an item in its place in the newest-first feed unless it is there already or older than all of a full feed.
    /// Runs for every item of every child push, so it is written as plain loops.
    /// </summary>
    private void MergeIntoFeed(FeedItem item)
    {
        var feed = State.Recent;
        if (feed.Count >= options.FeedLength && item.RecordedAt <= feed[^1].RecordedAt)
        {
            // Most items of a child's push are ones this feed has already taken in or dropped as too old.
            return;
        }

        var index = feed.Count;
        for (var i = 0; i < feed.Count; i++)
        {
            var existing = feed[i];
            if (existing.AdmissionId == item.AdmissionId)
            {
                return;
            }

            if (index == feed.Count && existing.RecordedAt < item.RecordedAt)
            {
                index = i;
            }
        }

        if (index >= options.FeedLength)
        {
            return;
        }

        feed.Insert(index, item);
        feedSnapshot = default;
        if (feed.Count > options.FeedLength)
        {
            feed.RemoveRange(options.FeedLength, feed.Count - options.FeedLength);
        }
    }

    private void NotifyObservers()
    {
        if (observers.Count > 0)
        {
            var version = State.Version;
            observers.Notify(o => o.OnUnitChanged(Id, version));
        }
    }
}
