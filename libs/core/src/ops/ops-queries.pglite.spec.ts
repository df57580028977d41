import { createIsolatedTestDatabase } from '@cs/db';
import { opsQueriesConformance } from './testing/ops-queries.conformance';

describe('ops queries on PGlite (seeded dataset with known answers)', () => {
  opsQueriesConformance(() => createIsolatedTestDatabase());
});
