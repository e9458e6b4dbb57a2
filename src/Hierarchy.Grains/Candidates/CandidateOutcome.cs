namespace Hierarchy.Grains.Candidates;

public enum CandidateOutcome
{
    Created,
    Repeated,
    Moved,
    Invalid,
    Conflict,
    OutOfOrder,
    NotFound,
    UnknownUnit,
    NotABranch,
}
