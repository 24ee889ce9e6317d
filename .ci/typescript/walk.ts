// The calls the C# client makes in the suite (ClientTests), written against the TypeScript types openapi-typescript
// generates from the committed document, with openapi-fetch. `tsc --strict` must accept them as they are: a call the
// document describes wrongly (a missing body, an enum a generator cannot offer, an answer typed as never) fails here.
import createClient from "openapi-fetch";
import type { components, paths, webhooks } from "./generated/projectmethod";

type Schemas = components["schemas"];

const api = createClient<paths>({ baseUrl: "http://127.0.0.1:5080", headers: { Authorization: "Bearer <token>" } });

function must<T>(data: T | undefined, what: string): T {
    if (data === undefined) {
        throw new Error(`${what} gave no answer`);
    }
    return data;
}

async function tick(id: string, decisionPoint: Schemas["DecisionPoint"]): Promise<void> {
    const { data } = await api.GET("/api/v1/projects/{id}/checklist", { params: { path: { id } } });
    for (const item of must(data, "checklist").items.filter(i => i.decisionPoint === decisionPoint)) {
        await api.PUT("/api/v1/projects/{id}/checklist/{itemId}", { params: { path: { id, itemId: item.id } }, body: { status: "done" } });
    }
}

async function decide(id: string, recommendation: string): Promise<Schemas["DecisionView"] | null> {
    await api.POST("/api/v1/projects/{id}/gate/requests", { params: { path: { id } }, body: { recommendation } });
    const { data } = await api.POST("/api/v1/projects/{id}/gate/decisions", {
        params: { path: { id } },
        body: { decision: "approve", rationale: "Kriteriene er oppfylt" },
    });
    // 201 and 202 answer the same shape: a decision made, or a vote with the consensus as it stands.
    const result: Schemas["GateDecisionResult"] = must(data, "decide");
    if (result.consensus !== null) {
        console.log(`awaiting ${result.consensus.awaited.join(", ")}`);
    }
    return result.decision;
}

export async function walkToBp3(): Promise<void> {
    const proposed = await api.POST("/api/v1/projects", {
        body: { name: "Digital hjemmetjeneste", sector: "helse-og-velferd", description: "Velferdsteknologi" },
    });
    const project: Schemas["ProjectView"] = must(proposed.data, "propose");
    const id = project.id;
    await api.PUT("/api/v1/projects/{id}/mandate", { params: { path: { id } }, body: { purpose: "Bedre oppfølging", background: "Manuelle rutiner" } });
    await api.POST("/api/v1/projects/{id}/roles", { params: { path: { id } }, body: { role: "executive", userId: "eva" } });
    await tick(id, "bp1");
    const bp1 = await decide(id, "Behovet er godt beskrevet");
    const phase: Schemas["Phase"] | undefined = bp1?.toPhase;
    console.log(phase, bp1?.decidedBy.name, bp1?.decidedAs);

    const { data: log } = await api.GET("/api/v1/projects/{id}/decisions", { params: { path: { id }, query: { limit: 50 } } });
    const first = must(log, "decisions").items[0];
    if (first !== undefined) {
        // The decision answers JSON by default, and its record as a PDF when asked for with Accept: application/pdf.
        const { data: one } = await api.GET("/api/v1/projects/{id}/decisions/{decisionId}", { params: { path: { id, decisionId: first.id } } });
        const decision = must(one, "decision");
        if (typeof decision === "string") throw new Error("A decision asked for without Accept: application/pdf answers JSON.");
        const criteria: Schemas["CriterionResult"][] | null = decision.criteria ?? null;
        console.log(decision.title, criteria?.filter(c => c.met).length);
    }

    // A stale If-Match comes back as the problem it is.
    const stale = await api.PUT("/api/v1/projects/{id}/mandate", {
        params: { path: { id }, header: { "If-Match": `"${project.version - 1}"` } },
        body: { purpose: "x", background: "y" },
    });
    if (stale.error !== undefined && stale.response.status === 412) {
        const problem: Schemas["ProblemDetails"] = stale.error;
        console.log(problem.type, problem.detail);
    }
}

export async function answerAndRead(projectId: string, inputId: string): Promise<void> {
    const idea = await api.POST("/api/v1/ideas", {
        body: { title: "Benker langs elva", description: "Flere benker", origin: "citizen", sector: "samfunn", externalReference: "SAK-2026-0042" },
    });
    const ideaId = must(idea.data, "idea").id;
    const triaged = await api.POST("/api/v1/ideas/{ideaId}/triage", { params: { path: { ideaId } }, body: { decision: "park", rationale: "Neste år" } });
    const status: Schemas["IdeaStatus"] | undefined = triaged.data?.status;

    const answered = await api.POST("/api/v1/projects/{id}/co-creation/inputs/{inputId}/response", {
        params: { path: { id: projectId, inputId } },
        body: { outcome: "adopted", explanation: "Vi satte opp benkene" },
    });
    const portfolio = await api.GET("/api/v1/portfolio", { params: { query: { phase: "execution", rag: "red", limit: 20 } } });
    const benefits = await api.GET("/api/v1/projects/{id}/benefits", { params: { path: { id: projectId } } });
    console.log(status, answered.data?.id, portfolio.data?.projects.length, benefits.data?.items.map(b => b.owner?.name));

    let cursor: string | undefined;
    do {
        const { data } = await api.GET("/api/v1/events", { params: { query: { limit: 100, projectId, type: ["no.projectmethod.decisionMade"], ...(cursor === undefined ? {} : { cursor }) } } });
        const page = must(data, "events");
        for (const event of page.items) {
            // The data of a decisionMade event is what that webhook's schema says: the decider as the id recorded.
            const decision = event.data as webhooks["decisionMade"]["post"]["requestBody"]["content"]["application/cloudevents+json"]["data"];
            console.log(event.sequence, event.type, decision.decisionPoint, decision.decidedBy.toUpperCase());
        }
        cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
}
