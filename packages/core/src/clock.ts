/** Port: where "now" comes from, so expiry rules can be tested at the millisecond. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
