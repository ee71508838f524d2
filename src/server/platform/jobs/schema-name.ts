/**
 * pg-boss's own schema. pg-boss creates and migrates it at start (not our migrations); it holds the job table, never
 * a municipality's data, and makes a table per queue as queues appear. So it stays outside the municipality-keyed
 * schema: the schema catalog and the Citus statements leave it out, and on a distributed database it stays on the
 * coordinator (docs/scale.md).
 */
export const JOB_SCHEMA = "pgboss";
