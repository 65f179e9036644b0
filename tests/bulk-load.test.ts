/**
 * The bulk loader (src/seed/bulk-load.ts) on its own throwaway Neo4j (it needs an empty
 * database, and the shared test database holds the seeds): it makes the graph and schema
 * the ordinary loader makes, refuses a database that holds data, and leaves the database
 * empty (with its indexes) when a load fails.
 */
import type { Driver, Integer } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { generateNegotiations } from '../bench/generate-dataset.ts';
import { bulkLoad, DatabaseNotEmptyError } from '../src/seed/bulk-load.ts';
import type { Dataset } from '../src/seed/dataset.ts';
import { SeedFileSchema } from '../src/seed/seed-schema.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { writeDataset } from '../src/seed/write-dataset.ts';
import { startOwnNeo4j, type OwnNeo4j } from './neo4j-context.ts';
import { graphChecksum, graphCounts } from './seed-helpers.ts';

let own: OwnNeo4j;
let driver: Driver;
let dataset: Dataset;

beforeAll(async () => {
  own = await startOwnNeo4j('bulk-load-test');
  driver = own.driver;
  const parsed = SeedFileSchema.parse(generateNegotiations(6));
  dataset = await validateDataset([{ file: 'synthetic', data: parsed }], undefined);
});

afterAll(() => own?.stop());

const emptyDatabase = async () => {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS');
  } finally {
    await session.close();
  }
};

/** Every index with its definition and state (names, kinds, labels, properties, options). */
const schema = async () =>
  (
    await driver.executeQuery(
      'SHOW INDEXES YIELD name, type, state, createStatement RETURN name, type, state, createStatement ORDER BY name',
    )
  ).records.map((r) => r.toObject());

const nodeCount = async () =>
  (
    (await driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n') as Integer
  ).toNumber();

// Each test starts from an empty database, whatever the one before left.
beforeEach(() => emptyDatabase());

// Two loads of a few thousand rows on a fresh server: minutes on a loaded shared machine.
describe('bulk load', { timeout: 300_000 }, () => {
  it('makes the same nodes, relationships, properties and schema as the ordinary loader', async () => {
    const schemaBefore = await schema();
    await writeDataset(dataset, { driver, database: undefined });
    const ordinary = await graphChecksum(driver, undefined);
    const ordinaryCounts = await graphCounts(driver, undefined);
    await emptyDatabase();

    const lines: string[] = [];
    // Small batches, two in flight, progress on every batch: the paths a large load takes.
    const summary = await bulkLoad(dataset, {
      driver,
      database: undefined,
      batchSize: 97,
      concurrency: 2,
      progressEveryMs: 0,
      log: (line) => lines.push(line),
    });
    expect(summary.nodes).toBe(dataset.nodes.length);
    expect(summary.relationships).toBe(dataset.relationships.length);
    expect(summary.deferredIndexes).toEqual(expect.arrayContaining(['search', 'names']));
    expect(await graphCounts(driver, undefined)).toEqual(ordinaryCounts);
    expect(await graphChecksum(driver, undefined)).toBe(ordinary);
    expect(await schema()).toEqual(schemaBefore);
    expect(lines.some((l) => /\d+\/\d+ elements \(\d+ %/.test(l))).toBe(true);
    // The full-text index rebuilt after the load answers.
    const found = await driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('search', 'negotiation') YIELD node RETURN count(node) AS n",
    );
    expect((found.records[0]!.get('n') as Integer).toNumber()).toBeGreaterThan(0);
    await emptyDatabase();
  });

  it('refuses a database that holds a node and changes nothing', async () => {
    await driver.executeQuery("CREATE (:Unrelated {id: 'keep-me'})");
    const before = await graphChecksum(driver, undefined);
    const schemaBefore = await schema();
    await expect(bulkLoad(dataset, { driver, database: undefined })).rejects.toBeInstanceOf(
      DatabaseNotEmptyError,
    );
    expect(await graphChecksum(driver, undefined)).toBe(before);
    expect(await schema()).toEqual(schemaBefore);
    await emptyDatabase();
  });

  it('leaves the database empty, indexes restored, when a batch fails midway', async () => {
    const schemaBefore = await schema();
    // A relationship to a node that does not exist, after thousands of rows have committed.
    const broken: Dataset = {
      ...dataset,
      relationships: [
        ...dataset.relationships,
        { ...dataset.relationships[0]!, id: 'x-FOLLOWED-y', to: 'no-such-node' },
      ],
    };
    await expect(bulkLoad(broken, { driver, database: undefined, batchSize: 200 })).rejects.toThrow(
      /relationships/,
    );
    expect(await nodeCount()).toBe(0);
    expect(await schema()).toEqual(schemaBefore);
  });
});
