/**
 * `node --import tsx bench/cpu-split.ts [--seconds 3] [--nodes 10000] [--rounds 2]`: where the
 * CPU of one request goes, ours against the floor. On a fresh Neo4j with the synthetic graph,
 * starts the compiled API (dist/bench/serve-ours.js, with `npm start`'s node flags) and the
 * floor (dist/bench/serve-floor.js); for each question and way, after a one-second warm-up
 * load, drives 16 clients for the given time and divides the CPU time each process spent
 * (from /proc: the API or floor, Neo4j's JVM, and this process, the autocannon client) by
 * the requests answered. The two ways alternate, `rounds` times each.
 *
 * Throughput on this 2-core machine is CPU-bound, so ours ÷ floor throughput is about the
 * inverse ratio of the summed columns; the columns say which process pays the difference.
 * Linux only (/proc); CPU times have the kernel's 10 ms tick resolution, so keep runs ≥ 2 s.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

import { freePort } from '../src/neo4j-local/free-port.ts';
import { cpuMs, START_NODE_FLAGS, startChild, stopChild, waitReady } from './bench-processes.ts';
import { QUESTIONS } from './questions.ts';
import { startSyntheticNeo4j } from './synthetic-neo4j.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    nodes: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '2' },
  },
});
const seconds = Number(values.seconds);
/** A compiled server of dist/bench on a free port. */
async function serve(
  script: string,
  flags: readonly string[],
  env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const child = await startChild(
    path.join('dist', 'bench', script),
    { ...env, PORT: String(port) },
    flags,
  );
  return { port, child };
}

const neo4j = await startSyntheticNeo4j(Number(values.nodes));
const children: ChildProcess[] = [];
try {
  const warmUpFile = path.join(os.tmpdir(), `cpu-split-warm-up-${process.pid}.json`);
  await writeFile(warmUpFile, JSON.stringify(QUESTIONS.map((q) => ({ query: q.ours }))));
  const ours = await serve('serve-ours.js', START_NODE_FLAGS, {
    ...neo4j.env,
    WARM_UP_OPERATIONS: warmUpFile,
  });
  children.push(ours.child);
  await waitReady(`http://127.0.0.1:${ours.port}/ready`);
  const floor = await serve('serve-floor.js', [], neo4j.env);
  children.push(floor.child);

  console.log(`CPU µs per request at 16 clients, ${seconds} s per run, ${values.nodes} nodes`);
  console.log('| question | way | req/s | API or floor | Neo4j | client | sum |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const q of QUESTIONS) {
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const way of ['floor', 'ours'] as const) {
        const target = way === 'ours' ? ours : floor;
        const options = {
          url: `http://127.0.0.1:${target.port}/${way === 'ours' ? 'graphql' : ''}`,
          connections: 16,
          method: 'POST' as const,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(way === 'ours' ? { query: q.ours } : { question: q.id }),
        };
        await autocannon({ ...options, duration: 1 });
        const api0 = cpuMs(target.child.pid!);
        const neo0 = cpuMs(neo4j.pid);
        const client0 = process.cpuUsage();
        const result = await autocannon({ ...options, duration: seconds });
        const client = process.cpuUsage(client0);
        const n = result.requests.total;
        if (result.errors + result.non2xx > 0)
          throw new Error(`${q.id} ${way}: ${result.errors + result.non2xx} failed requests`);
        const api = (1000 * (cpuMs(target.child.pid!) - api0)) / n;
        const neo = (1000 * (cpuMs(neo4j.pid) - neo0)) / n;
        const cli = (client.user + client.system) / n;
        const cells = [api, neo, cli, api + neo + cli].map((x) => x.toFixed(0));
        console.log(`| ${q.id} | ${way} | ${Math.round(n / seconds)} | ${cells.join(' | ')} |`);
      }
    }
  }
} finally {
  for (const child of children) await stopChild(child);
  await neo4j.stop();
}
