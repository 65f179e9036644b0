/**
 * The local Neo4j's LOAD CSV, tried through `npm run cypher` (the analysts' read-only
 * runner): it reads no file outside its import folder and fetches no URL, not even one on
 * this machine's loopback.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testNeo4j } from './neo4j-context.ts';

const run = promisify(execFile);
let csvServer: Server;
let csvUrl = '';
let fetched = 0;

beforeAll(async () => {
  csvServer = createServer((_req, res) => {
    fetched++;
    res.writeHead(200, { 'content-type': 'text/csv' }).end('a,b\n1,2\n');
  });
  await new Promise<void>((resolve) => csvServer.listen(0, '127.0.0.1', resolve));
  csvUrl = `http://127.0.0.1:${(csvServer.address() as AddressInfo).port}/x.csv`;
});

afterAll(() => new Promise<void>((resolve) => csvServer.close(() => resolve())));

async function cypher(statement: string): Promise<{ code: number; out: string }> {
  const neo = testNeo4j();
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/analyst/cli.ts', statement, '--format', 'json'],
      {
        env: {
          ...process.env,
          NEO4J_URI: neo.uri,
          NEO4J_USER: neo.user,
          NEO4J_PASSWORD: neo.password,
        },
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('LOAD CSV on the local Neo4j', () => {
  it('reads no file outside the import folder (file:///etc/passwd)', async () => {
    const { code, out } = await cypher(
      "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1",
    );
    expect(code).toBe(1);
    expect(out).not.toMatch(/root:/);
    expect(out).toMatch(/Couldn't load the external resource|import/i);
  }, 60_000);

  it('fetches no URL, even on loopback', async () => {
    const { code, out } = await cypher(`LOAD CSV FROM '${csvUrl}' AS row RETURN row`);
    expect(code).toBe(1);
    expect(out).toMatch(/blocked|not allowed|external resource/i);
    expect(fetched).toBe(0);
  }, 60_000);

  it('still runs ordinary read queries', async () => {
    const { code, out } = await cypher('RETURN 40 + 2 AS answer');
    expect(code).toBe(0);
    expect(out).toMatch(/42/);
  }, 60_000);
});
