/**
 * `npm start`: the main job. Binds the HTTP port first (a busy port stops it before anything
 * else), then connects to (or starts) Neo4j while it validates the seed files, applies
 * cypher/schema.cypher, loads the seed graph, and serves GraphQL until SIGINT/SIGTERM, which
 * stop everything it started.
 */
import { ConfigError, loadConfig } from './config/config.ts';
import { applySchema } from './db/apply-schema.ts';
import { connectGraph, type GraphConnection } from './db/connect-graph.ts';
import { DatabaseHealth } from './db/database-health.ts';
import { findReportsDir, loadSeedsFromDisk, prepareSeeds } from './seed/load-seeds-from-disk.ts';
import { bindHttpPort } from './server/bind-http-port.ts';
import { ensureExplorerBuilt } from './server/build-explorer.ts';
import { createRequestListener } from './server/create-request-listener.ts';
import { createGraphYoga, WARM_QUERY_TIMEOUT_MS } from './server/create-yoga.ts';
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

  // The seed files are read and validated while Neo4j starts (they need no database); an
  // invalid file stops the start before the schema or any seed is written.
  const seeds = config.loadSeeds ? prepareSeeds({ log: log('seeds') }) : undefined;
  const [connected, validated] = await Promise.allSettled([
    connectGraph(config, log('neo4j')),
    seeds,
  ]);
  if (connected.status === 'rejected') throw connected.reason;
  const graph = connected.value;
  graphRef.current = graph;
  const { driver, connection } = graph;
  try {
    if (validated.status === 'rejected') throw validated.reason;
    const statements = await applySchema(driver, connection.database);
    log('neo4j')(
      `Schema applied (${statements} constraints and indexes from cypher/schema.cypher)`,
    );
    if (validated.value) {
      await loadSeedsFromDisk({
        driver,
        database: connection.database,
        dataset: validated.value,
        log: log('seeds'),
      });
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
  const warmUpOperations = operationsFile ? await readOperationsFile(operationsFile) : [];
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
    rememberedOperations: operationLog.top(max),
    warmUpBudgetMs: config.warmUp.budgetMs,
    ...(logFile ? { operationLog } : {}),
    logger: logger.child({ component: 'http' }),
    onWarmedUp: (w) =>
      warmedUp(
        `Warmed up: ${w.queries} query shapes in ${(w.ms / 1000).toFixed(1)} s (slowest: ${w.slowest.join(', ')})${w.stopped.length ? `; stopped at the warm-up's ${WARM_QUERY_TIMEOUT_MS / 1000} s limit, planned all the same: ${w.stopped.join(', ')}` : ''}${w.failed ? ` (${w.failed} failed: ${w.failures.join('; ')})` : ''}${w.deferred.length ? `; ${w.deferred.length} remembered operations past WARM_UP_BUDGET_MS are warmed after ready` : ''}`,
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
