/**
 * `npm start` end to end: the main job starts its own Neo4j, applies the schema, loads the
 * seeds, serves GraphQL and the explorer, and Ctrl-C (SIGINT) stops everything it started.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';

import { freePort } from '../src/neo4j-local/free-port.ts';
import { PID_FILE } from '../src/neo4j-local/start-local-neo4j.ts';
import { isAlive } from './process-helpers.ts';
import { reportsDir } from './seed-helpers.ts';

describe('the main job (npm start)', () => {
  it('serves GraphQL on its own Neo4j with the seeds loaded, and SIGINT leaves no process behind', async () => {
    const storeDir = await mkdtemp(path.join(os.tmpdir(), 'main-e2e-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        NEO4J_URI: '',
        PORT: String(port),
        NEO4J_LOCAL_PORT: String(await freePort()),
        NEO4J_LOCAL_DIR: storeDir,
        NEO4J_LOCAL_HEAP: '512m',
        NEO4J_LOCAL_PAGECACHE: '64m',
        ...(reportsDir ? { REPORTS_DIR: reportsDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that the test's Ctrl-C reaches Node and the Neo4j it started
      // at once, as a terminal's does.
      detached: true,
    });
    const output: string[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        // Not a terminal: the log is JSON lines (src/log/logger.ts).
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
          output.push(line);
          const record = JSON.parse(line) as { msg?: string; level?: number };
          if (record.msg?.startsWith('Ready.')) resolve();
        });
        child.once('exit', (code) =>
          reject(new Error(`main exited with ${code}:\n${output.join('\n')}`)),
        );
      });
      const records = output.map((l) => JSON.parse(l) as { msg: string; component?: string });
      expect(
        records.some((r) => r.component === 'seeds' && r.msg.startsWith('Seeds: loaded in')),
      ).toBe(true);
      expect(records.at(-1)?.msg).toContain('Ctrl-C stops');
      const javaPid = Number((await readFile(path.join(storeDir, PID_FILE), 'utf8')).trim());
      expect(isAlive(javaPid)).toBe(true);

      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename actor(id: "pakistan") { name } }' }),
      });
      expect(await res.json()).toEqual({
        data: { __typename: 'Query', actor: { name: 'Pakistan' } },
      });
      expect((await fetch(`${base}/explorer/`)).status).toBe(200);

      // 'close': the process has exited and its output has been read to the end.
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      process.kill(-(child.pid ?? 0), 'SIGINT');
      expect(await exited).toBe(0);
      expect(isAlive(javaPid)).toBe(false);
      // Stopping is not an outage: the health monitor stops before Neo4j does.
      const afterReady = output.slice(records.length).map((l) => JSON.parse(l) as { msg: string });
      expect(afterReady.map((r) => r.msg)).toContain('Stopping…');
      expect(afterReady.filter((r) => /Neo4j is (down|unreachable)/.test(r.msg))).toEqual([]);
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL');
      await rm(storeDir, { recursive: true, force: true });
    }
  }, 120_000);
});
