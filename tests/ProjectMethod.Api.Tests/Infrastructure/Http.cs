using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>Reading and asserting API answers.</summary>
public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and returns the body; on a mismatch the body is in the failure message.</summary>
    public static async Task<JsonElement> Expect(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        return body.Length == 0 || response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) != true
            ? default
            : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Every item of a paged collection, read as a client does: page after page, following nextCursor until it is null.
    /// Each page is asserted 200 and handed to <paramref name="eachPage"/> first, where given; the items are the page's
    /// <paramref name="collection"/> (the portfolio calls them projects).
    /// </summary>
    public static async Task<List<JsonElement>> AllPagesAsync(this HttpClient client, string url, Action<JsonElement>? eachPage = null, string collection = "items")
    {
        var items = new List<JsonElement>();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? cursor = null;
        do
        {
            var page = await client.GetAsync(cursor is null ? url : $"{url}{separator}cursor={Uri.EscapeDataString(cursor)}").Expect(HttpStatusCode.OK);
            eachPage?.Invoke(page);
            items.AddRange(page.GetProperty(collection).EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>Asserts an RFC 9457 problem of this status and type name.</summary>
    public static async Task<JsonElement> ExpectProblem(this Task<HttpResponseMessage> request, HttpStatusCode status, string type)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("type").GetString().Should().Be(Problems.TypePrefix + type, body);
        problem.GetProperty("status").GetInt32().Should().Be((int)status);
        body.Should().NotContain("   at ", "no stack trace is ever shown");
        return problem;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutRaw(this HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>The user id of the person a view names under the property (a person is written as {id, name}).</summary>
    public static string Who(this JsonElement element, string property) => element.GetProperty(property).GetProperty("id").GetString()!;

    /// <summary>The person a view names under the property, as its id and name.</summary>
    public static (string Id, string Name) Person(this JsonElement element, string property) =>
        (element.Who(property), element.GetProperty(property).GetProperty("name").GetString()!);
}
