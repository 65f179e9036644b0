/**
 * `npm start`: the main job. Binds the HTTP port first (a busy port stops it before anything
 * else), then connects to (or starts) Neo4j, applies cypher/schema.cypher,
 * loads the seed graph, and serves GraphQL until SIGINT/SIGTERM, which stop everything it
 * started.
 */
import { ConfigError, loadConfig } from './config/config.ts';
import { applySchema } from './db/apply-schema.ts';
import { connectGraph, type GraphConnection } from './db/connect-graph.ts';
import { DatabaseHealth } from './db/database-health.ts';
import { findReportsDir, loadSeedsFromDisk } from './seed/load-seeds-from-disk.ts';
import { bindHttpPort } from './server/bind-http-port.ts';
import { ensureExplorerBuilt } from './server/build-explorer.ts';
import { createRequestListener } from './server/create-request-listener.ts';
import { createGraphYoga } from './server/create-yoga.ts';
import { OperationLog, readOperationsFile } from './server/operation-log.ts';
import { runMain } from './cli/run-main.ts';
import { createLogger, lineLogger } from './log/logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.log);
  const log = (component: string) => lineLogger(logger.child({ component }));
  const graphRef: { current?: GraphConnection } = {};
  const healthRef: { current?: DatabaseHealth } = {};
  let shuttingDown = false;
  let saveOperations = (): Promise<void> => Promise.resolve();
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('Stopping…');
    // First, so that Neo4j going away (it gets the same Ctrl-C) is not logged as an outage.
    healthRef.current?.stop();
    await saveOperations().catch(() => undefined);
    server.close();
    server.closeAllConnections();
    await graphRef.current?.close();
    process.exit(code);
  };
  const bound = await bindHttpPort(config.http.host, config.http.port);
  const server = bound.server;
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  const graph = await connectGraph(config, log('neo4j'));
  graphRef.current = graph;
  const { driver, connection } = graph;
  try {
    const statements = await applySchema(driver, connection.database);
    log('neo4j')(
      `Schema applied (${statements} constraints and indexes from cypher/schema.cypher)`,
    );
    if (config.loadSeeds) {
      await loadSeedsFromDisk({ driver, database: connection.database, log: log('seeds') });
    } else {
      log('seeds')('LOAD_SEEDS=false: seeds not loaded');
    }
  } catch (err) {
    await graph.close();
    throw err;
  }

  await ensureExplorerBuilt(log('explorer'));
  // The queries clients asked before (and the operator's list) are warmed up with the root
  // fields; those asked from now on are remembered for the next start.
  const operationLog = new OperationLog();
  const { logFile, max, operationsFile } = config.warmUp;
  if (logFile) {
    await operationLog
      .load(logFile)
      .catch((err: Error) =>
        log('http')(`Warm-up log not read (${err.message}); starting a new one`),
      );
    saveOperations = async () => {
      if (await operationLog.save(logFile))
        logger.debug({ component: 'http' }, 'Warm-up log saved');
    };
    setInterval(() => void saveOperations().catch(() => undefined), 60_000).unref();
  }
  const warmUpOperations = [
    ...operationLog.top(max),
    ...(operationsFile ? await readOperationsFile(operationsFile) : []),
  ];
  // Warm start: /ready answers 503 until every root field has been asked once; the banner
  // below is printed once ready.
  let warmedUp!: (line: string) => void;
  const warm = new Promise<string>((resolve) => (warmedUp = resolve));
  const health = new DatabaseHealth({
    driver,
    database: connection.database,
    log: lineLogger(logger.child({ component: 'health' }), 'warn'),
  }).start();
  healthRef.current = health;
  const yoga = createGraphYoga({
    driver,
    database: connection.database,
    health,
    corsOrigins: config.http.corsOrigins,
    auth: config.auth,
    reportsDir: findReportsDir(),
    warmUpOperations,
    ...(logFile ? { operationLog } : {}),
    logger: logger.child({ component: 'http' }),
    onWarmedUp: (w) =>
      warmedUp(
        `Warmed up: ${w.queries} query shapes in ${(w.ms / 1000).toFixed(1)} s (slowest: ${w.slowest.join(', ')})${w.failed ? ` (${w.failed} failed: ${w.failures.join('; ')})` : ''}`,
      ),
  });
  bound.serve(createRequestListener(yoga));
  log('http')(await warm);
  const base = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${config.http.port}`;
  logger.info(
    { component: 'http' },
    [
      'Ready.',
      `  Explorer   ${base}/explorer/`,
      `  GraphQL    ${base}/graphql   (GraphiQL in a browser)`,
      `  Health     ${base}/health   Ready ${base}/ready`,
      `  Neo4j      ${connection.uri}  (user ${connection.user}${graph.startedLocalServer ? ', started by this process' : ''})`,
      '  Ctrl-C stops everything this process started.',
    ].join('\n'),
  );
}

runMain(main, (err) =>
  err instanceof ConfigError || err instanceof Error ? err.message : String(err),
);
