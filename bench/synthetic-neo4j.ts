/**
 * A throwaway local Neo4j holding the benchmark's synthetic graph, for the tools that study
 * one size at a time (profile-api.ts, cpu-split.ts): a fresh store in the temporary folder,
 * a free port, the schema, and `nodes` nodes of generated negotiations written by the
 * project's ordinary loader. `stop()` stops Neo4j and removes the store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { SeedFileSchema } from '../src/seed/seed-schema.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { writeDataset } from '../src/seed/write-dataset.ts';
import { generateNegotiations, NODES_PER_NEGOTIATION } from './generate-dataset.ts';

export interface SyntheticNeo4j {
  uri: string;
  password: string;
  driver: Driver;
  /** The environment a served API (serve-ours.js, serve-floor.js) needs to reach it. */
  env: { NEO4J_URI: string; NEO4J_USER: string; NEO4J_PASSWORD: string };
  /** The pid of Neo4j's JVM, to read its CPU time from /proc. */
  pid: number;
  stop(): Promise<void>;
}

export async function startSyntheticNeo4j(nodes: number): Promise<SyntheticNeo4j> {
  const password = 'bench-password';
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'bench-neo4j-'));
  const server = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password,
    heap: '2g',
    pagecache: '1g',
    // A shared machine under load can take minutes to start the JVM.
    startTimeoutMs: 900_000,
    log: () => undefined,
  });
  const driver = createDriver({ uri: server.uri, user: 'neo4j', password, database: undefined });
  const stop = async () => {
    await driver.close();
    await server.stop();
    await rm(storeDir, { recursive: true, force: true });
  };
  try {
    await applySchema(driver, undefined);
    const parsed = SeedFileSchema.parse(
      generateNegotiations(Math.ceil(nodes / NODES_PER_NEGOTIATION)),
    );
    await writeDataset(await validateDataset([{ file: 'synthetic', data: parsed }], undefined), {
      driver,
      database: undefined,
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    uri: server.uri,
    password,
    driver,
    env: { NEO4J_URI: server.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: password },
    pid: server.pid,
    stop,
  };
}
