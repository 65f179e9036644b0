/**
 * The project's API as its own process, for the benchmark (so its memory can be measured);
 * run compiled (dist/bench/serve-ours.js), as npm start runs the server.
 */
import { createServer } from 'node:http';

import { createDriver } from '../src/db/create-driver.ts';
import { createRequestListener } from '../src/server/create-request-listener.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { readOperationsFile } from '../src/server/operation-log.ts';

const driver = createDriver({
  uri: process.env.NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: undefined,
});
const yoga = createGraphYoga({
  driver,
  database: undefined,
  logging: false,
  // The clients' known queries (run-bench.ts writes the questions), as WARM_UP_OPERATIONS.
  warmUpOperations: process.env.WARM_UP_OPERATIONS
    ? await readOperationsFile(process.env.WARM_UP_OPERATIONS)
    : [],
  onWarmedUp: (w) =>
    console.error(
      `serve-ours: warmed up ${w.queries} shapes in ${w.ms} ms${w.stopped.length ? ` (stopped at the warm-up timeout: ${w.stopped.join(', ')})` : ''}${w.failed ? ` (${w.failed} failed: ${w.failures.join('; ')})` : ''}`,
    ),
});
const server = createServer(createRequestListener(yoga));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
