/**
 * `npm run seed -- --import`: the seeds into a NEW local store (the launcher's, never a
 * server named by NEO4J_URI) through Neo4j's offline importer, then the server started once
 * on it to build the schema and record the load, and stopped again.
 *
 * Contract:
 * - refuses, changing nothing, when the local Neo4j runs on the store or the store already
 *   holds a `neo4j` database (`ImportRefusedError`, saying what to do instead);
 * - afterwards the store holds what `npm run seed` makes in an empty store: the seed graph,
 *   the schema (cypher/schema.cypher) and the seed load's Edit — `npm start` then finds the
 *   seeds unchanged;
 * - a failure leaves no `neo4j` database in the store (import-dataset.ts).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

import type { Neo4jTarget } from '../config/config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { createDriver } from '../db/create-driver.ts';
import { ownLauncherPid } from '../neo4j-local/find-own-server.ts';
import { startLocalNeo4j } from '../neo4j-local/start-local-neo4j.ts';
import { recordSeedLoad } from '../write/record-seed-load.ts';
import type { Dataset } from './dataset.ts';
import { importDataset } from './import-dataset.ts';

/** The import was refused before anything was written. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

type LocalTarget = Extract<Neo4jTarget, { kind: 'local' }>;

/** Throws ImportRefusedError unless `local`'s store can take an offline import. */
export async function checkNewLocalStore(local: LocalTarget): Promise<void> {
  if ((await ownLauncherPid(local.storeDir, local.port)) !== undefined)
    throw new ImportRefusedError(
      `Refused: the local Neo4j is running on ${local.storeDir}; nothing was changed. The offline import only loads a new store: stop it (npm run neo4j:stop) and use a new NEO4J_LOCAL_DIR, or load into the running server with npm run seed.`,
    );
  const database = path.join(local.storeDir, 'data', 'databases', 'neo4j');
  if (existsSync(database) && (await readdir(database)).length > 0)
    throw new ImportRefusedError(
      `Refused: the local store ${local.storeDir} already holds a neo4j database; nothing was changed. The offline import only loads a new store: set NEO4J_LOCAL_DIR to a new directory (or move this one away), or update this store with npm run seed.`,
    );
}

export async function importIntoNewLocalStore(
  local: LocalTarget,
  dataset: Dataset,
  log: (line: string) => void = console.log,
): Promise<void> {
  await checkNewLocalStore(local);
  const started = performance.now();
  await importDataset(dataset, { storeDir: local.storeDir, log });
  log('Import: starting Neo4j on the imported store to build the schema');
  const server = await startLocalNeo4j({ ...local, log });
  const driver = createDriver({
    uri: server.uri,
    user: 'neo4j',
    password: local.password,
    database: undefined,
  });
  try {
    await applySchema(driver, undefined);
    const created = (n: number) => ({ created: n, updated: 0, unchanged: 0, deleted: 0 });
    await recordSeedLoad(driver, undefined, dataset, {
      nodes: created(dataset.nodes.length),
      relationships: created(dataset.relationships.length),
      written: {},
      dryRun: false,
    });
    log(
      `Seeds: imported into ${local.storeDir} with the schema online in ${((performance.now() - started) / 1000).toFixed(1)} s: ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships. npm start serves it.`,
    );
  } finally {
    await driver.close();
    await server.stop();
  }
}
