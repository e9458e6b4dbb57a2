using System.Collections.Immutable;
using System.Text;
using Hierarchy.Storage;
using Orleans.Runtime;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

public sealed partial class UnitGrain
{
    // Keyed by admission id alone: the id derives from the idempotency key, so one map serves both lookups, and the
    // ledgers of every active branch, which live in memory, hold half the entries a second map would.
    private readonly Dictionary<string, AdmissionRecord> ledgerById = new(StringComparer.Ordinal);

    // A branch's feed is rebuilt from its ledger on activation rather than written with every report.
    private readonly List<FeedItem> branchFeed = [];
    private ImmutableArray<FeedItem> feedSnapshot;
    private List<FeedItem>? feedSnapshotOf;

    public async Task<AdmissionResult> ReportAdmissionAsync(AdmissionReport report, string by) =>
        (await ReportAdmissionsAsync([report], by))[0];

    public async Task<IReadOnlyList<AdmissionResult>> ReportAdmissionsAsync(IReadOnlyList<AdmissionReport> reports, string by)
    {
        if (!Exists)
        {
            return reports.Select(_ => AdmissionResult.Fail(AdmissionOutcome.UnknownUnit)).ToList();
        }

        if (State.Level != UnitLevel.Branch)
        {
            return reports.Select(_ => AdmissionResult.Fail(AdmissionOutcome.NotABranch, ValidationError.Coded("unitId", ValidationCodes.NotABranch, "Admissions are reported at branches; '{0}' is a {1}.", Id, JsonNames.Of(State.Level)))).ToList();
        }

        var now = Now;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var results = new AdmissionResult[reports.Count];
        var accepted = new List<AdmissionRecord>(reports.Count);
        var keysInBatch = reports.Count > 1 ? new Dictionary<string, AdmissionRecord>(StringComparer.Ordinal) : null;
        var refusedAsClosed = false;
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            var errors = AdmissionValidator.Validate(report, today);
            if (errors.Count > 0)
            {
                results[i] = new AdmissionResult(AdmissionOutcome.Invalid, null, errors);
                continue;
            }

            report = WithComposedKey(report);

            var id = AdmissionIds.For(Id, report.IdempotencyKey);
            if (ledgerById.TryGetValue(id, out var existing) || keysInBatch?.TryGetValue(report.IdempotencyKey, out existing) == true)
            {
                results[i] = existing.Report == report
                    ? new AdmissionResult(AdmissionOutcome.Repeated, existing.WithoutName(), [])
                    : AdmissionResult.Fail(AdmissionOutcome.Conflict, ValidationError.Coded("idempotencyKey", ValidationCodes.KeyReused, "This key was already used for a different admission."));
                continue;
            }

            if (RefuseIfClosed(report.AdmittedOn, "admittedOn") is { } closed)
            {
                results[i] = AdmissionResult.Fail(AdmissionOutcome.Conflict, closed);
                refusedAsClosed = true;
                continue;
            }

            var record = new AdmissionRecord(id, Id, report, now, by);
            keysInBatch?.Add(report.IdempotencyKey, record);
            accepted.Add(record);
            results[i] = new AdmissionResult(AdmissionOutcome.Created, record.WithoutName(), []);
        }

