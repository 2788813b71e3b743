"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { formatLocal } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { Button, QueryView } from "../ui";
import { DailyChart } from "./daily-chart";
import { Timeline } from "./timeline";
import "./link-analytics.css";

/**
 * A link's detail drawer: life totals, the last 30 days day by day, the top
 * referrers and the activity timeline. A native <dialog> (focus trapped,
 * Escape closes) laid out as a side sheet; full width on a phone.
 */
export function AnalyticsDrawer({
  shareId,
  title,
  onClose,
}: {
  shareId: string | null;
  title: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const trpc = useTRPC();
  const analytics = useQuery({
    ...trpc.analytics.readShareAnalytics.queryOptions({ share_id: shareId ?? "" }),
    enabled: shareId !== null,
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (shareId && !dialog.open) dialog.showModal();
    if (!shareId && dialog.open) dialog.close();
  }, [shareId]);

  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="analytics-drawer"
    >
      {shareId ? (
        <div className="drawer-inner">
          <div className="row-between">
            <h2 id={titleId}>{title}</h2>
            <Button size="sm" variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
          <QueryView query={analytics} loadingLabel="Loading views" errorTitle="Couldn't load views">
            {(data) => (
              <div className="stack">
                <dl className="drawer-totals">
                  <div>
                    <dt>Views</dt>
                    <dd data-testid="drawer-views">{data.views.toLocaleString()}</dd>
                  </div>
                  <div>
                    <dt>Unique visitors</dt>
                    <dd>{data.unique_visitors.toLocaleString()}</dd>
                  </div>
                  <div>
                    <dt>Bots &amp; previews</dt>
                    <dd>{data.bot_views.toLocaleString()}</dd>
                  </div>
                  <div>
                    <dt>Last viewed</dt>
                    <dd>{data.last_viewed_at ? formatLocal(data.last_viewed_at) : "Never opened"}</dd>
                  </div>
                </dl>
                <section>
                  <h3>Last 30 days</h3>
                  <DailyChart daily={data.daily} />
                </section>
                <section>
                  <h3>Top referrers</h3>
                  {data.referrers.length === 0 ? (
                    <p className="muted small">
                      No referrer yet: opened directly, from an app or a mail client.
                    </p>
                  ) : (
                    <ol className="referrers" data-testid="referrers">
                      {data.referrers.map((ref) => (
                        <li key={ref.host}>
                          <span className="referrer-host">{ref.host}</span>
                          <span className="muted">{ref.views.toLocaleString()}</span>
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
              </div>
            )}
          </QueryView>
          <section>
            <h3>Activity</h3>
            <Timeline shareId={shareId} />
          </section>
          <p className="muted small">
            Bots and link previews (Slack, Teams, WhatsApp, search engines) are counted apart, never as views.
            Counts arrive within about a second.
          </p>
        </div>
      ) : null}
    </dialog>
  );
}
