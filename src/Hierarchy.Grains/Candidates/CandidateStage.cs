namespace Hierarchy.Grains.Candidates;

/// <summary>The stages of the admission procedure a candidate passes through, in order; <see cref="Dropped"/> ends it at any stage.</summary>
public enum CandidateStage
{
    Introduced,
    Course,
    Verified,
    Resolution,
    Decision,
    Admitted,
    Probationary,
    Official,
    Dropped,
}
