using System.Collections.Immutable;
using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.WhatIf;

/// <summary>What an edit would change, worked out before anything changes; or why it is refused.</summary>
[GenerateSerializer, Immutable]
public sealed record EditPlan(ValidationError? Error, ImmutableArray<QuotaChange> Changes, LockChange? Lock, string Description)
{
    public bool IsValid => Error is null;

    public bool ChangesNothing => Changes.IsDefaultOrEmpty && Lock is null;

    public static EditPlan Invalid(ValidationError error) => new(error, [], null, string.Empty);

    public static EditPlan Invalid(string field, string code, string englishTemplate, params object[] arguments) =>
        Invalid(ValidationError.Coded(field, code, englishTemplate, arguments));
}
