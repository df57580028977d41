import { createIsolatedTestDatabase } from '@cs/db';
import { hybridSearchConformance } from './hybrid-search.conformance';

describe('hybrid knowledge search on PGlite', () => {
  hybridSearchConformance(() => createIsolatedTestDatabase());
});
