namespace Hierarchy.Grains.Admissions;

[GenerateSerializer]
public enum AdmissionOutcome
{
    /// <summary>Recorded now; durable before this answer.</summary>
    Created,

    /// <summary>The same key and content were recorded before; nothing counted twice.</summary>
    Repeated,

    /// <summary>The key was recorded before with different content.</summary>
    Conflict,

    Invalid,
    NotABranch,
    UnknownUnit,
    NotFound,
}
