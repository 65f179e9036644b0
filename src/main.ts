/**
 * `npm start`: the main job. Connects to (or starts) Neo4j, applies cypher/schema.cypher,
 * loads the seed graph, and serves GraphQL until SIGINT/SIGTERM, which stop everything it
 * started.
 */
import { createServer } from 'node:http';

import { ConfigError, loadConfig } from './config/config.ts';
import { applySchema } from './db/apply-schema.ts';
import { connectGraph, type GraphConnection } from './db/connect-graph.ts';
import { loadSeedsFromDisk } from './seed/load-seeds-from-disk.ts';
import { ensureExplorerBuilt } from './server/build-explorer.ts';
import { createRequestListener } from './server/create-request-listener.ts';
import { createGraphYoga } from './server/create-yoga.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const graphRef: { current?: GraphConnection } = {};
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('Stopping…');
    server.close();
    server.closeAllConnections();
    await graphRef.current?.close();
    process.exit(code);
  };
  const server = createServer();
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const graph = await connectGraph(config);
  graphRef.current = graph;
  const { driver, connection } = graph;
  try {
    const statements = await applySchema(driver, connection.database);
    console.log(`Schema applied (${statements} constraints and indexes from cypher/schema.cypher)`);
    if (config.loadSeeds) {
      await loadSeedsFromDisk({ driver, database: connection.database, log: console.log });
    } else {
      console.log('LOAD_SEEDS=false: seeds not loaded');
    }
  } catch (err) {
    await graph.close();
    throw err;
  }

  await ensureExplorerBuilt();
  const yoga = createGraphYoga({ driver, database: connection.database, auth: config.auth });
  server.on('request', createRequestListener(yoga));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.http.port, config.http.host, resolve);
    });
  } catch (err) {
    await graph.close();
    throw new Error(
      `Cannot listen on ${config.http.host}:${config.http.port} (set PORT to another port): ${String(err)}`,
    );
  }
  const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  console.log(
    [
      '',
      `Explorer   ${base}/explorer/`,
      `GraphQL    ${base}/graphql   (GraphiQL in a browser)`,
      `Health     ${base}/health   Ready ${base}/ready`,
      `Neo4j      ${connection.uri}  (user ${connection.user}${graph.startedLocalServer ? ', started by this process' : ''})`,
      'Ctrl-C stops everything this process started.',
    ].join('\n'),
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
