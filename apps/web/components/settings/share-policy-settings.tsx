"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { useMe } from "../app-shell";
import { PageHeader, QueryView } from "../ui";
import { SharePolicyForm } from "./share-policy-form";

/** Settings > Link policy: the brand's expiry and password rules for share links. */
export function SharePolicySettings() {
  const trpc = useTRPC();
  const brand = useQuery(trpc.brand.getBrand.queryOptions());
  const me = useMe();

  return (
    <>
      <PageHeader
        title="Link policy"
        description="Rules every share link in your brand follows: how long links last by default, the longest they may last, and whether they need a password. Existing links keep their expiry."
      />
      <section className="panel panel-pad" aria-label="Link policy">
        <QueryView
          query={brand}
          loadingLabel="Loading the link policy"
          loadingLines={4}
          errorTitle="Couldn't load the link policy"
        >
          {(data) =>
            me.data ? (
              // Keyed by the saved policy: after a save the form starts from what the server stored.
              <SharePolicyForm
                key={JSON.stringify(data.share_policy)}
                policy={data.share_policy}
                canEdit={me.data.user.role === "manager"}
              />
            ) : null
          }
        </QueryView>
      </section>
    </>
  );
}
