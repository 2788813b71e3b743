import type { ResourceRef, Share } from "../shares/share";
import { buildActor, buildBrand } from "./fixtures";
import { createInMemoryShareRepository } from "./in-memory-share-repository";
import { createSeededRandom } from "./seeded-random";

// Fixtures shared by in-memory-share-repository.test.ts and in-memory-share-repository.queries.test.ts.

export const ids = createSeededRandom(99);
export const acme = buildBrand({ name: "Acme", whiteLabel: { primary_color: "#112233" } });
export const globex = buildBrand({ name: "Globex" });
export const alice = buildActor(acme);
export const bob = buildActor(acme);
export const report: ResourceRef = { type: "report", id: ids.uuid() };
export const otherReport: ResourceRef = { type: "report", id: ids.uuid() };
export const at = (iso: string) => new Date(iso);

export const setup = () => createInMemoryShareRepository({ brands: [acme, globex] });

export const insertAll = (repo: ReturnType<typeof setup>, shares: Share[]) =>
  repo.transaction(async (tx) => {
    for (const share of shares) {
      await tx.lockResource(share.resource);
      await tx.insert(share);
    }
  });
