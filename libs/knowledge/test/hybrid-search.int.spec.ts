import { createIsolatedTestDatabase } from '@cs/db';
import { describeWithInfra, testDatabaseUrl } from '@cs/testing';
import { hybridSearchConformance } from './hybrid-search.conformance';

describeWithInfra(['postgres'], 'hybrid knowledge search on PostgreSQL + pgvector', () => {
  hybridSearchConformance(() => createIsolatedTestDatabase({ url: testDatabaseUrl() }));
});
