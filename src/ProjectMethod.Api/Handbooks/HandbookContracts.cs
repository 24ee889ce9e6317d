using NodaTime;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Checklists;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Handbooks;

/// <summary>A checklist item of a handbook: a stable id, the text in Norwegian and English, and whether it must be answered.</summary>
public sealed record ChecklistItemSpec(string? Id, string? TextNb, string? TextEn, bool? Mandatory = null);

/// <summary>The checklist items per decision point.</summary>
public sealed record HandbookChecklists(
    IReadOnlyList<ChecklistItemSpec>? Bp1 = null, IReadOnlyList<ChecklistItemSpec>? Bp2 = null, IReadOnlyList<ChecklistItemSpec>? Bp3 = null,
    IReadOnlyList<ChecklistItemSpec>? StageBoundary = null, IReadOnlyList<ChecklistItemSpec>? Bp4 = null, IReadOnlyList<ChecklistItemSpec>? Bp5 = null,
    IReadOnlyList<ChecklistItemSpec>? Bp6 = null);

/// <summary>The deviations suggested for one dimension (days for time, NOK for cost, counts and exposure for the rest).</summary>
public sealed record BandSpec(decimal? Lower = null, decimal? Upper = null);

public sealed record DimensionBands(
    BandSpec? Time = null, BandSpec? Cost = null, BandSpec? Quality = null, BandSpec? Scope = null, BandSpec? Risk = null, BandSpec? Benefit = null,
    BandSpec? Sustainability = null);

/// <summary>Suggested tolerances per level, to pre-fill; never applied silently.</summary>
public sealed record DefaultTolerancesSpec(DimensionBands? Project = null, DimensionBands? Stage = null, DimensionBands? WorkPackage = null);

/// <summary>The approval mode per decision point; boardConsensus only where the Executive decides (BP3, stage boundary, BP4, BP5).</summary>
public sealed record ApprovalModesSpec(
    ApprovalMode? Bp1 = null, ApprovalMode? Bp2 = null, ApprovalMode? Bp3 = null, ApprovalMode? StageBoundary = null, ApprovalMode? Bp4 = null,
    ApprovalMode? Bp5 = null, ApprovalMode? Bp6 = null);

/// <summary>Role rules the handbook relaxes; each off unless turned on.</summary>
public sealed record RoleWaiversSpec(bool? ProjectManagerMayHoldBoardRole = null, bool? SeniorUserMayBeSeniorSupplier = null);

/// <summary>
/// One version of a sector's handbook as the API shows it; a draft's PUT takes the same shape (sector, version, state
/// and the timestamps are read-only: given, they must be what the draft has).
/// </summary>
public sealed record HandbookVersionView(
    string? Sector = null, int? Version = null, string? Name = null, HandbookState? State = null, HandbookChecklists? Checklists = null,
    IReadOnlyList<Dimension>? Dimensions = null, decimal? AtRiskThreshold = null, DefaultTolerancesSpec? DefaultTolerances = null,
    ApprovalModesSpec? ApprovalMode = null, RoleWaiversSpec? RoleWaivers = null, IReadOnlyList<string>? ExtraCriteria = null,
    JournalTypesSpec? JournalTypes = null, int? ReminderDaysAhead = null, Instant? CreatedAt = null, [property: Person] string? UpdatedBy = null, Instant? UpdatedAt = null, [property: Person] string? PublishedBy = null, Instant? PublishedAt = null)
{
    /// <summary>How the version tailors the method to small, medium and large projects; left out of a PUT, the method's standard profiles.</summary>
    public CategoriesSpec? Categories { get; init; }
}

/// <summary>
/// A handbook version's thresholds for suggesting a project's category from its mandate, and its profile per category.
/// A part left out takes the method's standard.
/// </summary>
public sealed record CategoriesSpec(
    CategoryThresholdsSpec? Thresholds = null, CategoryProfileSpec? Small = null, CategoryProfileSpec? Medium = null, CategoryProfileSpec? Large = null);

/// <summary>Where the estimated cost (NOK), the duration (months) and the sectors involved make a project medium or large.</summary>
public sealed record CategoryThresholdsSpec(
    decimal? MediumFromCost = null, decimal? LargeFromCost = null, int? MediumFromMonths = null, int? LargeFromMonths = null,
    int? MediumFromSectors = null, int? LargeFromSectors = null);

