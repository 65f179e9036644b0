/**
 * Opens the graph the configuration names. For a remote server it only connects. For the
 * local default it reuses this project's local Neo4j already listening on NEO4J_LOCAL_PORT
 * with the same store (e.g. from `npm run neo4j:start`), refuses when anything else listens
 * there (find-own-server.ts), or starts one and owns it: `close()` then stops it too.
 */
import type { Driver } from 'neo4j-driver';

import type { Config } from '../config/config.ts';
import {
  foreignServerMessage,
  isPortOpen,
  ownLauncherPid,
} from '../neo4j-local/find-own-server.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/start-local-neo4j.ts';
import { createDriver, type Neo4jConnection } from './create-driver.ts';
import { waitForNeo4j } from './wait-for-neo4j.ts';

export interface GraphConnection {
  driver: Driver;
  connection: Neo4jConnection;
  /** True when this process started the Neo4j server it uses. */
  startedLocalServer: boolean;
  close(): Promise<void>;
}

export async function connectGraph(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<GraphConnection> {
  const target = config.neo4j;
  if (target.kind === 'remote') {
    const connection = {
      uri: target.uri,
      user: target.user,
      password: target.password,
      database: config.database,
    };
    const driver = createDriver(connection);
    try {
      await waitForNeo4j(driver, target.uri, 30_000);
    } catch (err) {
      await driver.close();
      throw err;
    }
    return { driver, connection, startedLocalServer: false, close: () => driver.close() };
  }

  const uri = `bolt://127.0.0.1:${target.port}`;
  const connection = { uri, user: 'neo4j', password: target.password, database: config.database };
  let local: LocalNeo4j | undefined;
  if (await isPortOpen(target.port)) {
    const pid = await ownLauncherPid(target.storeDir, target.port);
    if (pid === undefined) throw new Error(foreignServerMessage(target.port, target.storeDir));
    log(
      `Using this project's Neo4j already running at ${uri} (pid ${pid}, store ${target.storeDir})`,
    );
  } else {
    log(`Starting the local Neo4j on ${uri} (store ${target.storeDir})…`);
    const started = Date.now();
    local = await startLocalNeo4j({ ...target, log });
    log(`Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const driver = createDriver(connection);
  try {
    await waitForNeo4j(driver, uri, 30_000);
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw err;
  }
  return {
    driver,
    connection,
    startedLocalServer: local !== undefined,
    async close() {
      await driver.close();
      await local?.stop();
    },
  };
}
