/**
 * Seed inputs the first validator let through or reported badly: each is refused with its
 * file, the path inside it and the reason, and the database is left as it was. A load that
 * would delete much of what the seeds own needs --prune; long error output survives a pipe.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  defaultSeedsDir,
  loadSeedsFromDisk,
  PruneRefusedError,
} from '../src/seed/load-seeds-from-disk.ts';
import { firstInvalidUtf8 } from '../src/seed/read-seed-files.ts';
import { SeedValidationError } from '../src/seed/seed-error.ts';
import { testNeo4j, useTestDriver } from './neo4j-context.ts';
import { graphChecksum, loadTestSeeds, reportsDir } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const dirs: string[] = [];

/** A copy of seeds/ changed by `change(seedsDir)`. */
async function seedsWith(change: (seedsDir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bad-seeds-'));
  dirs.push(dir);
  const seedsDir = path.join(dir, 'seeds');
  await cp(defaultSeedsDir, seedsDir, { recursive: true });
  await change(seedsDir);
  return seedsDir;
}

const editText = (file: string, edit: (t: string) => string) => async (seedsDir: string) => {
  const target = path.join(seedsDir, file);
  const before = await readFile(target, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  await writeFile(target, after);
};

beforeAll(async () => {
  await loadTestSeeds(driver, database);
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const BAD_INPUTS: {
  name: string;
  change: (seedsDir: string) => Promise<void>;
  message: RegExp;
}[] = [
  {
    name: 'non-UTF-8 bytes',
    change: async (seedsDir) => {
      const target = path.join(seedsDir, 'actors.yaml');
      const bytes = await readFile(target);
      const at = bytes.indexOf('Pakistan');
      await writeFile(
        target,
        Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xfe]), bytes.subarray(at)]),
      );
    },
    message: /seeds\/actors\.yaml: line \d+, column \d+: not valid UTF-8 \(byte 0xff/,
  },
  {
    name: 'a 10 MB string',
    change: editText('actors.yaml', (t) =>
      t.replace(
        '    role: Prime Minister of Pakistan\n',
        `    role: "${'x'.repeat(10_000_000)}"\n`,
      ),
    ),
    message:
      /seeds\/actors\.yaml: actors\[\d+\]\.role: string of 10000000 characters; the limit is 20000/,
  },
  {
    name: 'a FOLLOWED cycle',
    change: editText('meetings.yaml', (t) =>
      t.replace(
        'relationships:\n',
        'relationships:\n  - type: FOLLOWED\n    from: doha-ceasefire-signing\n    to: istanbul-talks\n    evidence:\n      - source: report-004\n        quote: The two sides signed a ceasefire agreement in Doha in October\n',
      ),
    ),
    message:
      /seeds\/meetings\.yaml: relationships\[\d+\]: FOLLOWED forms a cycle: (doha-ceasefire-signing|istanbul-talks) → /,
  },
  {
    name: 'a REPRESENTS self-loop',
    change: editText('actors.yaml', (t) =>
      t.replace(
        '    from: pakistan-army\n    to: pakistan\n',
        '    from: pakistan\n    to: pakistan\n',
      ),
    ),
    message: /seeds\/actors\.yaml: relationships\[4\]: REPRESENTS from 'pakistan' to itself/,
  },
  {
    name: 'a YAML alias bomb',
    change: async (seedsDir) => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const name = String.fromCharCode(97 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      await writeFile(path.join(seedsDir, 'bomb.yaml'), `${levels.join('\n')}\n`);
    },
    message: /seeds\/bomb\.yaml: YAML aliases expand too far/,
  },
  {
    name: 'a directory named x.yaml',
    change: (seedsDir) => mkdir(path.join(seedsDir, 'x.yaml')).then(() => undefined),
    message: /seeds\/x\.yaml: is a directory, not a seed file/,
  },
];

describe('bad seed input', () => {
  it.each(BAD_INPUTS)(
    'refuses $name with file, path and reason, and changes nothing',
    async ({ change, message }) => {
      const seedsDir = await seedsWith(change);
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
      expect(await graphChecksum(driver, database)).toBe(before);
    },
    60_000,
  );

  it('finds the first byte that is not UTF-8, and accepts every valid sequence', () => {
    expect(firstInvalidUtf8(Buffer.from('Kabul – كابل – 喀布尔 – 🕊️', 'utf8'))).toBeUndefined();
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});

describe('a load that would delete much of what the seeds own', () => {
  it('is refused without --prune, naming the counts, and nothing changes', async () => {
    const seedsDir = await seedsWith(async (dir) => {
      await rm(path.join(dir, 'demands.yaml'));
      await rm(path.join(dir, 'statements.yaml'));
      await rm(path.join(dir, 'claims.yaml'));
      await rm(path.join(dir, 'incidents.yaml'));
      // The stated order of events and the positions refer to those nodes.
      await rm(path.join(dir, 'order.yaml'));
      await rm(path.join(dir, 'positions.yaml'));
    });
    const before = await graphChecksum(driver, database);
    const load = loadSeedsFromDisk({
      driver,
      database,
      seedsDir,
      reportsDir,
      log: () => undefined,
    });
    await expect(load).rejects.toBeInstanceOf(PruneRefusedError);
    await expect(load).rejects.toThrow(/would delete \d+ of the \d+ nodes.*--prune/s);
    expect(await graphChecksum(driver, database)).toBe(before);
  }, 60_000);

  it('goes ahead with --prune, and a normal reload puts everything back', async () => {
    const seedsDir = await seedsWith(async (dir) => {
      for (const f of ['claims.yaml', 'statements.yaml', 'order.yaml', 'positions.yaml'])
        await rm(path.join(dir, f));
    });
    const summary = await loadSeedsFromDisk({
      driver,
      database,
      seedsDir,
      reportsDir,
      prune: true,
      log: () => undefined,
    });
    expect(summary.nodes.deleted).toBeGreaterThan(0);
    const restored = await loadTestSeeds(driver, database);
    expect(restored.nodes.created).toBe(summary.nodes.deleted);
  }, 60_000);
});

describe('npm run seed through a pipe', () => {
  it('prints every problem even past 64 KB, to a reader slower than the writer', async () => {
    const seedsDir = await seedsWith(async (dir) => {
      const actors = Array.from({ length: 3000 }, (_, i) => `  - { id: "Bad Id ${i}" }`).join('\n');
      await writeFile(path.join(dir, 'many.yaml'), `actors:\n${actors}\n`);
    });
    const neo = testNeo4j();
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-c', `node --import tsx src/seed/cli.ts --check --dir "${seedsDir}" 2>&1 | (sleep 2; cat)`],
      {
        env: { ...process.env, NEO4J_URI: neo.uri, NEO4J_PASSWORD: neo.password },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(stdout.length).toBeGreaterThan(128 * 1024);
    expect(stdout).toMatch(/many\.yaml: actors\[2999\]/);
  }, 60_000);
});
