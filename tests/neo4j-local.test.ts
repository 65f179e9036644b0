import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Integer } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

import { createDriver } from '../src/db/create-driver.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { testNeo4j, useTestDriver } from './neo4j-context.ts';
import { isAlive } from './process-helpers.ts';

describe('the test Neo4j', () => {
  const { driver, database } = useTestDriver();

  it('runs Cypher on a real Neo4j 5.26 server', async () => {
    const info = await driver.getServerInfo();
    expect(info.agent).toMatch(/^Neo4j\/5\./);
    const { records } = await driver.executeQuery('RETURN 40 + 2 AS answer', {}, { database });
    expect((records[0]?.get('answer') as Integer).toNumber()).toBe(42);
  });

  it('refuses a wrong password', async () => {
    const neo = testNeo4j();
    const bad = createDriver({ ...neo, password: 'not-the-password' });
    await expect(bad.getServerInfo()).rejects.toThrow(/unauthorized|authentication/i);
    await bad.close();
  });
});

describe('startLocalNeo4j', () => {
  it('keeps the store between runs and leaves no java process after stop', async () => {
    const storeDir = await mkdtemp(path.join(os.tmpdir(), 'neo4j-local-test-'));
    const options = {
      storeDir,
      password: 'another-password',
      heap: '512m',
      pagecache: '64m',
      log: () => undefined,
    };
    try {
      const first = await startLocalNeo4j({ ...options, port: await freePort() });
      const d1 = createDriver({
        uri: first.uri,
        user: 'neo4j',
        password: options.password,
        database: undefined,
      });
      await d1.executeQuery("CREATE (:Probe {name: 'kept'})");
      await d1.close();
      await first.stop();
      expect(isAlive(first.pid)).toBe(false);

      const second = await startLocalNeo4j({ ...options, port: await freePort() });
      const d2 = createDriver({
        uri: second.uri,
        user: 'neo4j',
        password: options.password,
        database: undefined,
      });
      const { records } = await d2.executeQuery('MATCH (p:Probe) RETURN p.name AS name');
      expect(records.map((r) => r.get('name') as string)).toEqual(['kept']);
      await d2.close();
      await second.stop();
      expect(isAlive(second.pid)).toBe(false);
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 120_000);
});