        if (refusedAsClosed)
        {
            // A batch is one upload, recorded whole or not at all.
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].Outcome == AdmissionOutcome.Created)
                {
                    results[i] = AdmissionResult.Fail(AdmissionOutcome.Invalid, BatchRefused("admittedOn"));
                }
            }

            return results;
        }

        if (accepted.Count == 0)
        {
            return results;
        }

        foreach (var record in accepted)
        {
            CountAdmission(record, now);
        }

        await RecordLedgerChangeAsync(accepted.ConvertAll(LedgerKinds.ForAdmission), now);
        foreach (var record in accepted)
        {
            ledgerById[record.Id] = record;
        }

        telemetry.AdmissionsReported.Add(accepted.Count);
        return results;
    }

    /// <summary>Adds a new admission to the branch's totals and feed; the caller makes it durable.</summary>
    private void CountAdmission(AdmissionRecord record, DateTimeOffset now)
    {
        var year = record.Report.AdmittedOn.Year;
        var figures = YearOf(year);
        State.Years[year] = figures with { Tally = figures.Tally.With(record, +1) };
        AddToFeed(new FeedItem(record.Id, Id, State.Name!, record.Report.AdmittedOn, now));
    }

    public async Task<AdmissionResult> RetractAdmissionAsync(string admissionId, string reason, string by)
    {
        if (!Exists)
        {
            return AdmissionResult.Fail(AdmissionOutcome.UnknownUnit);
        }

        if (State.Level != UnitLevel.Branch)
        {
            return AdmissionResult.Fail(AdmissionOutcome.NotABranch, ValidationError.Coded("unitId", ValidationCodes.CorrectionNotAtBranch, "Corrections are made at branches."));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            return AdmissionResult.Fail(AdmissionOutcome.Invalid, ValidationError.Coded("reason", ValidationCodes.CorrectionReason, "A correction needs a reason of at most 1,000 characters."));
        }

        if (!ledgerById.TryGetValue(admissionId, out var record))
        {
            return AdmissionResult.Fail(AdmissionOutcome.NotFound, ValidationError.Coded("admissionId", ValidationCodes.AdmissionNotFound, "No admission '{0}' at this branch.", admissionId));
        }

        if (record.IsRetracted)
        {
            return new AdmissionResult(AdmissionOutcome.Repeated, record.WithoutName(), []);
        }

        if (RefuseIfClosed(record.Report.AdmittedOn, "admissionId") is { } closed)
        {
            return AdmissionResult.Fail(AdmissionOutcome.Conflict, closed);
        }

        var now = Now;
        var correction = new Correction(admissionId, reason, now, by);
        var year = record.Report.AdmittedOn.Year;
        var figures = YearOf(year);
        State.Years[year] = figures with { Tally = figures.Tally.With(record, -1) };
        RecentList.RemoveAll(f => f.AdmissionId == admissionId);
        feedSnapshot = default;
        await RecordLedgerChangeAsync([LedgerKinds.ForCorrection(correction)], now);
        var retracted = record with { RetractedAt = now, RetractionReason = reason };
        ledgerById[admissionId] = retracted;
        telemetry.AdmissionsRetracted.Add(1);
        return new AdmissionResult(AdmissionOutcome.Created, retracted.WithoutName(), []);
    }

    public Task<IReadOnlyList<AdmissionRecord>> ListAdmissionsAsync(int? year) =>
        Task.FromResult<IReadOnlyList<AdmissionRecord>>(Admissions(year).Select(r => r.WithoutName()).ToList());

    public Task<IReadOnlyList<AdmissionRecord>> ListAdmissionsWithNamesAsync(int? year) =>
        Task.FromResult<IReadOnlyList<AdmissionRecord>>(Admissions(year).ToList());

    private IEnumerable<AdmissionRecord> Admissions(int? year) => ledgerById.Values
        .Where(r => year is null || r.Report.AdmittedOn.Year == year)
        .OrderByDescending(r => r.Report.AdmittedOn).ThenByDescending(r => r.RecordedAt);

    public async Task<Tally> TallyPeriodAsync(DateOnly from, DateOnly to)
    {
        if (State.Level == UnitLevel.Branch)
        {
            var tally = Tally.Empty;
            foreach (var record in ledgerById.Values)
            {
                if (!record.IsRetracted && record.Report.AdmittedOn >= from && record.Report.AdmittedOn <= to)
                {
                    tally = tally.With(record, +1);
                }
            }

            return tally;
        }

        // A former unit reports what its branches admitted while it existed; they belong to new units since.
        if (State.RetiredOn is { } lastDay && to > lastDay)
        {
            to = lastDay;
        }

        if (to < from)
        {
            return Tally.Empty;
        }

        // Only ever downward, so a fan-out can never close a cycle.
        var parts = await Task.WhenAll(State.Children.Keys.Select(id => GrainFactory.GetGrain<IUnitGrain>(id).TallyPeriodAsync(from, to)));
        return Tally.Sum(parts);
    }

    public async Task RepairAsync(string by)
    {
        RequireExisting();
        if (State.Level == UnitLevel.Branch)
        {
            await LoadLedgerAsync();
        }

        await ChangeAsync("structure", "totals rebuilt from the ledger", by);
    }

    /// <summary>
    /// Appends admissions and corrections to the ledger alone: the branch's totals are rebuilt from the ledger when it
    /// activates, so the state is written only when something else changes (an acknowledgement, a quota). The record
    /// is still marked to wake at start, so a report the parent has not acknowledged flows up again after a crash.
    /// </summary>
    private async Task RecordLedgerChangeAsync(IReadOnlyList<JournalEntry> entries, DateTimeOffset now)
    {
        State.Version = Versions.Next(State.Version, now);
        State.UpdatedAt = now;
        store.WakeOnStart = true;
        oldestUnsentReport ??= now;
        try
        {
            await store.AppendAsync(entries);
        }
        catch
        {
            await RecoverFromFailedWriteAsync();
            throw;
        }

        SchedulePush();
        NotifyObservers();
    }

    /// <summary>
    /// Loads the ledger for idempotency and corrections and sets the branch's totals from it; true when they differ from
    /// what the state held, that is when admissions were appended after the state was last written.
    /// </summary>
    private async Task<bool> LoadLedgerAsync()
    {
        ledgerById.Clear();
        candidatesById.Clear();
        PipelineChanged();
        foreach (var entry in await store.ReadJournalAsync())
        {
            if (CandidateJournal.Holds(entry))
            {
                LoadCandidateEntry(entry);
            }
            else if (entry.Kind == LedgerKinds.Admission)
            {
                var record = LedgerKinds.ReadAdmission(entry);
                ledgerById[record.Id] = record;
            }
            else if (entry.Kind == LedgerKinds.Correction)
            {
                var correction = LedgerKinds.ReadCorrection(entry);
                if (ledgerById.TryGetValue(correction.AdmissionId, out var record))
                {
                    var retracted = record with { RetractedAt = correction.At, RetractionReason = correction.Reason };
                    ledgerById[record.Id] = retracted;
                }
            }
        }

        branchFeed.Clear();
        feedSnapshot = default;
        branchFeed.AddRange(ledgerById.Values.Where(r => !r.IsRetracted).OrderByDescending(r => r.RecordedAt).Take(options.FeedLength)
            .Select(r => new FeedItem(r.Id, Id, State.Name ?? Id, r.Report.AdmittedOn, r.RecordedAt)));
        return RebuildTallies();
    }

    private bool RebuildTallies()
    {
        var rebuilt = new Dictionary<int, Tally>();
        foreach (var record in ledgerById.Values)
        {
            if (!record.IsRetracted)
            {
                var year = record.Report.AdmittedOn.Year;
                rebuilt[year] = (rebuilt.TryGetValue(year, out var t) ? t : Tally.Empty).With(record, +1);
            }
        }

        var changed = false;
        foreach (var year in State.Years.Keys.Union(rebuilt.Keys).ToList())
        {
            var figures = YearOf(year);
            var tally = rebuilt.TryGetValue(year, out var t) ? t : Tally.Empty;
            if (!figures.Tally.Equals(tally))
            {
                State.Years[year] = figures with { Tally = tally };
                changed = true;
            }
        }

        return changed;
    }

    private void AddToFeed(FeedItem item)
    {
        feedSnapshot = default;
        branchFeed.Insert(0, item);
        if (branchFeed.Count > options.FeedLength)
        {
            branchFeed.RemoveRange(options.FeedLength, branchFeed.Count - options.FeedLength);
        }
    }

    private List<FeedItem> RecentList => State.Level == UnitLevel.Branch ? branchFeed : State.Recent;

    /// <summary>
    /// The feed as sent with a push. A busy parent's feed changes far less often than it pushes, so the copy is kept
    /// until the feed changes or the state is read again (which replaces the list).
    /// </summary>
    private ImmutableArray<FeedItem> Feed
    {
        get
        {
            var list = RecentList;
            if (feedSnapshot.IsDefault || !ReferenceEquals(feedSnapshotOf, list))
            {
                feedSnapshot = [.. list];
                feedSnapshotOf = list;
            }

            return feedSnapshot;
        }
    }

    /// <summary>
    /// The key in composed form (NFC): "Hòa" typed on one keyboard and pasted from another are the same key, so a
    /// retried report counts once however its key was encoded.
    /// </summary>
    private static AdmissionReport WithComposedKey(AdmissionReport report)
    {
        var composed = ComposedKey(report.IdempotencyKey);
        return composed == report.IdempotencyKey ? report : report with { IdempotencyKey = composed };
    }

    /// <summary>An idempotency key in composed form (NFC), for admissions and candidates alike.</summary>
    private static string ComposedKey(string key)
    {
        try
        {
            return key.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Text that is not valid Unicode has no composed form; the key stays exactly as sent.
            return key;
        }
    }
}
