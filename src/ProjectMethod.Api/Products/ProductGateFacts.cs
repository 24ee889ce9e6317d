using ProjectMethod.Api.Gates;
using ProjectMethod.Domain.Gates;

namespace ProjectMethod.Api.Products;

/// <summary>P6 facts: every product with the stage that delivers it.</summary>
public sealed class ProductGateFacts : IGateFactsSource
{
    public async Task<GateFacts> AddToAsync(GateFacts facts, FactsQuery query) =>
        facts with { Products = ProductStore.Facts(await ProductStore.ForProjectAsync(query.Db, query.Project.Id)) };
}
