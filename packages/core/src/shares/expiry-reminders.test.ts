import { describe, expect, it } from "vitest";
import { createFakeClock } from "../testing/fake-clock";
import { dueExpiryReminder, type ExpiryReminderRecord } from "./expiry-reminders";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A link made at the clock's start for `days` days, and the scan's view of it as time passes. */
const link = (days: number) => {
  const clock = createFakeClock();
  const changedAt = clock.now();
  const expiresAt = new Date(changedAt.getTime() + days * DAY);
  let handled: ExpiryReminderRecord | null = null;
  return {
    clock,
    expiresAt,
    /** One scan tick: the decision, recorded as the scan records it. */
    tick() {
      const decision = dueExpiryReminder({ expiresAt, changedAt }, clock.now(), handled);
      if (decision) handled = { expiresAt, days: decision.days };
      return decision;
    },
    setHandled(record: ExpiryReminderRecord | null) {
      handled = record;
    },
  };
};

describe("dueExpiryReminder", () => {
  it("a 30-day link: nothing until 7 days are left, then the 7-day reminder once, then the 1-day one once", () => {
    const l = link(30);
    expect(l.tick()).toBeNull();
    l.clock.advance(23 * DAY - MINUTE);
    expect(l.tick()).toBeNull();
    l.clock.advance(MINUTE);
    expect(l.tick()).toEqual({ days: 7, send: true, daysLeft: 7 });
    l.clock.advance(MINUTE);
    expect(l.tick()).toBeNull();
    l.clock.advance(5 * DAY);
    expect(l.tick()).toBeNull();
    l.clock.advance(DAY - MINUTE);
    expect(l.tick()).toEqual({ days: 1, send: true, daysLeft: 1 });
    l.clock.advance(12 * 60 * MINUTE);
    expect(l.tick()).toBeNull();
  });

  it("days_left counts the days begun: just inside the 7-day mark it is 7", () => {
    const l = link(30);
    l.clock.advance(23 * DAY + 5 * MINUTE);
    expect(l.tick()?.daysLeft).toBe(7);
  });

  it("an expired link gets no reminder, even if none was sent", () => {
    const l = link(2);
    l.clock.advance(2 * DAY);
    expect(l.tick()).toBeNull();
    l.clock.advance(1);
    expect(l.tick()).toBeNull();
  });

  it("a scan that missed the 7-day mark until 1 day was left sends only the 1-day reminder", () => {
    const l = link(30);
    l.clock.advance(29 * DAY + 60 * MINUTE);
    expect(l.tick()).toEqual({ days: 1, send: true, daysLeft: 1 });
    expect(l.tick()).toBeNull();
  });

  it("a window the link was already inside when made is settled silently: a 3-day link gets the 1-day reminder only", () => {
    const l = link(3);
    expect(l.tick()).toEqual({ days: 7, send: false, daysLeft: 3 });
    expect(l.tick()).toBeNull();
    l.clock.advance(2 * DAY);
    expect(l.tick()).toEqual({ days: 1, send: true, daysLeft: 1 });
  });

  it("a 1-day link gets none; exactly 7 days is inside its own window (silent)", () => {
    const one = link(1);
    expect(one.tick()).toEqual({ days: 1, send: false, daysLeft: 1 });
    one.clock.advance(DAY / 2);
    expect(one.tick()).toBeNull();
    const seven = link(7);
    expect(seven.tick()).toEqual({ days: 7, send: false, daysLeft: 7 });
  });

  it("an extend re-arms both: what was handled for the old expires_at does not count", () => {
    const clock = createFakeClock();
    const oldExpiry = new Date(clock.now().getTime() + DAY / 2);
    const handled: ExpiryReminderRecord = { expiresAt: oldExpiry, days: 1 };
    // Extended now by 30 days: changed now, so nothing until the 7-day mark.
    const extended = { expiresAt: new Date(clock.now().getTime() + 30 * DAY), changedAt: clock.now() };
    expect(dueExpiryReminder(extended, clock.now(), handled)).toBeNull();
    clock.advance(23 * DAY);
    expect(dueExpiryReminder(extended, clock.now(), handled)).toEqual({ days: 7, send: true, daysLeft: 7 });
    // Handled for this expiry: done.
    expect(dueExpiryReminder(extended, clock.now(), { expiresAt: extended.expiresAt, days: 7 })).toBeNull();
  });

  it("after the 1-day reminder the 7-day one never comes for the same expiry", () => {
    const l = link(30);
    l.setHandled({ expiresAt: l.expiresAt, days: 1 });
    l.clock.advance(25 * DAY);
    expect(l.tick()).toBeNull();
  });
});
