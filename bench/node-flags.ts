/**
 * `node --import tsx bench/node-flags.ts [--nodes 10000] [--seconds 3] -- "FLAGS"…`: the API's
 * memory and CPU under node/V8 flag variants ("" for none). On a fresh Neo4j with the
 * synthetic graph, starts the compiled API (dist/bench/serve-ours.js) once per variant,
 * waits for /ready, then prints its RSS at rest, and for each question under 16 clients its
 * requests/s and CPU µs per request (from /proc), then its peak RSS (VmHWM). Variants run one
 * after another, so list a baseline twice (first and last) to see the drift between them.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

import { freePort } from '../src/neo4j-local/free-port.ts';
import { cpuMs, memoryMb, startChild, stopChild, waitReady } from './bench-processes.ts';
import { QUESTIONS } from './questions.ts';
import { startSyntheticNeo4j } from './synthetic-neo4j.ts';

const { values, positionals } = parseArgs({
  options: {
    nodes: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '3' },
  },
  allowPositionals: true,
});
const seconds = Number(values.seconds);

const neo4j = await startSyntheticNeo4j(Number(values.nodes));
try {
  const warmUpFile = path.join(os.tmpdir(), `node-flags-warm-up-${process.pid}.json`);
  await writeFile(warmUpFile, JSON.stringify(QUESTIONS.map((q) => ({ query: q.ours }))));
  for (const variant of positionals.length ? positionals : ['']) {
    const port = await freePort();
    const flags = variant.split(' ').filter(Boolean);
    const child = await startChild(
      path.join('dist', 'bench', 'serve-ours.js'),
      { ...neo4j.env, PORT: String(port), WARM_UP_OPERATIONS: warmUpFile },
      flags,
    );
    try {
      await waitReady(`http://127.0.0.1:${port}/ready`);
      await new Promise((r) => setTimeout(r, 3000));
      const rest = memoryMb(child.pid!, 'VmRSS');
      const cells: string[] = [];
      for (const q of QUESTIONS) {
        const options = {
          url: `http://127.0.0.1:${port}/graphql`,
          connections: 16,
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: q.ours }),
        };
        await autocannon({ ...options, duration: 1 });
        const cpu0 = cpuMs(child.pid!);
        const r = await autocannon({ ...options, duration: seconds });
        const perRequest = (1000 * (cpuMs(child.pid!) - cpu0)) / r.requests.total;
        cells.push(
          `${q.id} ${Math.round(r.requests.total / seconds)}/s ${perRequest.toFixed(0)} µs`,
        );
      }
      console.log(
        `[${variant || 'no flags'}] RSS at rest ${rest.toFixed(0)} MB, peak ${memoryMb(child.pid!, 'VmHWM').toFixed(0)} MB | ${cells.join(' | ')}`,
      );
    } finally {
      await stopChild(child);
    }
  }
} finally {
  await neo4j.stop();
}