/// <summary>
/// How the method is tailored to one category: the active tolerance dimensions (null: the handbook's), whether BP3 needs
/// a Senior Supplier, the days between highlight reports, criteria added (such as political-decision-before-bp3 and
/// independent-assurance-before-bp3-bp4) and the handbook's checklist items that do not apply. A field left out takes
/// the standard profile's value.
/// </summary>
public sealed record CategoryProfileSpec(
    IReadOnlyList<Dimension>? Dimensions = null, bool? SeniorSupplierRequired = null, int? HighlightReportDays = null,
    IReadOnlyList<string>? ExtraCriteria = null, IReadOnlyList<string>? OmittedChecklistItems = null);

/// <summary>
/// How the municipality's archive registers each kind of record (Noark 5 journalposttype): "N", an internal document to be
/// followed up, or "X", one not followed up. A kind left out keeps the method's default: decisions N, reports X.
/// </summary>
public sealed record JournalTypesSpec(
    string? GateDecision = null, string? ExceptionDecision = null, string? BenefitChange = null, string? StatusReport = null, string? EndReport = null,
    string? LessonsReport = null, string? IdeaAnswer = null, string? HandbookPublication = null)
{
    /// <summary>The kinds given, by wire name; a value that is not one letter is kept as a fault for the handbook's validation.</summary>
    public IReadOnlyDictionary<string, char> ToDomain() => new Dictionary<string, string?>
    {
        ["gateDecision"] = GateDecision, ["exceptionDecision"] = ExceptionDecision, ["benefitChange"] = BenefitChange, ["statusReport"] = StatusReport,
        ["endReport"] = EndReport, ["lessonsReport"] = LessonsReport, ["ideaAnswer"] = IdeaAnswer, ["handbookPublication"] = HandbookPublication,
    }.Where(k => k.Value is not null).ToDictionary(k => k.Key, k => k.Value!.Trim() is [var letter] ? letter : '?');

    /// <summary>Every kind with the type it is registered as under the mapping.</summary>
    public static JournalTypesSpec Of(IReadOnlyDictionary<string, char> mapping)
    {
        string Type(string kind) => Domain.Archive.JournalTypes.Of(mapping, kind).ToString();
        return new(Type("gateDecision"), Type("exceptionDecision"), Type("benefitChange"), Type("statusReport"), Type("endReport"), Type("lessonsReport"),
            Type("ideaAnswer"), Type("handbookPublication"));
    }
}

public sealed record HandbookVersionSummary(int Version, HandbookState State, Instant? PublishedAt);

/// <summary>A sector's handbook: its versions, and the newest published one in full.</summary>
public sealed record HandbookView(string Sector, string Name, IReadOnlyList<HandbookVersionSummary> Versions, HandbookVersionView? Latest);

public sealed record HandbookSummary(string Sector, string Name, int? LatestVersion, int? DraftVersion);

/// <summary>Move a project to a newer version of its handbook.</summary>
public sealed record MoveHandbook(int? Version, string? Rationale);

/// <summary>A stored handbook version and when it was made, changed and published.</summary>
public sealed record HandbookRecord(
    HandbookVersion Version, Instant CreatedAt, string? UpdatedBy = null, Instant? UpdatedAt = null, string? PublishedBy = null, Instant? PublishedAt = null);

