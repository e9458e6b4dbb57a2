using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Localization;

/// <summary>The stages of the admission procedure as people call them, for messages in the caller's language.</summary>
public static class CandidateStageNames
{
    /// <summary>A stage as the domain writes it in a message ("resolution"), in the caller's language; other text unchanged.</summary>
    public static string Of(string argument)
    {
        foreach (var stage in Enum.GetValues<CandidateStage>())
        {
            if (JsonNames.Of(stage) == argument)
            {
                return Of(stage);
            }
        }

        return argument;
    }

    public static string Of(CandidateStage stage) => SiloCultures.IsEnglish
        ? JsonNames.Of(stage)
        : stage switch
        {
            CandidateStage.Introduced => "được giới thiệu",
            CandidateStage.Course => "đã học lớp nhận thức về Đảng",
            CandidateStage.Verified => "đã thẩm tra lý lịch",
            CandidateStage.Resolution => "chi bộ đã ra nghị quyết",
            CandidateStage.Decision => "cấp ủy cấp trên đã quyết định kết nạp",
            CandidateStage.Admitted => "đã tổ chức lễ kết nạp",
            CandidateStage.Probationary => "đảng viên dự bị",
            CandidateStage.Official => "đảng viên chính thức",
            _ => "dừng xem xét",
        };
}
