import type { Route } from "../route";
import { adminRoutes } from "./admin";
import { brandRoutes } from "./brand";
import { cancelRoutes } from "./cancel";
import { healthRoutes } from "./health";
import { myShareRoutes } from "./my-shares";
import { openApiRoutes } from "./openapi";
import { publicShareRoutes } from "./public-share";
import { reportShareRoutes } from "./report-shares";
import { resourceRoutes } from "./resources";
import { shareAnalyticsRoutes } from "./share-analytics";
import { webhookEndpointRoutes } from "./webhook-endpoints";

/** The whole `/v1` contract. A route exists only here, and so is always in the OpenAPI document. */
export const routes: readonly Route[] = [
  ...publicShareRoutes,
  ...reportShareRoutes,
  ...myShareRoutes,
  ...shareAnalyticsRoutes,
  ...cancelRoutes,
  ...webhookEndpointRoutes,
  ...resourceRoutes,
  ...brandRoutes,
  ...adminRoutes,
  ...healthRoutes,
  ...openApiRoutes,
];
