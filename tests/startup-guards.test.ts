/**
 * `npm start` refuses, before touching anything, when its HTTP port is busy or when a Neo4j
 * that is not its own listens on its Bolt port; either way the message names the port and
 * the way out.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config/config.ts';
import { connectGraph } from '../src/db/connect-graph.ts';
import { ownLauncherPid } from '../src/neo4j-local/find-own-server.ts';
import { freePort } from '../src/neo4j-local/free-port.ts';
import { startLocalNeo4j } from '../src/neo4j-local/start-local-neo4j.ts';
import { testNeo4j, useTestDriver } from './neo4j-context.ts';
import { graphChecksum } from './seed-helpers.ts';

const { driver, database } = useTestDriver();

function runMain(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, NEO4J_URI: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output, ms: Date.now() - started });
    }),
  );
}

describe('npm start guards', () => {
  it('fails fast on a busy PORT, naming it, before starting Neo4j or creating its store', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const parent = await mkdtemp(path.join(os.tmpdir(), 'busy-port-'));
    const storeDir = path.join(parent, 'store');
    try {
      const result = await runMain({
        PORT: String(port),
        NEO4J_LOCAL_PORT: String(await freePort()),
        NEO4J_LOCAL_DIR: storeDir,
      });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(new RegExp(`Port ${port} .*already in use.*PORT`));
      expect(result.output).not.toMatch(/Starting the local Neo4j|Schema applied|Seeds:/);
      expect(existsSync(storeDir)).toBe(false);
    } finally {
      blocker.close();
      await rm(parent, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses a Neo4j on its Bolt port that is not its own, naming the port, NEO4J_LOCAL_PORT and NEO4J_URI, and changes nothing', async () => {
    const before = await graphChecksum(driver, database);
    const boltPort = new URL(testNeo4j().uri.replace('bolt:', 'http:')).port;
    const storeDir = await mkdtemp(path.join(os.tmpdir(), 'foreign-'));
    try {
      const result = await runMain({
        PORT: String(await freePort()),
        NEO4J_LOCAL_PORT: boltPort,
        NEO4J_LOCAL_DIR: storeDir,
        // The test server's own password: even a server we could log in to is not ours.
        NEO4J_PASSWORD: 'test-password',
      });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(
        new RegExp(`127\\.0\\.0\\.1:${boltPort}.*not this project's Neo4j`),
      );
      expect(result.output).toMatch(/NEO4J_LOCAL_PORT/);
      expect(result.output).toMatch(/NEO4J_URI/);
      expect(result.output).not.toMatch(/Schema applied|Seeds: loaded/);
      expect(await graphChecksum(driver, database)).toBe(before);
    } finally {
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('reuses its own Neo4j (same store, same port) started by npm run neo4j:start', async () => {
    const storeDir = await mkdtemp(path.join(os.tmpdir(), 'own-'));
    const port = await freePort();
    const password = 'own-password';
    const own = await startLocalNeo4j({
      storeDir,
      port,
      password,
      heap: '512m',
      pagecache: '64m',
      log: () => undefined,
    });
    try {
      expect(await ownLauncherPid(storeDir, port)).toBe(own.pid);
      expect(await ownLauncherPid(path.join(storeDir, 'other'), port)).toBeUndefined();
      const lines: string[] = [];
      const graph = await connectGraph(
        loadConfig({
          NEO4J_LOCAL_PORT: String(port),
          NEO4J_LOCAL_DIR: storeDir,
          NEO4J_PASSWORD: password,
        }),
        (line) => lines.push(line),
      );
      expect(graph.startedLocalServer).toBe(false);
      expect(lines.join('\n')).toMatch(/Using this project's Neo4j already running/);
      await graph.close();
    } finally {
      await own.stop();
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 120_000);
});