/// <summary>Between the API's shape and the domain's.</summary>
public static class HandbookMapping
{
    public static HandbookVersionView ToView(HandbookRecord record)
    {
        var h = record.Version;
        List<ChecklistItemSpec> Items(DecisionPoint point) =>
            h.Checklist.Where(i => i.DecisionPoint == point).Select(i => new ChecklistItemSpec(i.Id, i.TextNb, i.TextEn, i.Mandatory)).ToList();
        DimensionBands Bands(ToleranceLevel level)
        {
            var bands = h.DefaultTolerances.GetValueOrDefault(level) ?? new Dictionary<Dimension, ToleranceBand>();
            BandSpec? Of(Dimension d) => bands.TryGetValue(d, out var b) ? new BandSpec(b.Lower, b.Upper) : null;
            return new DimensionBands(Of(Dimension.Time), Of(Dimension.Cost), Of(Dimension.Quality), Of(Dimension.Scope), Of(Dimension.Risk),
                Of(Dimension.Benefit), Of(Dimension.Sustainability));
        }

        return new HandbookVersionView(
            h.Sector, h.Version, h.Name, h.State,
            new HandbookChecklists(Items(DecisionPoint.Bp1), Items(DecisionPoint.Bp2), Items(DecisionPoint.Bp3), Items(DecisionPoint.StageBoundary),
                Items(DecisionPoint.Bp4), Items(DecisionPoint.Bp5), Items(DecisionPoint.Bp6)),
            h.Dimensions, h.AtRiskThreshold,
            new DefaultTolerancesSpec(Bands(ToleranceLevel.Project), Bands(ToleranceLevel.Stage), Bands(ToleranceLevel.WorkPackage)),
            new ApprovalModesSpec(h.ApprovalModeAt(DecisionPoint.Bp1), h.ApprovalModeAt(DecisionPoint.Bp2), h.ApprovalModeAt(DecisionPoint.Bp3),
                h.ApprovalModeAt(DecisionPoint.StageBoundary), h.ApprovalModeAt(DecisionPoint.Bp4), h.ApprovalModeAt(DecisionPoint.Bp5),
                h.ApprovalModeAt(DecisionPoint.Bp6)),
            new RoleWaiversSpec(h.RoleWaivers.ProjectManagerMayHoldBoardRole, h.RoleWaivers.SeniorUserMayBeSeniorSupplier),
            h.ExtraCriteria.Order(StringComparer.Ordinal).ToList(),
            JournalTypesSpec.Of(h.JournalTypes),
            h.ReminderDaysAhead,
            record.CreatedAt, record.UpdatedBy, record.UpdatedAt, record.PublishedBy, record.PublishedAt) { Categories = CategoriesOf(h.CategoryThresholds, h.Profiles) };
    }

    /// <summary>The thresholds and profiles as the API shows and stores them, every field given.</summary>
    public static CategoriesSpec CategoriesOf(CategoryThresholds t, CategoryProfiles profiles)
    {
        static CategoryProfileSpec Of(CategoryProfile p) => new(
            p.Dimensions, p.SeniorSupplierRequired, p.HighlightReportDays, p.ExtraCriteria.Order(StringComparer.Ordinal).ToList(),
            p.OmittedChecklistItems.Order(StringComparer.Ordinal).ToList());
        return new CategoriesSpec(
            new CategoryThresholdsSpec(t.MediumFromCost, t.LargeFromCost, t.MediumFromMonths, t.LargeFromMonths, t.MediumFromSectors, t.LargeFromSectors),
            Of(profiles.Small), Of(profiles.Medium), Of(profiles.Large));
    }

    /// <summary>The thresholds and profiles a body gives; what it leaves out is the method's standard.</summary>
    public static (CategoryThresholds Thresholds, CategoryProfiles Profiles) CategoriesFrom(CategoriesSpec? spec)
    {
        var s = CategoryThresholds.Standard;
        var t = spec?.Thresholds;
        var thresholds = new CategoryThresholds(
            t?.MediumFromCost ?? s.MediumFromCost, t?.LargeFromCost ?? s.LargeFromCost, t?.MediumFromMonths ?? s.MediumFromMonths,
            t?.LargeFromMonths ?? s.LargeFromMonths, t?.MediumFromSectors ?? s.MediumFromSectors, t?.LargeFromSectors ?? s.LargeFromSectors);
        static CategoryProfile Of(CategoryProfileSpec? given, CategoryProfile standard) => given is null ? standard : new CategoryProfile
        {
            Dimensions = given.Dimensions?.ToList() ?? standard.Dimensions,
            SeniorSupplierRequired = given.SeniorSupplierRequired ?? standard.SeniorSupplierRequired,
            HighlightReportDays = given.HighlightReportDays ?? standard.HighlightReportDays,
            ExtraCriteria = given.ExtraCriteria?.Select(c => c?.Trim() ?? "").ToHashSet(StringComparer.Ordinal) ?? standard.ExtraCriteria,
            OmittedChecklistItems = given.OmittedChecklistItems?.Select(c => c?.Trim() ?? "").ToHashSet(StringComparer.Ordinal) ?? standard.OmittedChecklistItems,
        };
        var standard = CategoryProfiles.Standard;
        return (thresholds, new CategoryProfiles(Of(spec?.Small, standard.Small), Of(spec?.Medium, standard.Medium), Of(spec?.Large, standard.Large)));
    }

