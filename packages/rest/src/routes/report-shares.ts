import {
  ACTIVE_SHARES_PER_RESOURCE,
  type Actor,
  createShare,
  createShareInputSchema,
  extendShare,
  extendShareInputSchema,
  findVisibleShare,
  listResourceShares,
  notFound,
  type ResourceRef,
  type ResourceType,
  removeShare,
  revokeMyShares,
  type ShareDeps,
  sameResource,
} from "@sharelinks/core";
import type { z } from "zod";
import { list, presentShare } from "../present";
import { defineRoute, type Route } from "../route";
import {
  reportIdParams,
  reportShareListSchema,
  reportShareParams,
  reportShareSchema,
  scheduledReportIdParams,
  scheduledReportShareListSchema,
  scheduledReportShareParams,
  scheduledReportShareSchema,
} from "../schemas";

type IdParams = z.ZodType<Record<string, string>, Record<string, string>>;

interface ResourceKind {
  type: ResourceType;
  base: string;
  idParam: string;
  /** For summaries and operation ids: "report", "scheduled report". */
  noun: string;
  opNoun: string;
  tag: string;
  params: IdParams;
  shareParams: IdParams;
  share: z.ZodType;
  shareList: z.ZodType;
}

const KINDS: ResourceKind[] = [
  {
    type: "report",
    base: "/v1/reports/{report_id}/shares",
    idParam: "report_id",
    noun: "report",
    opNoun: "Report",
    tag: "Report shares",
    params: reportIdParams as unknown as IdParams,
    shareParams: reportShareParams as unknown as IdParams,
    share: reportShareSchema,
    shareList: reportShareListSchema,
  },
  {
    type: "scheduled",
    base: "/v1/scheduled-reports/{scheduled_report_id}/shares",
    idParam: "scheduled_report_id",
    noun: "scheduled report",
    opNoun: "ScheduledReport",
    tag: "Scheduled report shares",
    params: scheduledReportIdParams as unknown as IdParams,
    shareParams: scheduledReportShareParams as unknown as IdParams,
    share: scheduledReportShareSchema,
    shareList: scheduledReportShareListSchema,
  },
];

/**
 * The URL names the resource, core's removeShare does not need it: a share
 * addressed under another resource's path is not found there. (Extend passes
 * the resource to core as `under` instead: docs/architecture.md.)
 */
const assertShareUnder = async (deps: ShareDeps, actor: Actor, shareId: string, resource: ResourceRef) => {
  const share = await findVisibleShare(deps, actor, shareId);
  if (!sameResource(share.resource, resource)) throw notFound("Share");
};

