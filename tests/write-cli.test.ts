/** The keys and ingest CLIs, run as processes against the test Neo4j. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

import { testNeo4j, useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..');
const fixture = (name: string) => path.join(root, 'tests', 'fixtures', name);

function cli(script: string, args: string[]) {
  const neo = testNeo4j();
  return run(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: neo.uri,
      NEO4J_USER: neo.user,
      NEO4J_PASSWORD: neo.password,
      ...(neo.database ? { NEO4J_DATABASE: neo.database } : {}),
    },
  }).catch((err: { stdout: string; stderr: string; code: number }) => err);
}

describe('npm run keys and npm run ingest', () => {
  const { driver, database } = useTestDriver();
  afterAll(async () => {
    for (const cypher of [
      'MATCH ()-[r]->() WHERE r.origin = "api" DELETE r',
      'MATCH (n:Entity) WHERE n.origin = "api" DETACH DELETE n',
      'MATCH (n) WHERE n:Edit OR n:ApiKey DELETE n',
    ])
      await driver.executeQuery(cypher, {}, { database });
  });

  it('creates a key shown once, lists it without the key or hash, and revokes it', async () => {
    const created = await cli('src/auth/cli.ts', [
      'create',
      '--role',
      'editor',
      '--name',
      'cli-test',
    ]);
    const key = /ngk_[0-9a-f]{8}_\S+/.exec(created.stdout)?.[0] ?? '';
    const keyId = key.split('_')[1] ?? '';
    expect(key).not.toBe('');
    const listed = await cli('src/auth/cli.ts', ['list']);
    expect(listed.stdout).toContain(`${keyId}  editor  cli-test`);
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).not.toContain('argon2');
    await cli('src/auth/cli.ts', ['revoke', keyId]);
    expect((await cli('src/auth/cli.ts', ['list'])).stdout).toMatch(/REVOKED/);
    const usage = await cli('src/auth/cli.ts', ['create', '--role', 'admin', '--name', 'x']);
    expect((usage as { code?: number }).code).toBe(2);
  });

  it('ingests a report and its facts file, and a second time creates nothing', async () => {
    await loadTestSeeds(driver, database);
    const first = await cli('src/write/ingest-cli.ts', [
      fixture('synthetic-report.txt'),
      fixture('synthetic-facts.yaml'),
      '--as',
      'cli-test',
    ]);
    expect(first.stderr).not.toMatch(/Refused|Error/);
    expect(first.stdout).toMatch(/Added report report-[0-9a-f]{12}/);
    expect(first.stdout).toMatch(/Facts: 1 nodes and 2 relationships created, 2 quotes verified/);
    expect(first.stdout).toContain('"Istanbul talks" → istanbul-talks');
    const again = await cli('src/write/ingest-cli.ts', [
      fixture('synthetic-report.txt'),
      fixture('synthetic-facts.yaml'),
    ]);
    expect(again.stdout).toMatch(/already present/);
    expect(again.stdout).toMatch(/nothing new/);
    const { records } = await driver.executeQuery(
      `MATCH (a:Actor {id: 'test-ayla-demir'})-[m:MEDIATED]->(:Meeting {id: 'istanbul-talks'}) RETURN m.framings AS f`,
      {},
      { database },
    );
    expect(records.map((r) => r.get('f') as string[])).toEqual([['reporter']]);
  });
});
