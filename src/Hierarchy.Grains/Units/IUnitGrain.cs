using Orleans;
using Orleans.Concurrency;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>
/// One organisation unit — province, district, ward or branch — keyed by its stable id. It holds its own quotas,
/// keeps the latest aggregate of each child, and rolls its totals up to its parent as soon as they change.
/// </summary>
public interface IUnitGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<UnitInfo> GetInfoAsync();

    /// <summary>The figures of one year with the children and the same period of the previous year.</summary>
    [ReadOnly]
    Task<UnitView?> GetViewAsync(int year, DateOnly today);

    [ReadOnly]
    Task<IReadOnlyList<string>> GetChildIdsAsync();

    /// <summary>Creates or renames the unit and registers it with its parent; idempotent.</summary>
    Task DefineAsync(UnitDefinition definition, string by);

    /// <summary>Creates or updates a unit with its quotas and members for some years in one durable write (imports, demo data).</summary>
    Task ImportAsync(UnitDefinition definition, IReadOnlyList<YearPlan> years, string by);

    Task<QuotaResult> SetQuotaAsync(int year, int quota, long? expectedVersion, string by);

    /// <summary>Members at the start of the year; recorded at branches and summed above them.</summary>
    Task SetMembersAtStartAsync(int year, int members, string by);

    Task SetTermTargetAsync(TermTarget? target, string by);

    /// <summary>Records one admission at a branch; answered only once the ledger row and the branch state are durable.</summary>
    [Idempotent]
    Task<AdmissionResult> ReportAdmissionAsync(AdmissionReport report, string by);

    /// <summary>Records many admissions at a branch in one durable write (a CSV upload); each gets its own result.</summary>
    [Idempotent]
    Task<IReadOnlyList<AdmissionResult>> ReportAdmissionsAsync(IReadOnlyList<AdmissionReport> reports, string by);

    /// <summary>Retracts a recorded admission with a reason; totals everywhere drop by it.</summary>
    Task<AdmissionResult> RetractAdmissionAsync(string admissionId, string reason, string by);

    /// <summary>Records a candidate introduced to a branch; a retried request with the same key records nothing twice.</summary>
    [Idempotent]
    Task<CandidateResult> AddCandidateAsync(CandidateProposal proposal, string by);

    /// <summary>Moves a candidate to the next stage (or drops one); reaching <c>admitted</c> records the admission as a report does.</summary>
    [Idempotent]
    Task<CandidateResult> MoveCandidateAsync(string candidateId, CandidateStage stage, DateOnly on, string? reason, string by);

    /// <summary>The branch's candidates, open cases first; with names only for the branch's own secretary.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Candidate>> ListCandidatesAsync(bool withNames);

    /// <summary>A branch's admissions, newest first, without names.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AdmissionRecord>> ListAdmissionsAsync(int? year);

    /// <summary>
    /// The same list with the names the branch recorded, for the branch's own secretary alone: the one who typed them
    /// and needs them to tell two rows apart. Whoever calls this decides that the reader is that secretary.
    /// </summary>
    [ReadOnly]
    Task<IReadOnlyList<AdmissionRecord>> ListAdmissionsWithNamesAsync(int? year);

    /// <summary>The form's breakdown of admissions dated within [from, to], over this unit's whole subtree, computed from the ledgers.</summary>
    [ReadOnly]
    Task<Tally> TallyPeriodAsync(DateOnly from, DateOnly to);

    /// <summary>This unit's journal (admissions, corrections, quota and structure changes) as audit entries, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AuditEntry>> GetAuditAsync(int limit);

    /// <summary>
    /// Re-parents this unit: from now on its whole aggregate goes to the new parent. Use HierarchyService to move,
    /// which also makes the old parent forget it.
    /// </summary>
    Task SetParentAsync(string newParentId, string by);

    /// <summary>Sends the whole aggregate to the parent again as news, for a parent that took over its code from a former unit.</summary>
    Task RejoinParentAsync();

    /// <summary>
    /// Ends a unit of the old tree at a restructuring: it is frozen with its figures, in place or, when a new unit takes
    /// over its code, as a copy under the retirement's archive id. Idempotent.
    /// </summary>
    Task RetireAsync(Retirement retirement, string by);

    /// <summary>Becomes the kept copy of a former unit whose code passed to a new one; nothing when it exists already.</summary>
    Task KeepFormerAsync(UnitState former, string formerId, string by);

    /// <summary>
    /// Becomes a unit of the new tree formed from former units: created, or taking over the code of an old unit already
    /// kept elsewhere (its children, figures and quotas stay with the kept copy). Idempotent.
    /// </summary>
    Task SucceedAsync(UnitDefinition definition, DateOnly on, IReadOnlyList<UnitLink> predecessors, IReadOnlyList<YearPlan> years, string by);

    /// <summary>Rebuilds a branch's totals from its ledger and re-sends its aggregate upward, whatever its parent has.</summary>
    Task RepairAsync(string by);

    /// <summary>Marks a ward as merged into another after its branches moved; it leaves its parent and keeps its history.</summary>
    Task MarkMergedAsync(string intoUnitId, string by);

    [OneWay]
    Task ReceiveChildAsync(UnitSummary summary);

    [OneWay]
    Task AcknowledgeAsync(string parentId, long version);

    /// <summary>Forgets a child that moved away.</summary>
    Task RemoveChildAsync(string childId);

    /// <summary>Re-sends the current aggregate if the parent has not acknowledged it; true when nothing is pending.</summary>
    [Idempotent]
    Task<bool> FlushAsync();

    /// <summary>The current aggregate this unit would send upward.</summary>
    [ReadOnly]
    Task<UnitSummary?> GetSummaryAsync();

    Task SubscribeAsync(IUnitObserver observer);

    Task UnsubscribeAsync(IUnitObserver observer);
}
