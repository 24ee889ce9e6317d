using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The OpenAPI document: bearer security, the service's description, and NodaTime values as ISO-8601 strings.</summary>
public static class OpenApi
{
    public const string DocumentName = "v1";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Projects"] = "Proposals, projects and their mandate (mandat).",
        ["Roles"] = "The project organisation: Executive, Senior Users and Suppliers, Project Manager, Benefit Owner and the rest, with the combination rules.",
        ["Business case"] = "The versioned business case (prosjektbegrunnelse) and the Executive's confirmations that it is still justified (P1).",
        ["Checklist"] = "The handbook's checklist items per decision point and the project's answers (P7).",
        ["Lessons"] = "The lessons log, reviews of earlier lessons, the lessons report and the end project report (P2).",
        ["Gates"] = "Decision points (beslutningspunkter): criteria, requests for a decision, decisions and the decision log (P4).",
        ["History"] = "The audit trail of every change to a project.",
    };

    public static IServiceCollection AddProjectMethodOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ProjectMethod API",
                    Version = "v1",
                    Description = "Project governance for Norwegian municipalities: phases authorised at decision points, " +
                                  "business case confirmed at every gate, roles checked, every decision traceable.",
                    License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
                    Contact = new OpenApiContact { Name = "ProjectMethod project office" },
                };
                document.Servers = [new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "Local development" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A JWT with sub, name and roles claims.",
                };
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                {
                    tag.Description = TagDescriptions.GetValueOrDefault(tag.Name ?? "");
                }

                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                var format = type == typeof(Instant) ? "date-time" : type == typeof(LocalDate) ? "date" : type == typeof(Period) ? "duration" : null;
                if (format is not null)
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Format = format;
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                }

                return Task.CompletedTask;
            });
        });
}
