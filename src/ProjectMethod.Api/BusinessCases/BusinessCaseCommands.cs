using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.BusinessCases;

/// <summary>The business case: reading it with its standing, writing a version, the Executive's review — for the API and the web pages.</summary>
public sealed class BusinessCaseCommands(ProjectWrites writes)
{
    /// <summary>A new version of the business case, by the Project Manager or the Executive; each needs a new confirmation.</summary>
    public async Task<WriteResult<BusinessCaseView>> WriteAsync(Guid id, WriteBusinessCase request, Caller caller)
    {
        var validation = new Validation()
            .Text("reasons", request.Reasons, Validation.LongText)
            .Text("options", request.Options, Validation.LongText)
            .Text("expectedBenefits", request.ExpectedBenefits, Validation.LongText)
            .Text("expectedCosts", request.ExpectedCosts, Validation.LongText)
            .Text("timescale", request.Timescale, Validation.LongText)
            .Text("majorRisks", request.MajorRisks, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<BusinessCaseView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<BusinessCaseView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.WriteBusinessCase) is { } forbidden)
            {
                return forbidden;
            }

            var previous = await BusinessCaseStore.LatestAsync(write.Db, id);
            var row = new BusinessCaseRow
            {
                Version = (previous?.Version ?? 0) + 1,
                Reasons = request.Reasons!.Trim(),
                Options = request.Options!.Trim(),
                ExpectedBenefits = request.ExpectedBenefits!.Trim(),
                ExpectedCosts = request.ExpectedCosts!.Trim(),
                Timescale = request.Timescale!.Trim(),
                MajorRisks = request.MajorRisks!.Trim(),
                WrittenBy = write.Actor.UserId,
                WrittenAt = write.Now,
            };
            await BusinessCaseStore.InsertVersionAsync(write.Db, id, row);
            write.Record(EventTypes.BusinessCaseWritten, new BusinessCaseWrittenData(row.Version));
            var reviews = await BusinessCaseStore.ReviewsAsync(write.Db, id);
            return View(row, BusinessCaseStanding.NotConfirmedInThisPhase, reviews);
        });

        return result;
    }

    /// <summary>The Executive's review: is the business case still justified in this phase?</summary>
    public async Task<WriteResult<ReviewView>> ReviewAsync(Guid id, ReviewBusinessCase request, Caller caller)
    {
        var validation = new Validation()
            .Required("justified", request.Justified)
            .Text("comment", request.Comment, Validation.LongText, required: request.Justified == false);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ReviewView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<ReviewView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.ReviewBusinessCase) is { } forbidden)
            {
                return forbidden;
            }

            var latest = await BusinessCaseStore.LatestAsync(write.Db, id);
            if (BusinessCaseRules.CheckReviewable(latest is not null) is { } unwritten)
            {
                return unwritten;
            }

            var row = new ReviewRow
            {
                Id = Ids.New(write.Now),
                CaseVersion = latest!.Version,
                Phase = write.Project.Phase,
                Stage = write.Project.Stage,
                Justified = request.Justified!.Value,
                Comment = request.Comment?.Trim() ?? "",
                ReviewedBy = write.Actor.UserId,
                ReviewedAt = write.Now,
            };
            await BusinessCaseStore.InsertReviewAsync(write.Db, id, row);
            write.Record(EventTypes.BusinessCaseReviewed, new BusinessCaseReviewedData(row.CaseVersion, row.Phase, row.Stage, row.Justified, row.Comment));
            return ToView(row);
        });

        return result;
    }

    internal static ReviewView ToView(ReviewRow r) => new(r.Id, r.CaseVersion, r.Phase, r.Stage, r.Justified, r.Comment, r.ReviewedBy, r.ReviewedAt);

    internal static BusinessCaseView View(BusinessCaseRow row, BusinessCaseStanding standing, IReadOnlyList<ReviewRow> reviews) => new(
        row.Version, row.Reasons, row.Options, row.ExpectedBenefits, row.ExpectedCosts, row.Timescale, row.MajorRisks, row.WrittenBy, row.WrittenAt,
        standing, reviews.Select(ToView).ToList());
}
