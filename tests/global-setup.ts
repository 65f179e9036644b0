/**
 * Starts one real Neo4j for the whole run: the local launcher on a free port with a
 * throwaway store, or the server named by NEO4J_URI (with NEO4J_USER / NEO4J_PASSWORD).
 * Tests read the connection with `inject('neo4j')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { TestProject } from 'vitest/node';

import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import type { TestNeo4j } from './neo4j-context.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    const remote: TestNeo4j = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE,
    };
    await withDriver(remote, (driver) => applySchema(driver, remote.database));
    project.provide('neo4j', remote);
    return () => Promise.resolve();
  }
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'negotiation-graph-test-'));
  const password = 'test-password';
  const started = Date.now();
  const server = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password,
    heap: '1g',
    pagecache: '256m',
    log: (line) => console.log(line),
  });
  console.log(
    `Test Neo4j ready at ${server.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const local: TestNeo4j = { uri: server.uri, user: 'neo4j', password, database: undefined };
  await withDriver(local, (driver) => applySchema(driver, undefined));
  project.provide('neo4j', local);
  return async () => {
    await server.stop();
    await rm(storeDir, { recursive: true, force: true });
  };
}

/** The schema (constraints, full-text index) is part of what tests run against. */
async function withDriver(
  neo: TestNeo4j,
  work: (driver: Driver) => Promise<unknown>,
): Promise<void> {
  const driver = createDriver(neo);
  try {
    await work(driver);
  } finally {
    await driver.close();
  }
}
