import { createIsolatedTestDatabase } from '@cs/db';
import { describeWithInfra, testDatabaseUrl } from '@cs/testing';
import { opsQueriesConformance } from './testing/ops-queries.conformance';

describeWithInfra(['postgres'], 'ops queries on PostgreSQL (seeded dataset with known answers)', () => {
  opsQueriesConformance(() => createIsolatedTestDatabase({ url: testDatabaseUrl()! }));
});
