using Hierarchy.Grains;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hierarchy.Silo.Api;

/// <summary>A branch's candidate sources: record a candidate, move one through the stages, list them.</summary>
public static class CandidateEndpoints
{
    public static RouteGroupBuilder MapCandidateEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/units/{id}/candidates", AddAsync)
            .WithName("AddCandidate")
            .WithSummary("Records a candidate introduced to a branch: 201 when recorded, 200 for a repeat of the same key and content, 409 for the same key with different content.")
            .Accepts<CandidateRequest>("application/json")
            .Produces<CandidateResponse>(StatusCodes.Status201Created)
            .Produces<CandidateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/units/{id}/candidates/{candidateId}/stages", MoveAsync)
            .WithName("MoveCandidate")
            .WithSummary("Records the next stage a candidate reached (or drops one, with a reason); 409 names the current stage when the stage is out of order. Reaching 'admitted' records the admission as a report does.")
            .Accepts<CandidateStageRequest>("application/json")
            .Produces<CandidateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/units/{id}/candidates", ListAsync)
            .WithName("ListCandidates")
            .WithSummary("A branch's candidates, open cases first, with each one's stage and deadline; names only for the branch's own secretary.")
            .Produces<IReadOnlyList<CandidateResponse>>();
        return api;
    }

    public static async Task<IResult> AddAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time, WorkingCalendar calendar)
    {
        var unit = await access.ForBranchWriteAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<CandidateRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ValidationError>();
        var proposal = Parse(request!, errors);
        if (proposal is null)
        {
            return Problems.Validation(errors);
        }

        var result = await hierarchy.Unit(id).AddCandidateAsync(proposal, unit.Caller!.AuditName);
        var names = AdmissionEndpoints.SeesNames(unit.Caller, id);
        var today = time.Today();
        var sent = result.Candidate is { } c && names ? c with { Proposal = c.Proposal with { Name = proposal.Name } } : result.Candidate;
        return result.Outcome switch
        {
            CandidateOutcome.Created => TypedResults.Created(
                $"{context.Request.PathBase}/api/units/{Uri.EscapeDataString(id)}/candidates/{Uri.EscapeDataString(sent!.Id)}",
                CandidateResponse.From(sent, names, calendar, today)),
            CandidateOutcome.Repeated => TypedResults.Ok(CandidateResponse.From(sent!, names, calendar, today)),
            _ => Failure(result, id),
        };
    }

    public static async Task<IResult> MoveAsync(string id, string candidateId, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time, WorkingCalendar calendar)
    {
        var unit = await access.ForBranchWriteAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var (request, problem) = await RequestBodies.ReadJsonAsync<CandidateStageRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ValidationError>();
        var stage = AdmissionRequestParser.Enum<CandidateStage>(request!.Stage, "stage", errors);
        var on = AdmissionRequestParser.Date(request.On, "on", errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var result = await hierarchy.Unit(id).MoveCandidateAsync(candidateId, stage!.Value, on!.Value, request.Reason, unit.Caller!.AuditName);
        if (result.Outcome is not (CandidateOutcome.Moved or CandidateOutcome.Repeated))
        {
            return Failure(result, id);
        }

        // The grain answers without the name; only the branch's own secretary reads the list again to get it back.
        var names = AdmissionEndpoints.SeesNames(unit.Caller, id);
        var candidate = names
            ? (await hierarchy.Unit(id).ListCandidatesAsync(true)).FirstOrDefault(c => c.Id == candidateId) ?? result.Candidate!
            : result.Candidate!;
        return TypedResults.Ok(CandidateResponse.From(candidate, names, calendar, time.Today()));
    }

    public static async Task<IResult> ListAsync(string id, HttpContext context, AccessControl access, HierarchyService hierarchy, TimeProvider time, WorkingCalendar calendar)
    {
        var unit = await access.ForReadAsync(context, id);
        if (unit.Denied is { } denied)
        {
            return denied;
        }

        var info = await hierarchy.Unit(id).GetInfoAsync();
        if (!info.Exists)
        {
            return Problems.NotFound(Messages.UnitNotFound.Format(id));
        }

        var names = AdmissionEndpoints.SeesNames(unit.Caller, id);
        var today = time.Today();
        var candidates = await hierarchy.Unit(id).ListCandidatesAsync(names);
        return TypedResults.Ok(candidates.Select(c => CandidateResponse.From(c, names, calendar, today)).ToList());
    }

    private static CandidateProposal? Parse(CandidateRequest request, List<ValidationError> errors)
    {
        var key = request.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            errors.Add(new("idempotencyKey", Messages.KeyRequired.Format()));
        }

        var introducedBy = AdmissionRequestParser.Enum<Introducer>(request.IntroducedBy, "introducedBy", errors);
        var introducedOn = AdmissionRequestParser.Date(request.IntroducedOn, "introducedOn", errors);
        var birthDate = AdmissionRequestParser.Date(request.BirthDate, "birthDate", errors);
        var gender = AdmissionRequestParser.Enum<Gender>(request.Gender, "gender", errors);
        var education = AdmissionRequestParser.Enum<Education>(request.Education, "education", errors);
        var occupation = AdmissionRequestParser.Enum<Occupation>(request.Occupation, "occupation", errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new CandidateProposal(
            key!,
            introducedBy!.Value,
            introducedOn!.Value,
            gender!.Value,
            birthDate!.Value,
            request.YouthUnion ?? false,
            request.EthnicMinority ?? false,
            request.Religious ?? false,
            request.PrivateBusinessOwner ?? false,
            education!.Value,
            occupation!.Value,
            string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim());
    }

    private static IResult Failure(CandidateResult result, string unitId) => result.Outcome switch
    {
        CandidateOutcome.Conflict or CandidateOutcome.OutOfOrder => Problems.Conflict(result.Errors.First()),
        CandidateOutcome.UnknownUnit => Problems.NotFound(Messages.UnitNotFound.Format(unitId)),
        CandidateOutcome.NotFound => Problems.NotFound(DomainMessages.Localize(result.Errors.First()).Message, "candidateId"),
        CandidateOutcome.NotABranch => Problems.Validation(result.Errors.Select(e => e with { Field = e.Field == "unitId" ? "branchId" : e.Field })),
        _ => Problems.Validation(result.Errors),
    };
}
