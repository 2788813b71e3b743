import { describe, expect, it } from "vitest";
import { type LagProbes, ReplicaFreshness, type ReplicaState } from "./replica-freshness";

/** A primary whose WAL moves when the test writes, a standby that replays when told. */
const servers = () => {
  let flushed = 1_000n;
  let replayed: bigint | null = 1_000n;
  let replicaUp = true;
  let primaryUp = true;
  let clock = 0;
  const probes: LagProbes = {
    primaryFlushLsn: async () => {
      if (!primaryUp) throw new Error("primary down");
      return flushed;
    },
    replicaReplayLsn: async () => {
      if (!replicaUp) throw new Error("connection refused");
      return replayed;
    },
  };
  return {
    probes,
    nowMs: () => clock,
    advance: (ms: number) => {
      clock += ms;
    },
    write: (bytes = 100n) => {
      flushed += bytes;
    },
    replayAll: () => {
      replayed = flushed;
    },
    notAStandby: () => {
      replayed = null;
    },
    setReplicaUp: (up: boolean) => {
      replicaUp = up;
    },
    setPrimaryUp: (up: boolean) => {
      primaryUp = up;
    },
  };
};

const watcher = (s: ReturnType<typeof servers>, changes: ReplicaState[] = []) =>
  new ReplicaFreshness(s.probes, {
    maxLagMs: 1_000,
    intervalMs: 250,
    nowMs: s.nowMs,
    onChange: (state) => changes.push(state),
  });

describe("ReplicaFreshness", () => {
  it("is not used before its first check proves anything", () => {
    const w = watcher(servers());
    expect(w.usable()).toBe(false);
    expect(w.state()).toMatchObject({ usable: false, reason: "starting" });
  });

  it("an idle primary with a caught-up standby is fresh however old its last transaction", async () => {
    const s = servers();
    const w = watcher(s);
    for (let i = 0; i < 100; i += 1) {
      s.advance(250);
      await w.check();
      expect(w.usable()).toBe(true);
    }
    expect(w.state()).toEqual({ usable: true, lagMs: 0 });
  });

  it("a standby that stops replaying ages out maxLagMs after the last WAL it is known to hold", async () => {
    const s = servers();
    const w = watcher(s);
    await w.check();
    s.write();
    for (const at of [250, 500, 750]) {
      s.advance(250);
      await w.check();
      expect(w.usable(), `at ${at} ms`).toBe(true);
    }
    s.advance(249);
    expect(w.usable()).toBe(true);
    s.advance(1);
    expect(w.usable()).toBe(false);
    expect(w.state()).toMatchObject({ usable: false, reason: "lagging", lagMs: 1_000 });
  });

  it("once the standby replays past a sample, it is fresh as of that sample's time", async () => {
    const s = servers();
    const w = watcher(s);
    await w.check();
    s.write();
    s.advance(250);
    await w.check(); // sample at 250 ms: the standby is behind it
    s.advance(2_000);
    expect(w.usable()).toBe(false);
    s.replayAll();
    await w.check(); // the sample just taken (2,250 ms) is now replayed
    expect(w.state()).toEqual({ usable: true, lagMs: 0 });
  });

  it("a failed read on the replica switches it off until a check succeeds", async () => {
    const s = servers();
    const changes: ReplicaState[] = [];
    const w = watcher(s, changes);
    await w.check();
    w.markDown();
    expect(w.usable()).toBe(false);
    s.advance(250);
    await w.check();
    expect(w.usable()).toBe(true);
    expect(changes.map((c) => c.usable)).toEqual([true, false, true]);
  });

  it("an unreachable replica is not used; nor is a server that is not a standby", async () => {
    const s = servers();
    const w = watcher(s);
    s.setReplicaUp(false);
    await w.check();
    expect(w.state()).toMatchObject({ usable: false, reason: "down" });
    s.setReplicaUp(true);
    s.notAStandby();
    await w.check();
    expect(w.state()).toMatchObject({ usable: false, reason: "not_a_standby" });
  });

  it("an unreachable primary proves nothing: the replica ages out instead of staying fresh", async () => {
    const s = servers();
    const w = watcher(s);
    await w.check();
    s.setPrimaryUp(false);
    s.advance(999);
    await w.check();
    expect(w.usable()).toBe(true);
    s.advance(1);
    expect(w.usable()).toBe(false);
  });

  it("start() checks on its own until stop()", async () => {
    const s = servers();
    const w = new ReplicaFreshness(s.probes, { maxLagMs: 1_000, intervalMs: 5 });
    w.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    w.stop();
    expect(w.usable()).toBe(true);
  });
});
