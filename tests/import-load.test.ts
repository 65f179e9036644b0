/**
 * The offline importer path (src/seed/import-dataset.ts, the launcher's import mode) against
 * the ordinary loader, on real Neo4j servers with throwaway stores: the same Dataset — a
 * small generated one, the real seeds, and rows with every awkward value (quotes, commas,
 * line breaks, empty strings and lists, integers, floats, booleans) — gives the identical
 * graph, down to each property's Neo4j type; a store that holds a database is refused
 * unchanged; a dataset the CSV cannot carry, or one the importer rejects, fails with a clear
 * message and leaves no database behind.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isInt, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateNegotiations } from '../bench/generate-dataset.ts';
import { applySchema } from '../src/db/apply-schema.ts';
import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { LocalImportError } from '../src/neo4j-local/run-local-import.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import type { Dataset, NodeRow, RelationshipRow } from '../src/seed/dataset.ts';
import { ImportCsvError } from '../src/seed/import-csv.ts';
import { importDataset } from '../src/seed/import-dataset.ts';
import { SeedFileSchema } from '../src/seed/seed-schema.ts';
import { validateDataset } from '../src/seed/validate-dataset.ts';
import { writeDataset } from '../src/seed/write-dataset.ts';
import { startOwnNeo4j, type OwnNeo4j } from './neo4j-context.ts';
import { prepareTestSeeds } from './seed-helpers.ts';

const PASSWORD = 'import-test-password';
let ordinary: OwnNeo4j;
let dataset: Dataset;
const stores: string[] = [];

/** Rows with the values a CSV field finds hardest, each a property of its declared type. */
function awkwardRows(): { nodes: NodeRow[]; relationships: RelationshipRow[] } {
  const prov = (quotes: string[], voices: string[]) => ({
    sourceIds: quotes.map(() => 'zz-r0'),
    quotes,
    voices,
    framings: voices.map(() => ''),
    origin: 'seeds',
  });
  const nasty = 'He said "no", then ""maybe"",\nand left; a,b \\ \' ; ‘curly’ — 数字 🙂 ';
  return {
    nodes: [
      {
        label: 'Source',
        id: 'zz-r0',
        props: {
          id: 'zz-r0',
          file: 'zz.txt',
          originNote: '',
          title: '"quoted"',
          ...prov(['Report zero says.'], ['']),
        },
      },
      {
        label: 'Actor',
        id: 'zz-a0',
        props: {
          id: 'zz-a0',
          name: nasty,
          kind: 'state',
          aliases: [],
          ...prov([nasty, '', '"', ','], ['', '', 'x', '']),
        },
      },
      {
        label: 'Actor',
        id: 'zz-a1',
        props: { id: 'zz-a1', name: 'One', kind: 'person', aliases: [''], ...prov(['q'], ['']) },
      },
      {
        label: 'Incident',
        id: 'zz-i0',
        props: {
          id: 'zz-i0',
          summary: '\r\n',
          kind: 'shelling',
          killed: 0,
          wounded: -3,
          ratio: 0.1,
          big: 2 ** 53 + 1e6,
          confirmed: false,
          ...prov(['a', 'b'], ['', '']),
          quoteStarts: [1, 2],
          quoteEnds: [],
        },
      },
    ],
    relationships: [
      {
        type: 'BLAMED_FOR',
        id: 'zz-a0-BLAMED_FOR-zz-i0',
        from: 'zz-a0',
        to: 'zz-i0',
        props: { id: 'zz-a0-BLAMED_FOR-zz-i0', blamedBy: 'zz-a1', ...prov([nasty], ['']) },
      },
      {
        type: 'REPORTED_BY',
        id: 'zz-a0-REPORTED_BY-zz-r0',
        from: 'zz-a0',
        to: 'zz-r0',
        props: { id: 'zz-a0-REPORTED_BY-zz-r0', ...prov([], []) },
      },
    ],
  };
}

/**
 * Every node with its labels and properties, every relationship with its type, ends and
 * properties — each property with its Neo4j type (valueType) — sorted: two graphs are
 * identical when their dumps are equal.
 */
