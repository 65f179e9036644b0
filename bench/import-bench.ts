/**
 * `node --max-old-space-size=12288 --import tsx bench/import-bench.ts [--nodes 1m] [--threads N]
 * [--heap 4g] [--keep-csv]`: the offline import path alone, on the benchmark's generated
 * dataset — from the Dataset in memory to a queryable database with its indexes online —
 * each phase timed: CSV writing, the importer (its JVM included), the server's start on the
 * imported store, applySchema (constraints and indexes built and online). Prints elements/s
 * over the four phases and the 1-minute load average before and after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { importDataset } from '../src/seed/import-dataset.ts';
import { SeedFileSchema } from '../src/seed/seed-schema.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { NODES_PER_NEGOTIATION, generateNegotiations } from './generate-dataset.ts';

const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '1m' },
    threads: { type: 'string' },
    heap: { type: 'string', default: '4g' },
    'import-heap': { type: 'string', default: '2g' },
    'keep-csv': { type: 'boolean', default: false },
  },
});
const size = Number(args.nodes.toLowerCase().replace('k', 'e3').replace('m', 'e6'));
const log = (line: string) =>
  console.log(`[import-bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  log(`load average (1, 5, 15 min) at the start: ${load()}`);
  const negotiations = Math.ceil(size / NODES_PER_NEGOTIATION);
  let t = performance.now();
  const parsed = SeedFileSchema.parse(generateNegotiations(negotiations));
  const dataset = await validateDataset([{ file: 'synthetic', data: parsed }], undefined);
  const elements = dataset.nodes.length + dataset.relationships.length;
  log(
    `generated and validated ${dataset.nodes.length} nodes, ${dataset.relationships.length} relationships (${elements} elements) in ${((performance.now() - t) / 1000).toFixed(1)} s (not counted)`,
  );
  const storeDir = await mkdtemp(path.join(os.tmpdir(), 'import-bench-'));
  const password = 'import-bench-password';
  const started = performance.now();
  const imported = await importDataset(dataset, {
    storeDir,
    heap: args['import-heap'],
    keepCsv: args['keep-csv'],
    ...(args.threads !== undefined ? { threads: Number(args.threads) } : {}),
    log,
  });
  t = performance.now();
  const server = await startLocalNeo4j({
    storeDir,
    port: await freePort(),
    password,
    heap: args.heap,
    pagecache: '2g',
    log: () => undefined,
  });
  const startS = (performance.now() - t) / 1000;
  log(`Neo4j started on the imported store in ${startS.toFixed(1)} s`);
  const driver = createDriver({ uri: server.uri, user: 'neo4j', password, database: undefined });
  try {
    t = performance.now();
    await applySchema(driver, undefined);
    const schemaS = (performance.now() - t) / 1000;
    log(`schema applied, indexes online in ${schemaS.toFixed(1)} s`);
    const totalS = (performance.now() - started) / 1000;
    const count = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS n');
    log(`queryable: ${String(count.records[0]!.get('n'))} Entity nodes`);
    log(
      `TOTAL ${elements} elements in ${totalS.toFixed(1)} s = ${Math.round(elements / totalS)} elements/s ` +
        `(CSV ${imported.csvS.toFixed(1)} s, import ${imported.importS.toFixed(1)} s, start ${startS.toFixed(1)} s, schema ${schemaS.toFixed(1)} s; ` +
        `CSV ${(imported.csv.bytes / 2 ** 20).toFixed(0)} MiB)`,
    );
    log(`load average (1, 5, 15 min) at the end: ${load()}`);
  } finally {
    await driver.close();
    await server.stop();
    await rm(storeDir, { recursive: true, force: true });
    if (args['keep-csv']) log(`CSV kept in ${imported.csv.dir}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
