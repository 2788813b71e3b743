import PgBoss from "pg-boss";

/** pg-boss keeps its tables here; the migrations create it, the app only reads and writes rows. */
export const JOB_QUEUE_SCHEMA = "pgboss";

/**
 * Splits SQL text into statements at top-level semicolons: not inside quotes,
 * identifiers, comments or dollar-quoted bodies (pg-boss's plpgsql functions).
 */
export const splitStatements = (text: string): string[] => {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      i = end === -1 ? text.length : end + 1;
    } else if (ch === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end + 1;
    } else if (ch === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end === -1 ? text.length : end + tag.length;
      } else i += 1;
    } else if (ch === ";") {
      statements.push(text.slice(start, i));
      start = i + 1;
      i += 1;
    } else i += 1;
  }
  statements.push(text.slice(start));
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
};

/**
 * What pg-boss needs to run before its first start, as separate statements for
 * a migration file: its construction plan without the transaction, lock and
 * timeout lines pg-boss wraps it in (a migration already runs in one
 * transaction under the migration lock).
 */
export const jobQueueInstallStatements = (schema = JOB_QUEUE_SCHEMA): string[] =>
  splitStatements(PgBoss.getConstructionPlans(schema)).filter(
    (statement) => !/^(BEGIN|COMMIT|SET LOCAL\b|SELECT pg_advisory_xact_lock\()/i.test(statement),
  );

/** The schema version this pg-boss release expects (its `version` table must hold it). */
export const jobQueueSchemaVersion = (): number => {
  const plan = PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA);
  const version = /INSERT INTO \w+\.version\(version\) VALUES \('?(\d+)'?\)/i.exec(plan)?.[1];
  if (!version) throw new Error("pg-boss construction plan names no schema version");
  return Number(version);
};

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The statement a migration runs to create one queue (pg-boss's own function; a no-op when it exists). */
export const createQueueStatement = (name: string, options: object, schema = JOB_QUEUE_SCHEMA): string =>
  `SELECT ${schema}.create_queue(${quote(name)}, ${quote(JSON.stringify(options))})`;
