const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are uuid columns: comparing one with a malformed string is a Postgres
 * error (22P02), not "no row". Lookups check first and simply find nothing.
 */
export const isUuid = (value: string) => UUID.test(value);
