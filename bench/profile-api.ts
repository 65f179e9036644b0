/**
 * `node --import tsx bench/profile-api.ts [--seconds 5] [--nodes 10000] DIST_BENCH_DIR…`: where
 * a request's time goes. On a fresh Neo4j with the synthetic graph (10k nodes by default), starts each given build of
 * the API (a `dist/bench` folder, e.g. this tree's and another checkout's, to compare before
 * and after) under `node --cpu-prof`, drives each benchmark question with 16 clients for the
 * given time, and prints requests/s and each step's share of the API's busy CPU time
 * (bench/profile-steps.ts). The CPU profiles are kept in a temporary folder it names.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

import { freePort } from '../src/neo4j-local/free-port.ts';
import { startChild, stopChild, waitReady } from './bench-processes.ts';
import { stepShares } from './profile-steps.ts';
import { QUESTIONS } from './questions.ts';
import { startSyntheticNeo4j } from './synthetic-neo4j.ts';

const { values, positionals } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    nodes: { type: 'string', default: '10000' },
  },
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const profiles = await mkdtemp(path.join(os.tmpdir(), 'profile-api-'));
const neo4j = await startSyntheticNeo4j(Number(values.nodes));
try {
  for (const [i, dir] of positionals.entries()) {
    const port = await freePort();
    const out = path.join(profiles, String(i));
    const child = await startChild(
      path.join(dir, 'serve-ours.js'),
      { ...neo4j.env, PORT: String(port) },
      ['--cpu-prof', `--cpu-prof-dir=${out}`],
    );
    await waitReady(`http://127.0.0.1:${port}/ready`);
    const rates: string[] = [];
    for (const q of QUESTIONS) {
      const r = await autocannon({
        url: `http://127.0.0.1:${port}/graphql`,
        connections: 16,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q.ours }),
      });
      rates.push(`${q.id} ${Math.round(r.requests.average)}`);
    }
    await stopChild(child);
    const [file] = await readdir(out);
    console.log(`\n${dir}: req/s at 16 clients: ${rates.join(', ')}`);
    console.log(`profile ${path.join(out, file ?? '')}`);
    for (const [step, share] of stepShares(path.join(out, file ?? ''))) {
      if (share >= 0.005) console.log(`  ${step.padEnd(24)} ${(100 * share).toFixed(1)} %`);
    }
  }
} finally {
  await neo4j.stop();
}
