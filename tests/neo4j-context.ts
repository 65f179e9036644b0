/** The Neo4j every test file shares (see global-setup.ts), and helpers to use it. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';

import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A driver for the test Neo4j, closed after the file's tests. */
export function useTestDriver(): { driver: Driver; database: string | undefined } {
  const neo = testNeo4j();
  const driver = createDriver(neo);
  afterAll(() => driver.close());
  return { driver, database: neo.database };
}

/** A Neo4j of one test file's own (for tests that stop or empty it), with the project schema. */
export interface OwnNeo4j {
  neo: LocalNeo4j;
  driver: Driver;
  /** Closes the driver, stops the server and removes its throwaway store. */
  stop(): Promise<void>;
}

/** Starts a throwaway Neo4j on a free port, connects, and applies cypher/schema.cypher. */
export async function startOwnNeo4j(name: string, pagecache = '128m'): Promise<OwnNeo4j> {
  const storeDir = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  const password = `${name}-password`;
  const neo = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password,
    heap: '512m',
    pagecache,
    log: () => undefined,
  });
  const driver = createDriver({ uri: neo.uri, user: 'neo4j', password, database: undefined });
  await applySchema(driver, undefined);
  return {
    neo,
    driver,
    async stop() {
      await driver.close().catch(() => undefined);
      await neo.stop();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}
