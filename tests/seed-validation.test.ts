/**
 * Broken seed inputs: each is refused before anything is written, with a message naming
 * the file, the path inside it and what is wrong; the database is left exactly as it was.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultSeedsDir, loadSeedsFromDisk } from '../src/seed/load-seeds-from-disk.ts';
import { SeedValidationError } from '../src/seed/seed-error.ts';
import { useTestDriver } from './neo4j-context.ts';
import { graphChecksum, loadTestSeeds, reportsDir } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const dirs: string[] = [];

/** A copy of seeds/ with one file's text changed by `edit`. */
async function brokenSeeds(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broken-seeds-'));
  dirs.push(dir);
  const seedsDir = path.join(dir, 'seeds');
  await cp(defaultSeedsDir, seedsDir, { recursive: true });
  const target = path.join(seedsDir, file);
  const before = await readFile(target, 'utf8').catch(() => '');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  await writeFile(target, after);
  return seedsDir;
}

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const cases: { name: string; file: string; edit: (t: string) => string; message: RegExp }[] = [
  {
    name: 'a missing id',
    file: 'actors.yaml',
    edit: (t) =>
      t.replace('  - id: saudi-arabia\n    name: Saudi Arabia\n', '  - name: Saudi Arabia\n'),
    message: /seeds\/actors\.yaml: actors\[\d+\]\.id: .*(expected string|required)/i,
  },
  {
    name: 'a dangling reference',
    file: 'meetings.yaml',
    edit: (t) => t.replace('    from: oic\n', '    from: arab-league\n'),
    message:
      /seeds\/meetings\.yaml: relationships\[\d+\]\.from: dangling reference: no node has id 'arab-league'/,
  },
  {
    name: 'a reference to a node of the wrong label',
    file: 'meetings.yaml',
    edit: (t) => t.replace('    from: oic\n', '    from: report-004\n'),
    message: /relationships\[\d+\]\.from: 'report-004' is a Source, expected Actor/,
  },
  {
    name: 'a property its relationship type does not declare',
    file: 'incidents.yaml',
    edit: (t) =>
      t.replace(
        '  - type: OCCURRED_DURING\n    from: spin-boldak-shelling\n',
        '  - type: OCCURRED_DURING\n    from: spin-boldak-shelling\n    props: { role: party }\n',
      ),
    message:
      /seeds\/incidents\.yaml: relationships\[\d+\]\.props\.role: OCCURRED_DURING has no property 'role' \(it has: note, days\)/,
  },
  {
    name: 'a value of the wrong type',
    file: 'incidents.yaml',
    edit: (t) => t.replace('    killed: 5\n', '    killed: five\n'),
    message: /seeds\/incidents\.yaml: incidents\[0\]\.killed: .*expected (int|number)/i,
  },
  {
    name: 'a value outside the vocabulary',
    file: 'demands.yaml',
    edit: (t) => t.replace('    issue: refugees\n', '    issue: migration\n'),
    message: /seeds\/demands\.yaml: demands\[\d+\]\.issue: .*"refugees"/,
  },
  {
    name: 'an unknown report id',
    file: 'actors.yaml',
    edit: (t) =>
      t.replace(
        '      - source: report-000\n        quote: deep-rooted',
        '      - source: report-009\n        quote: deep-rooted',
      ),
    message:
      /seeds\/actors\.yaml: actors\[0\]\.evidence\[0\]\.source: unknown report id 'report-009'/,
  },
  {
    name: 'a duplicate id',
    file: 'claims.yaml',
    edit: (t) => t.replace('  - id: istanbul-round-second\n', '  - id: istanbul-round-third\n'),
    message:
      /seeds\/claims\.yaml: claims\[1\]\.id: duplicate id 'istanbul-round-third' \(already defined in seeds\/claims\.yaml: claims\[0\]\)/,
  },
  {
    name: 'a duplicate relationship',
    file: 'meetings.yaml',
    edit: (t) =>
      t.replace(
        '    from: oic\n    to: doha-ceasefire-signing\n',
        '    from: qatar\n    to: doha-ceasefire-signing\n',
      ),
    message: /duplicate relationship qatar-MEDIATED-doha-ceasefire-signing/,
  },
  {
    name: 'an unknown key',
    file: 'meetings.yaml',
    edit: (t) => t.replace('    place: Baku\n', '    place: Baku\n    venue: Baku\n'),
    message: /seeds\/meetings\.yaml: meetings\[\d+\]: Unrecognized key: "venue"/,
  },
  {
    name: 'malformed YAML',
    file: 'claims.yaml',
    edit: (t) => t.replace('    property: round\n', '    property: [round\n'),
    message: /seeds\/claims\.yaml: line \d+, column \d+: malformed YAML/,
  },
  {
    name: 'malformed JSON',
    file: 'extra.json',
    edit: () => '{ "actors": [ { "id": "egypt", } ] }',
    message: /seeds\/extra\.json: malformed JSON/,
  },
];

