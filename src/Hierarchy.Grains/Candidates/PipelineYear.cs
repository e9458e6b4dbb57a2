namespace Hierarchy.Grains.Candidates;

/// <summary>
/// What happened in the pipeline during one year: introductions by who introduced them, probationary members who
/// became official or were not confirmed, and candidates dropped before admission.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PipelineYear(int YouthUnion, int MassOrganisation, int Members, int Official, int NotConfirmed, int Dropped)
{
    public static PipelineYear Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public int Introduced => YouthUnion + MassOrganisation + Members;

    public bool IsEmpty => this == Empty;

    public int IntroducedBy(Introducer introducer) => introducer switch
    {
        Introducer.YouthUnion => YouthUnion,
        Introducer.MassOrganisation => MassOrganisation,
        _ => Members,
    };

    public PipelineYear Plus(PipelineYear other, int sign = 1) => new(
        YouthUnion + sign * other.YouthUnion,
        MassOrganisation + sign * other.MassOrganisation,
        Members + sign * other.Members,
        Official + sign * other.Official,
        NotConfirmed + sign * other.NotConfirmed,
        Dropped + sign * other.Dropped);

    public PipelineYear WithIntroduction(Introducer introducer) => introducer switch
    {
        Introducer.YouthUnion => this with { YouthUnion = YouthUnion + 1 },
        Introducer.MassOrganisation => this with { MassOrganisation = MassOrganisation + 1 },
        _ => this with { Members = Members + 1 },
    };
}
