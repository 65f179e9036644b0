import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Integer } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

import { createDriver } from '../src/db/create-driver.ts';
import { launcherBuildStamp, launcherTargetDir } from '../src/neo4j-local/build-launcher.ts';
import { archiveJvmFlags, launcherClasspath } from '../src/neo4j-local/class-data-archive.ts';
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

  it('sets a changed NEO4J_PASSWORD at the next start, and only the current one is accepted', async () => {
    const storeDir = await mkdtemp(path.join(os.tmpdir(), 'neo4j-local-test-'));
    const options = { storeDir, heap: '512m', pagecache: '64m', log: () => undefined };
    const canLogIn = async (uri: string, password: string) => {
      const d = createDriver({ uri, user: 'neo4j', password, database: undefined });
      try {
        await d.getServerInfo();
        return true;
      } catch {
        return false;
      } finally {
        await d.close();
      }
    };
    try {
      const first = await startLocalNeo4j({
        ...options,
        password: 'first-password',
        port: await freePort(),
      });
      expect(await canLogIn(first.uri, 'first-password')).toBe(true);
      await first.stop();
      // The same password again: the remembered hash skips ALTER USER; it must still work.
      const same = await startLocalNeo4j({
        ...options,
        password: 'first-password',
        port: await freePort(),
      });
      expect(await canLogIn(same.uri, 'first-password')).toBe(true);
      await same.stop();
      const changed = await startLocalNeo4j({
        ...options,
        password: 'second-password',
        port: await freePort(),
      });
      expect(await canLogIn(changed.uri, 'second-password')).toBe(true);
      expect(await canLogIn(changed.uri, 'first-password')).toBe(false);
      await changed.stop();
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('starts Neo4j from a class-data archive that the JVM can map for the launcher classpath', async () => {
    const paths = { targetDir: launcherTargetDir, buildStamp: await launcherBuildStamp() };
    const flags = archiveJvmFlags(paths);
    // The test Neo4j was started through startLocalNeo4j, which makes the archive on a JDK that can.
    expect(flags.length).toBeGreaterThan(0);
    // -Xshare:on (unlike the launcher's :auto) fails when the archive cannot be mapped.
    const probe = spawnSync(
      'java',
      [
        ...flags.filter((f) => f.startsWith('-XX:SharedArchiveFile')),
        '-Xshare:on',
        '-cp',
        launcherClasspath(launcherTargetDir),
        '-version',
      ],
      { encoding: 'utf8' },
    );
    expect(probe.stderr).toMatch(/sharing/);
    expect(probe.status).toBe(0);
  });
});