async function canonicalDump(driver: Driver): Promise<string[]> {
  const nodes = await driver.executeQuery(
    `MATCH (n) RETURN [l IN labels(n) | l] AS labels,
       [k IN keys(n) | [k, valueType(n[k])]] AS props, properties(n) AS values`,
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b,
       [k IN keys(r) | [k, valueType(r[k])]] AS types, properties(r) AS values`,
  );
  const sorted = (v: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(v)
        .sort()
        .map((k) => [k, v[k]]),
      (_, x: unknown) => (isInt(x) ? `int:${x.toString()}` : x),
    );
  return [
    ...nodes.records.map(
      (r) =>
        `N ${JSON.stringify((r.get('labels') as string[]).sort())} ${JSON.stringify(
          (r.get('props') as string[][]).map(([k, t]) => [k, t]).sort(),
        )} ${sorted(r.get('values') as Record<string, unknown>)}`,
    ),
    ...rels.records.map(
      (r) =>
        `R ${r.get('type') as string} ${r.get('a') as string} ${r.get('b') as string} ${JSON.stringify(
          (r.get('types') as string[][]).sort(),
        )} ${sorted(r.get('values') as Record<string, unknown>)}`,
    ),
  ].sort();
}

const newStore = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'import-test-store-'));
  stores.push(dir);
  return dir;
};

const hasDatabase = async (store: string) => {
  const dir = path.join(store, 'data', 'databases', 'neo4j');
  return existsSync(dir) && (await readdir(dir)).length > 0;
};

beforeAll(async () => {
  const generated = await validateDataset(
    [{ file: 'synthetic', data: SeedFileSchema.parse(generateNegotiations(3)) }],
    undefined,
  );
  const seeds = await prepareTestSeeds();
  const awkward = awkwardRows();
  dataset = {
    ...generated,
    nodes: [...generated.nodes, ...seeds.nodes, ...awkward.nodes],
    relationships: [...generated.relationships, ...seeds.relationships, ...awkward.relationships],
  };
  ordinary = await startOwnNeo4j('import-ordinary');
});

afterAll(async () => {
  await ordinary?.stop();
  for (const dir of stores) await rm(dir, { recursive: true, force: true });
});

// Two servers and an importer JVM on a shared 2-core machine: minutes.
describe('offline import', { timeout: 600_000 }, () => {
  let imported: LocalNeo4j | undefined;
  let importedStore: string;
  let importedDriver: Driver;

  afterAll(async () => {
    await importedDriver?.close();
    await imported?.stop();
  });

  it('gives the graph the ordinary loader gives, every property with its Neo4j type', async () => {
    await writeDataset(dataset, { driver: ordinary.driver, database: undefined });
    const expected = await canonicalDump(ordinary.driver);
    expect(expected.length).toBe(dataset.nodes.length + dataset.relationships.length);

    importedStore = await newStore();
    const lines: string[] = [];
    const summary = await importDataset(dataset, {
      storeDir: importedStore,
      heap: '512m',
      log: (l) => lines.push(l),
    });
    expect(summary.csv.multilineFields).toBe(true);
    expect(summary.imported).toMatchObject({
      nodes: dataset.nodes.length,
      relationships: dataset.relationships.length,
    });
    expect(lines.some((l) => /^Import: wrote \d+ CSV files/.test(l))).toBe(true);
    imported = await startLocalNeo4j({
      storeDir: importedStore,
      port: await freePort(),
      password: PASSWORD,
      heap: '512m',
      pagecache: '128m',
      log: () => undefined,
    });
    importedDriver = createDriver({
      uri: imported.uri,
      user: 'neo4j',
      password: PASSWORD,
      database: undefined,
    });
    await applySchema(importedDriver, undefined);
    const actual = await canonicalDump(importedDriver);
    expect(actual.length).toBe(expected.length);
    // Compared line by line first, so a difference names the element.
    const missing = expected.filter((l) => !actual.includes(l));
    expect(missing.slice(0, 3)).toEqual([]);
    expect(actual).toEqual(expected);
    // The reserved list columns are not stored, not even as property keys.
    const keys = await importedDriver.executeQuery(
      'CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys',
    );
    expect(keys.records[0]!.get('keys')).not.toContain('__emptyLists');
    // The schema applies on the imported graph as on the ordinary one.
    const indexes = async (d: Driver) =>
      (
        await d.executeQuery(
          'SHOW INDEXES YIELD name, state, createStatement RETURN name, state, createStatement ORDER BY name',
        )
      ).records.map((r) => r.toObject());
    expect(await indexes(importedDriver)).toEqual(await indexes(ordinary.driver));
  });

  it('refuses a store that already holds a database and changes nothing', async () => {
    const before = await canonicalDump(importedDriver);
    await expect(importDataset(dataset, { storeDir: importedStore, heap: '256m' })).rejects.toThrow(
      /refused: the store .* already holds a 'neo4j' database.*Nothing was changed/,
    );
    expect(await canonicalDump(importedDriver)).toEqual(before);
  });

  it('refuses a dataset the CSV cannot carry before importing anything', async () => {
    const store = await newStore();
    const bad: Dataset = {
      ...dataset,
      nodes: dataset.nodes.map((n, i) =>
        i === 5 ? { ...n, props: { ...n.props, quotes: ['a\u001fb'] } } : n,
      ),
    };
    const err: unknown = await importDataset(bad, { storeDir: store }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportCsvError);
    expect((err as Error).message).toContain(`'${dataset.nodes[5]!.id}': property 'quotes'`);
    expect(await hasDatabase(store)).toBe(false);
  });

  it('fails clearly on a relationship to a missing node and leaves no database', async () => {
    const store = await newStore();
    const bad: Dataset = {
      ...dataset,
      relationships: [
        ...dataset.relationships,
        { ...dataset.relationships[0]!, id: 'x-FOLLOWED-y', to: 'no-such-node' },
      ],
    };
    const err: unknown = await importDataset(bad, { storeDir: store, heap: '256m' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LocalImportError);
    expect((err as Error).message).toMatch(/no-such-node/);
    expect(await hasDatabase(store)).toBe(false);
    expect(existsSync(path.join(store, 'data', 'transactions', 'neo4j'))).toBe(false);
  });
});

describe('npm run seed -- --import', () => {
  const seed = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/seed/cli.ts', '--import'], {
      // Only what the case sets: a NEO4J_URI of the test run's own must not leak in.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NEO4J_URI')),
        ...env,
      },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
    );

  it('refuses when NEO4J_URI is set: it loads only the local launcher’s store', async () => {
    const store = await newStore();
    const result = await seed({
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_PASSWORD: 'some-password',
      NEO4J_LOCAL_DIR: store,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Refused: --import loads the local launcher's store .*NEO4J_URI is set/,
    );
    expect(await readdir(store)).toEqual([]);
  });

  it('refuses a local store that already holds a database, changing nothing', async () => {
    const store = await newStore();
    const database = path.join(store, 'data', 'databases', 'neo4j');
    await mkdir(database, { recursive: true });
    await writeFile(path.join(database, 'neostore'), 'kept');
    const result = await seed({ NEO4J_LOCAL_DIR: store });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Refused: the local store ${store} already holds a neo4j database`,
    );
    expect(await readdir(database)).toEqual(['neostore']);
  });
});
