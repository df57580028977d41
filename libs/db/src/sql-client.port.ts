/**
 * The database port is defined once, in @cs/ports (ports apart from adapters); this lib implements it with
 * node-postgres and PGlite and re-exports it so its callers need one import.
 */
export type { QueryResult, Queryable, SqlSession, SqlClient } from '@cs/ports';
