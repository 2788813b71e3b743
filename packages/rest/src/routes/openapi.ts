import { defineRoute, type Route } from "../route";
import { openApiDocumentSchema } from "../schemas";

export const openApiRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/v1/openapi.json",
    operationId: "openApiDocument",
    summary: "This OpenAPI 3.1 document",
    description: "Generated at startup from the same zod schemas the handlers validate with.",
    tag: "Operations",
    auth: "none",
    usesDatabase: false,
    responses: { 200: { description: "The document.", schema: openApiDocumentSchema } },
    handle: ({ ctx }) => ({ status: 200, json: ctx.openApiJson }),
  }),
];
