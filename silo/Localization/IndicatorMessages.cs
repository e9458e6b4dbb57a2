using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Indicators;

namespace Hierarchy.Silo.Localization;

/// <summary>What the API says about the indicators the resolutions set, in Vietnamese and English, with the figures named as the plans name them.</summary>
public static class IndicatorMessages
{
    public static readonly LocalizedText OnlyBoards = new(
        "Chỉ tiêu và số liệu về dân số, tổ dân phố của '{0}' do Ban Tổ chức của đơn vị đó hoặc của cấp trên nhập.",
        "The indicators of '{0}' are entered by the board of that unit or of one above it.");

    public static readonly LocalizedText Changed = new(
        "Số liệu, chỉ tiêu của {0} đã được thay đổi sau khi tải (phiên bản {1}, nay là {2}); hãy xem lại số liệu mới rồi nhập lại.",
        "The indicators of {0} changed since they were loaded (version {1}, now {2}); look at the new figures and enter yours again.");

    public static readonly LocalizedText NoFigureColumns = new(
        "Dòng 1: tiêu đề chưa có cột số liệu hay chỉ tiêu nào; cần ít nhất một trong các cột {0}.",
        "Line 1: the header names no figure or target; expected some of {0}.");

    private static readonly LocalizedText UnknownUnit = new("Không có đơn vị '{0}'.", "'{0}' is not a known unit.");

    private static readonly LocalizedText OutsideSubtree = new("'{0}' không phải '{1}' hay đơn vị trực thuộc.", "'{0}' is not '{1}' or a unit below it.");

    private static readonly LocalizedText Duplicate = new("'{0}' có hai dòng cho năm {1} trong tệp.", "'{0}' appears twice in the file for {1}.");

    private static readonly LocalizedText ImportYearClosed = new("Năm {0} của '{1}' đã khóa sổ, người khóa sổ: {2}; cần mở lại trước.", "{0} was closed at '{1}' by {2}; reopen it first.");

    private static readonly LocalizedText NotWholeNumber = new("'{0}' không phải số nguyên.", "'{0}' is not a whole number.");

    private static readonly LocalizedText NotPercentage = new("'{0}' không phải tỷ lệ phần trăm như 3,85.", "'{0}' is not a percentage such as 3.85.");

    private static readonly LocalizedText YearOutOfRange = new("'{0}' không phải năm từ {1} đến {2}.", "'{0}' is not a year from {1} to {2}.");

    private static readonly LocalizedText CountOutOfRange = new("Số liệu phải là số nguyên từ 0 đến {0:N0}.", "The figure must be a whole number from 0 to {0:N0}.");

    private static readonly LocalizedText PercentOutOfRange = new("Tỷ lệ là phần trăm, từ 0 đến 100.", "A share is a percentage from 0 to 100.");

    private static readonly LocalizedText PartAboveWhole = new("{0} ({1:N0}) không được lớn hơn {2} ({3:N0}).", "{0} ({1:N0}) cannot exceed {2} ({3:N0}).");

    private static readonly LocalizedText YearClosed = new(
        "Không sửa được chỉ tiêu, số liệu năm {1} của {0}: năm {1} đã khóa sổ lúc {3}, người khóa sổ: {2}. Cần mở lại trước.",
        "The indicators of {1} cannot change at {0}: the year was closed at {3} by {2}. Reopen it first.");

    private static readonly Dictionary<string, LocalizedText> Fields = new(StringComparer.Ordinal)
    {
        ["population"] = new("Dân số", "The population"),
        ["residentialGroups"] = new("Số tổ dân phố, thôn, ấp", "The residential groups"),
        ["groupsWithoutMembers"] = new("Số tổ dân phố, thôn, ấp chưa có đảng viên", "The residential groups with no party member"),
        ["groupLeaders"] = new("Số tổ trưởng, trưởng thôn, ấp", "The residential-group leaders"),
        ["leadersWhoAreMembers"] = new("Số tổ trưởng, trưởng thôn, ấp là đảng viên", "The leaders who are party members"),
    };

    /// <summary>An indicator refusal from the domain in the caller's language; null for any other error.</summary>
    public static ValidationError? Localize(ValidationError error)
    {
        var a = error.Arguments ?? [];
        string? message = error.Code switch
        {
            IndicatorCodes.CountOutOfRange when a.Length >= 1 && long.TryParse(a[0], out var max) => CountOutOfRange.Format(max),
            IndicatorCodes.PercentOutOfRange => PercentOutOfRange.Format(),
            IndicatorCodes.PartAboveWhole when a.Length >= 4 && int.TryParse(a[1], out var part) && int.TryParse(a[3], out var whole) =>
                PartAboveWhole.Format(Field(a[0]), part, Field(a[2]).ToLower(SiloCultures.Current), whole),
            IndicatorCodes.YearClosed when a.Length >= 4 => YearClosed.Format(a[0], a[1], a[2], ClosingMessages.Moment(a[3])),
            IndicatorCodes.UnknownUnit when a.Length >= 1 => UnknownUnit.Format(a[0]),
            IndicatorCodes.OutsideSubtree when a.Length >= 2 => OutsideSubtree.Format(a[0], a[1]),
            IndicatorCodes.Duplicate when a.Length >= 2 => Duplicate.Format(a[0], a[1]),
            IndicatorCodes.ImportYearClosed when a.Length >= 3 => ImportYearClosed.Format(a[0], a[1], a[2]),
            IndicatorCodes.NotWholeNumber when a.Length >= 1 => NotWholeNumber.Format(a[0]),
            IndicatorCodes.NotPercentage when a.Length >= 1 => NotPercentage.Format(a[0]),
            IndicatorCodes.YearOutOfRange when a.Length >= 3 => YearOutOfRange.Format(a[0], a[1], a[2]),
            _ => null,
        };
        return message is null ? null : new ValidationError(error.Field, message, error.Code, error.Arguments);
    }

    private static string Field(string name) => Fields.TryGetValue(name, out var text) ? text.Format() : name;
}
