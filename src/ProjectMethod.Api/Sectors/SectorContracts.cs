namespace ProjectMethod.Api.Sectors;

/// <summary>A sector of the municipality (helse og velferd, oppvekst …): its slug, its names, and whether it is archived.</summary>
public sealed record SectorView
{
    public required string Slug { get; init; }

    public required string NameNb { get; init; }

    public required string NameEn { get; init; }

    /// <summary>An archived sector stays for the projects and ideas that have it, but takes no new ones.</summary>
    public bool Archived { get; init; }

    /// <summary>The sector's name in the reader's language: bokmål unless English is asked for.</summary>
    public string NameIn(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameNb;
}

/// <summary>A sector as the portfolio board keeps it: both names, and archived for one that takes no new projects or ideas.</summary>
public sealed record PutSector(string? NameNb, string? NameEn, bool? Archived = null);
