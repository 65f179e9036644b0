import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { OperationLog, readOperationsFile } from '../src/server/operation-log.ts';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'operation-log-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('OperationLog', () => {
  it('gives the most asked first, with the variables of the latest success', () => {
    const log = new OperationLog();
    log.note({ query: '{ a }' });
    log.note({ query: 'query B($id: ID!) { b(id: $id) }', variables: { id: 'x' } });
    log.note({ query: 'query B($id: ID!) { b(id: $id) }', variables: { id: 'y' } });
    expect(log.top(5)).toEqual([
      {
        query: 'query B($id: ID!) { b(id: $id) }',
        operationName: undefined,
        variables: { id: 'y' },
      },
      { query: '{ a }', operationName: undefined, variables: undefined },
    ]);
    expect(log.top(1)).toHaveLength(1);
  });

  it('keeps an operation name apart from another with the same text', () => {
    const log = new OperationLog();
    const query = 'query A { a } query B { b }';
    log.note({ query, operationName: 'A' });
    log.note({ query, operationName: 'B' });
    expect(log.size).toBe(2);
  });

  it('is bounded: the least asked goes, oversized texts and variables are not noted', () => {
    const log = new OperationLog(2);
    log.note({ query: '{ a }' });
    log.note({ query: '{ a }' });
    log.note({ query: '{ b }' });
    log.note({ query: '{ c }' });
    expect(log.top(5).map((o) => o.query)).toEqual(['{ a }', '{ c }']);
    log.note({ query: `{ ${'x '.repeat(10_001)}}` });
    log.note({ query: '{ d }', variables: { big: 'v'.repeat(5_000) } });
    expect(log.top(5).map((o) => o.query)).toEqual(['{ a }', '{ c }']);
  });

  it('saves atomically only when changed, and a new log loads what was saved', async () => {
    const file = path.join(dir, 'nested', 'ops.json');
    const log = new OperationLog();
    expect(await log.save(file)).toBe(false);
    log.note({ query: '{ a }', operationName: undefined, variables: { n: 1 } });
    expect(await log.save(file)).toBe(true);
    expect(await log.save(file)).toBe(false);
    expect(await readdir(path.dirname(file))).toEqual(['ops.json']);
    const again = new OperationLog();
    await again.load(file);
    expect(again.top(5)).toEqual([{ query: '{ a }', variables: { n: 1 } }]);
    expect((JSON.parse(await readFile(file, 'utf8')) as { count: number }[])[0]?.count).toBe(1);
  });

  it('reads a missing file as empty and names the file and the problem in a malformed one', async () => {
    expect(await readOperationsFile(path.join(dir, 'none.json'))).toEqual([]);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    await expect(readOperationsFile(bad)).rejects.toThrow(/bad\.json: not JSON/);
    await writeFile(bad, JSON.stringify([{ query: '' }]));
    await expect(readOperationsFile(bad)).rejects.toThrow(
      /bad\.json: expected a list .* at \[0\.query\]/,
    );
  });
});
