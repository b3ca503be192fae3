/**
 * Test support: runs one `startServer` in its own OS process (for the scale-out and crash tests).
 * Configured by environment: ATTUNE_TEST_PG_URL + ATTUNE_TEST_PG_SCHEMA, or ATTUNE_TEST_DATA_DIR; prints
 * `READY <port>` when listening.
 */
import { startServer } from '../start-server.ts';
import { testAnalyzer } from './test-analyzer.ts';

const url = process.env['ATTUNE_TEST_PG_URL'];
const schema = process.env['ATTUNE_TEST_PG_SCHEMA'];
const dataDir = process.env['ATTUNE_TEST_DATA_DIR'];
const server = await startServer({
  database:
    url !== undefined && schema !== undefined
      ? { kind: 'postgres', url, schema }
      : { kind: 'embedded', ...(dataDir === undefined ? {} : { dataDir }) },
  analyzer: await testAnalyzer(),
  port: 0,
});
process.stdout.write(`READY ${server.port}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
