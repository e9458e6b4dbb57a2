using System.Collections.Immutable;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Rollup;
using Hierarchy.Storage;

namespace Hierarchy.Grains.Units;

/// <summary>
/// A branch's candidate sources: recorded and moved through the stages in its journal, loaded with the ledger on
/// activation; above the branch only their counts travel, in the summary, by the rollup protocol.
/// </summary>
public sealed partial class UnitGrain
{
    private readonly Dictionary<string, Candidate> candidatesById = new(StringComparer.Ordinal);
    private PipelineFigures? branchPipeline;
    private bool branchPipelineBuilt;

    public async Task<CandidateResult> AddCandidateAsync(CandidateProposal proposal, string by)
    {
        if (RefuseCandidates() is { } refused)
        {
            return refused;
        }

        var errors = CandidateRules.Validate(proposal, Today);
        if (errors.Count > 0)
        {
            return new CandidateResult(CandidateOutcome.Invalid, null, errors);
        }

        proposal = proposal with { IdempotencyKey = ComposedKey(proposal.IdempotencyKey) };
        var id = CandidateIds.For(Id, proposal.IdempotencyKey);
        if (candidatesById.TryGetValue(id, out var existing))
        {
            return existing.Proposal == proposal
                ? new CandidateResult(CandidateOutcome.Repeated, existing.WithoutName(), [])
                : CandidateResult.Fail(CandidateOutcome.Conflict, ValidationError.Coded("idempotencyKey", CandidateCodes.KeyReused, "This idempotency key was already used for a different candidate."));
        }

        var now = Now;
        var candidate = new Candidate(id, Id, proposal, now, by, []);

        // Counted before the append, which pushes at once; a failed append reloads the candidates from the journal.
        candidatesById[id] = candidate;
        PipelineChanged();
        await RecordLedgerChangeAsync([CandidateJournal.ForCandidate(candidate)], now);
        return new CandidateResult(CandidateOutcome.Created, candidate.WithoutName(), []);
    }

    public async Task<CandidateResult> MoveCandidateAsync(string candidateId, CandidateStage stage, DateOnly on, string? reason, string by)
    {
        if (RefuseCandidates() is { } refused)
        {
            return refused;
        }

        if (!candidatesById.TryGetValue(candidateId, out var candidate))
        {
            return CandidateResult.Fail(CandidateOutcome.NotFound, ValidationError.Coded("candidateId", CandidateCodes.NotFound, "No candidate '{0}' at this branch.", candidateId));
        }

        var today = Today;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var (outcome, error) = CandidateRules.Check(candidate, stage, on, reason, today);
        if (outcome == CandidateOutcome.Repeated)
        {
            return new CandidateResult(CandidateOutcome.Repeated, candidate.WithoutName(), []);
        }

        if (error is not null)
        {
            return CandidateResult.Fail(outcome, error);
        }

        var now = Now;
        var step = new CandidateStep(candidateId, stage, on, now, by, stage == CandidateStage.Dropped ? reason : null);
        var entries = new List<JournalEntry> { CandidateJournal.ForStep(step, candidate.Steps.IsDefault ? 0 : candidate.Steps.Length) };
        AdmissionRecord? admission = null;
        if (stage == CandidateStage.Admitted)
        {
            // The ceremony is the admission: recorded in the ledger with the same checks as a report, in the same append.
            var report = new AdmissionReport(
                candidate.AdmissionKey, on, candidate.Proposal.Gender, candidate.Proposal.BirthDate, candidate.Proposal.YouthUnion,
                candidate.Proposal.EthnicMinority, candidate.Proposal.Religious, candidate.Proposal.PrivateBusinessOwner,
                candidate.Proposal.Education, candidate.Proposal.Occupation, candidate.Proposal.Name);
            var admissionErrors = AdmissionValidator.Validate(report, today);
            if (admissionErrors.Count > 0)
            {
                return new CandidateResult(CandidateOutcome.Invalid, null, admissionErrors.Select(e => e.Field == "admittedOn" ? e with { Field = "on" } : e).ToList());
            }

            var admissionId = AdmissionIds.For(Id, report.IdempotencyKey);
            if (!ledgerById.ContainsKey(admissionId))
            {
                if (RefuseIfClosed(on, "on") is { } closed)
                {
                    return CandidateResult.Fail(CandidateOutcome.Conflict, closed);
                }

                admission = new AdmissionRecord(admissionId, Id, report, now, by);
                entries.Add(LedgerKinds.ForAdmission(admission));
                CountAdmission(admission, now);
            }
        }

        var moved = candidate.With(step);
        candidatesById[candidateId] = moved;
        PipelineChanged();
        await RecordLedgerChangeAsync(entries, now);
        if (admission is not null)
        {
            ledgerById[admission.Id] = admission;
            telemetry.AdmissionsReported.Add(1);
        }

        return new CandidateResult(CandidateOutcome.Moved, moved.WithoutName(), []);
    }

    public Task<IReadOnlyList<Candidate>> ListCandidatesAsync(bool withNames) =>
        Task.FromResult<IReadOnlyList<Candidate>>(candidatesById.Values
            .OrderBy(c => c.IsOpen ? 0 : 1).ThenByDescending(c => c.RecordedAt)
            .Select(c => withNames ? c : c.WithoutName())
            .ToList());

    /// <summary>At a branch, its candidates' figures; above it, the sum of its children's.</summary>
    private PipelineFigures? Pipeline => State.Level == UnitLevel.Branch ? BranchPipeline : (childTotals ??= new ChildTotals(State.Children.Values)).Pipeline;

    private PipelineFigures? BranchPipeline
    {
        get
        {
            if (!branchPipelineBuilt)
            {
                branchPipeline = candidatesById.Count == 0 ? null : PipelineFigures.From(candidatesById.Values, calendar);
                branchPipelineBuilt = true;
            }

            return branchPipeline;
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private void PipelineChanged() => branchPipelineBuilt = false;

    private void LoadCandidateEntry(JournalEntry entry)
    {
        CandidateJournal.Apply(entry, candidatesById);
        PipelineChanged();
    }

    private CandidateResult? RefuseCandidates()
    {
        if (!Exists)
        {
            return CandidateResult.Fail(CandidateOutcome.UnknownUnit);
        }

        if (State.Level != UnitLevel.Branch)
        {
            return CandidateResult.Fail(CandidateOutcome.NotABranch, ValidationError.Coded("unitId", ValidationCodes.NotABranch, "Candidates are kept at branches; '{0}' is a {1}.", Id, JsonNames.Of(State.Level)));
        }

        if (State.RetiredOn is { } lastDay)
        {
            return CandidateResult.Fail(CandidateOutcome.Invalid, ValidationError.FormerUnit(Id, lastDay));
        }

        return null;
    }
}