describe('a broken seed file', () => {
  it.each(cases)(
    'is refused for $name, with its own message, and the database is unchanged',
    async ({ file, edit, message }) => {
      const seedsDir = await brokenSeeds(file, edit);
      const before = await graphChecksum(driver, database);
      const load = loadSeedsFromDisk({
        driver,
        database,
        seedsDir,
        reportsDir,
        log: () => undefined,
      });
      await expect(load).rejects.toBeInstanceOf(SeedValidationError);
      await expect(load).rejects.toThrow(message);
      await expect(load).rejects.toThrow(/nothing was written/);
      expect(await graphChecksum(driver, database)).toBe(before);
    },
  );

  it('reports every problem at once, not just the first', async () => {
    const seedsDir = await brokenSeeds('meetings.yaml', (t) =>
      t
        .replace('    from: oic\n', '    from: arab-league\n')
        .replace('    place: Baku\n', '    place: Baku\n    venue: Baku\n'),
    );
    const err = await loadSeedsFromDisk({
      driver,
      database,
      seedsDir,
      reportsDir,
      log: () => undefined,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedValidationError);
    // Well-formedness problems stop validation before references are resolved; both kinds are never mixed.
    expect((err as SeedValidationError).problems.map((p) => p.message)).toEqual([
      'Unrecognized key: "venue"',
    ]);
  });
});

describe('a load that fails while writing', () => {
  it('rolls back completely: the transaction is all-or-nothing', async () => {
    // A node the seeds do not own holds the id 'baku-meeting' under another label, so the
    // MERGE of the seed Meeting violates the Entity id constraint midway through the load.
    await driver.executeQuery(
      "MATCH (n:Entity {id: 'baku-meeting'}) DETACH DELETE n",
      {},
      { database },
    );
    await driver.executeQuery(
      "CREATE (:Entity:Note {id: 'baku-meeting', origin: 'analyst'})",
      {},
      { database },
    );
    try {
      const before = await graphChecksum(driver, database);
      await expect(loadTestSeeds(driver, database)).rejects.toThrow(
        /nothing was written \(a node the seeds do not own may already use one of their ids\)/,
      );
      expect(await graphChecksum(driver, database)).toBe(before);
    } finally {
      await driver.executeQuery("MATCH (n:Note {id: 'baku-meeting'}) DELETE n", {}, { database });
      await loadTestSeeds(driver, database);
    }
  });
});

describe('--dry-run and --reset', () => {
  it('--dry-run reports the changes and writes nothing', async () => {
    await driver.executeQuery(
      "MATCH (s:Statement {id: 'dialogue-only-path'}) SET s.summary = 'edited by hand'",
      {},
      { database },
    );
    const before = await graphChecksum(driver, database);
    const summary = await loadSeedsFromDisk({
      driver,
      database,
      reportsDir,
      dryRun: true,
      log: () => undefined,
    });
    expect(summary.dryRun).toBe(true);
    expect(summary.nodes.updated).toBe(1);
    expect(await graphChecksum(driver, database)).toBe(before);
    const restored = await loadTestSeeds(driver, database);
    expect(restored.nodes.updated).toBe(1);
  });

  it('--reset removes only what the seeds own, then reloads', async () => {
    await driver.executeQuery(
      "MATCH (p:Actor {id: 'pakistan'}) CREATE (n:AnalystNote {text: 'keep me'})-[:MENTIONS]->(p)",
      {},
      { database },
    );
    const summary = await loadSeedsFromDisk({
      driver,
      database,
      reportsDir,
      reset: true,
      log: () => undefined,
    });
    expect(summary.nodes.created).toBeGreaterThan(90);
    const [row] = (
      await driver.executeQuery('MATCH (n:AnalystNote) RETURN n.text AS text', {}, { database })
    ).records;
    expect(row?.get('text')).toBe('keep me');
    await driver.executeQuery('MATCH (n:AnalystNote) DETACH DELETE n', {}, { database });
  });

  it('--bulk loads the same graph, batch by batch', async () => {
    const atomic = await graphChecksum(driver, database);
    await loadSeedsFromDisk({
      driver,
      database,
      reportsDir,
      reset: true,
      bulk: true,
      log: () => undefined,
    });
    expect(await graphChecksum(driver, database)).toBe(atomic);
  });
});
