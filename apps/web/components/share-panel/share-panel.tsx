"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { brandDefaultColour } from "@/lib/brand-colour";
import { useTRPC } from "@/lib/trpc";
import { useMe } from "../app-shell";
import { AnalyticsDrawer } from "../link-analytics/analytics-drawer";
import { useViewSummaries } from "../link-analytics/use-view-summaries";
import { Alert, QueryView } from "../ui";
import { CapMeter } from "./cap-meter";
import { CreateLinkForm } from "./create-link-form";
import { MyLink } from "./my-link";
import { nounOf, type ResourceRef } from "./resource";
import { TeamLinks } from "./team-links";
import "./share-panel.css";

/**
 * Everything about sharing one report or schedule: the caller's link (or the
 * form to create it), the teammates' links and the per-resource cap. Used by
 * both detail pages.
 */
export function SharePanel({
  resource,
  shareable,
  unshareableReason,
}: {
  resource: ResourceRef;
  shareable: boolean;
  unshareableReason?: string;
}) {
  const trpc = useTRPC();
  const shares = useQuery(trpc.shares.listResourceShares.queryOptions(resource));
  // The swatch shows the colour the public page will use: the brand's, not the product default.
  const brand = useQuery(trpc.brand.getBrand.queryOptions());
  const me = useMe();
  const headingId = useId();
  const views = useViewSummaries(shares.data?.shares.map((share) => share.id) ?? []);
  const [details, setDetails] = useState<{ id: string; title: string } | null>(null);

  return (
    <section className="panel share-panel" aria-labelledby={headingId} data-testid="share-panel">
      <div className="panel-head">
        <div>
          <h2 id={headingId}>Share</h2>
          <p className="muted small">Anyone with the link can view a read-only snapshot until it expires.</p>
        </div>
        {shares.data ? <CapMeter active={shares.data.activeCount} limit={shares.data.limit} /> : null}
      </div>
      <QueryView
        query={shares}
        loadingLabel="Loading share links"
        loadingLines={4}
        errorTitle="Couldn't load share links"
      >
        {({ shares: list, activeCount, limit }) => {
          const mine = list.find((share) => share.is_mine) ?? null;
          const brandColor = brandDefaultColour(brand.data);
          return (
            <div className="stack">
              {mine ? (
                <MyLink
                  resource={resource}
                  share={mine}
                  brandColor={brandColor}
                  passwordRequired={brand.data?.share_policy.require_password ?? false}
                  views={views}
                  onDetails={() => setDetails({ id: mine.id, title: "Views of your link" })}
                />
              ) : shareable ? (
                <CreateLinkForm
                  resource={resource}
                  atCap={activeCount >= limit}
                  limit={limit}
                  brandColor={brandColor}
                  policy={brand.data?.share_policy ?? null}
                />
              ) : (
                <Alert tone="info" title={`This ${nounOf(resource)} can't be shared yet`}>
                  {unshareableReason}
                </Alert>
              )}
              <TeamLinks
                resource={resource}
                shares={list.filter((share) => !share.is_mine)}
                isManager={me.data?.user.role === "manager"}
                views={views}
                onDetails={(share, owner) => setDetails({ id: share.id, title: `Views of ${owner}'s link` })}
              />
            </div>
          );
        }}
      </QueryView>
      <AnalyticsDrawer
        shareId={details?.id ?? null}
        title={details?.title ?? ""}
        onClose={() => setDetails(null)}
      />
    </section>
  );
}
