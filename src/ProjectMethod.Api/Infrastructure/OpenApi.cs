using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The OpenAPI document: bearer security, the service's description, and NodaTime values as ISO-8601 strings.</summary>
public static class OpenApi
{
    public const string DocumentName = "v1";

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