/** The five share routes of one resource type (docs/api.md), identical for reports and scheduled reports. */
const shareRoutesFor = (kind: ResourceKind): Route[] => {
  const ref = (params: Record<string, string>): ResourceRef => ({
    type: kind.type,
    id: params[kind.idParam] as string,
  });
  return [
    defineRoute({
      method: "POST",
      path: kind.base,
      operationId: `create${kind.opNoun}Share`,
      summary: `Create, refresh or rotate a ${kind.noun} share`,
      description:
        "Creates a public link to a frozen snapshot (201). If the caller already has an active share on this " +
        `${kind.noun}, the snapshot is rebuilt and the same link returned with \`is_existing: true\` (200). ` +
        "`rotate: true` drops the caller's shares here and mints a new token (201); old links die at once. " +
        "With `keep_settings: true` the new link keeps the old one's `expires_at` and `white_label_config` " +
        "(without it: the brand's default expiry, 30 days unless a manager set one, and the brand's white label). " +
        `At most ${ACTIVE_SHARES_PER_RESOURCE} active shares per resource across the brand. ` +
        "The brand's share policy (`GET /v1/brand`) applies: `expiration_days` above its maximum is 400 " +
        '`validation_error` with `details.reason: "exceeds_brand_max_expiry"` and `details.max_expiration_days`; ' +
        "when it requires passwords, a new link without `password` (or a refresh leaving the link without one) " +
        'is 400 with `"password_required_by_policy"`.',
      tag: kind.tag,
      auth: "api_key",
      params: kind.params,
      body: createShareInputSchema,
      responses: {
        201: { description: "A new share (created or rotated).", schema: kind.share },
        200: { description: "The caller's existing share, refreshed.", schema: kind.share },
      },
      errors: ["validation_error", "not_found", "conflict"],
      async handle({ ctx, actor, params, body }) {
        const view = await createShare(ctx.services.shares, actor, ref(params), body);
        return { status: view.isExisting ? 200 : 201, body: presentShare(view, ctx.publicBaseUrl) };
      },
    }),
    defineRoute({
      method: "GET",
      path: kind.base,
      operationId: `list${kind.opNoun}Shares`,
      summary: `List active shares on a ${kind.noun}`,
      description: "Teammates' shares included, without their tokens. Newest first.",
      tag: kind.tag,
      auth: "api_key",
      params: kind.params,
      responses: { 200: { description: "Active shares.", schema: kind.shareList } },
      errors: ["not_found"],
      async handle({ ctx, actor, params }) {
        const views = await listResourceShares(ctx.services.shares, actor, ref(params));
        return { status: 200, body: list(views.map((view) => presentShare(view, ctx.publicBaseUrl))) };
      },
    }),
    defineRoute({
      method: "DELETE",
      path: kind.base,
      operationId: `revokeMy${kind.opNoun}Shares`,
      summary: `Revoke my shares on a ${kind.noun}`,
      description:
        "Deletes every share the caller owns here. Idempotent: 204 also when there was none. Never touches teammates' shares.",
      tag: kind.tag,
      auth: "api_key",
      params: kind.params,
      responses: { 204: { description: "Revoked (or nothing to revoke)." } },
      errors: ["not_found"],
      async handle({ ctx, actor, params }) {
        await revokeMyShares(ctx.services.shares, actor, ref(params));
        return { status: 204 };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: `${kind.base}/{share_id}`,
      operationId: `extend${kind.opNoun}Share`,
      summary: `Extend a ${kind.noun} share`,
      description:
        "Sets `expires_at` to now + `expiration_days`, whatever remained. Owner only. Revives an expired share (same token), which counts against the cap. " +
        'Beyond the brand\'s maximum expiry (`GET /v1/brand`): 400 `validation_error` with `details.reason: "exceeds_brand_max_expiry"`.',
      tag: kind.tag,
      auth: "api_key",
      params: kind.shareParams,
      body: extendShareInputSchema,
      responses: { 200: { description: "The extended share.", schema: kind.share } },
      errors: ["validation_error", "forbidden", "not_found"],
      async handle({ ctx, actor, params, body }) {
        // Core checks the share is under this path's resource, inside its one transaction.
        const view = await extendShare(ctx.services.shares, actor, params.share_id as string, body, {
          under: ref(params),
        });
        return { status: 200, body: presentShare(view, ctx.publicBaseUrl) };
      },
    }),
    defineRoute({
      method: "DELETE",
      path: `${kind.base}/{share_id}`,
      operationId: `remove${kind.opNoun}Share`,
      summary: `Remove one ${kind.noun} share`,
      description:
        "Allowed to the share's owner and to managers of the brand. Only the link dies, never the report.",
      tag: kind.tag,
      auth: "api_key",
      params: kind.shareParams,
      responses: { 204: { description: "Removed." } },
      errors: ["forbidden", "not_found"],
      async handle({ ctx, actor, params }) {
        const shareId = params.share_id as string;
        await assertShareUnder(ctx.services.shares, actor, shareId, ref(params));
        await removeShare(ctx.services.shares, actor, shareId);
        return { status: 204 };
      },
    }),
  ];
};

export const reportShareRoutes: Route[] = KINDS.flatMap(shareRoutesFor);
