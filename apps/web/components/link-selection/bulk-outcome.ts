/** "1 link", "3 links". */
export const linksCount = (count: number) => `${count} link${count === 1 ? "" : "s"}`;

/** What a bulk revoke reports back: a toast for the revoked, a note for the rest (null when none). */
export const bulkRevokeOutcome = (results: ReadonlyArray<{ status: string }>) => {
  // The API names the outcome after its operation (cancelShares -> "cancelled"); the UI says revoked.
  const revoked = results.filter((result) => result.status === "cancelled").length;
  const refused = results.length - revoked;
  return {
    toast: `${linksCount(revoked)} revoked`,
    note:
      refused > 0
        ? `${linksCount(refused)} ${refused === 1 ? "was" : "were"} not revoked: already gone or not yours to revoke.`
        : null,
  };
};