    /// <summary>The draft as the body gives it; what is left out is empty (or, for the waivers and modes, off).</summary>
    public static HandbookVersion ToDomain(HandbookVersionView body, HandbookVersion draft)
    {
        var checklists = body.Checklists ?? new HandbookChecklists();
        IEnumerable<ChecklistItem> Items(DecisionPoint point, IReadOnlyList<ChecklistItemSpec>? items) =>
            (items ?? []).Select(i => new ChecklistItem(i?.Id?.Trim() ?? "", point, i?.TextNb?.Trim() ?? "", i?.TextEn?.Trim() ?? "", i?.Mandatory ?? false));
        Dictionary<Dimension, ToleranceBand> Bands(DimensionBands? bands)
        {
            var result = new Dictionary<Dimension, ToleranceBand>();
            foreach (var (dimension, band) in new[]
            {
                (Dimension.Time, bands?.Time), (Dimension.Cost, bands?.Cost), (Dimension.Quality, bands?.Quality), (Dimension.Scope, bands?.Scope),
                (Dimension.Risk, bands?.Risk), (Dimension.Benefit, bands?.Benefit), (Dimension.Sustainability, bands?.Sustainability),
            })
            {
                if (band is not null)
                {
                    result[dimension] = new ToleranceBand(band.Lower ?? 0, band.Upper ?? 0);
                }
            }

            return result;
        }

        var modes = body.ApprovalMode ?? new ApprovalModesSpec();
        var byPoint = new Dictionary<DecisionPoint, ApprovalMode?>
        {
            [DecisionPoint.Bp1] = modes.Bp1, [DecisionPoint.Bp2] = modes.Bp2, [DecisionPoint.Bp3] = modes.Bp3,
            [DecisionPoint.StageBoundary] = modes.StageBoundary, [DecisionPoint.Bp4] = modes.Bp4, [DecisionPoint.Bp5] = modes.Bp5, [DecisionPoint.Bp6] = modes.Bp6,
        };
        var tolerances = body.DefaultTolerances ?? new DefaultTolerancesSpec();
        var categories = CategoriesFrom(body.Categories);
        return draft with
        {
            Name = body.Name?.Trim() ?? "",
            Checklist = [.. Items(DecisionPoint.Bp1, checklists.Bp1), .. Items(DecisionPoint.Bp2, checklists.Bp2), .. Items(DecisionPoint.Bp3, checklists.Bp3),
                .. Items(DecisionPoint.StageBoundary, checklists.StageBoundary), .. Items(DecisionPoint.Bp4, checklists.Bp4),
                .. Items(DecisionPoint.Bp5, checklists.Bp5), .. Items(DecisionPoint.Bp6, checklists.Bp6)],
            Dimensions = body.Dimensions?.ToList() ?? [],
            AtRiskThreshold = body.AtRiskThreshold ?? ToleranceRules.DefaultAtRiskThreshold,
            DefaultTolerances = new Dictionary<ToleranceLevel, IReadOnlyDictionary<Dimension, ToleranceBand>>
            {
                [ToleranceLevel.Project] = Bands(tolerances.Project),
                [ToleranceLevel.Stage] = Bands(tolerances.Stage),
                [ToleranceLevel.WorkPackage] = Bands(tolerances.WorkPackage),
            }.Where(l => l.Value.Count > 0).ToDictionary(l => l.Key, l => l.Value),
            ApprovalModes = byPoint.Where(p => p.Value is ApprovalMode.BoardConsensus).ToDictionary(p => p.Key, p => p.Value!.Value),
            RoleWaivers = new RoleWaivers(body.RoleWaivers?.ProjectManagerMayHoldBoardRole ?? false, body.RoleWaivers?.SeniorUserMayBeSeniorSupplier ?? false),
            ExtraCriteria = (body.ExtraCriteria ?? []).Select(c => c?.Trim() ?? "").ToHashSet(StringComparer.Ordinal),
            JournalTypes = body.JournalTypes?.ToDomain() ?? new Dictionary<string, char>(),
            ReminderDaysAhead = body.ReminderDaysAhead ?? HandbookVersion.DefaultReminderDaysAhead,
            CategoryThresholds = categories.Thresholds,
            Profiles = categories.Profiles,
        };
    }
}
