/**
 * `npm run neo4j:build | neo4j:start | neo4j:stop`: the local Neo4j on its own, for analysts
 * who want the database without the API. `start` runs in the foreground until Ctrl-C.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ConfigError, loadConfig } from '../config/config.ts';
import { PID_FILE, prepareLauncher, startLocalNeo4j } from './start-local-neo4j.ts';
import { runMain } from '../cli/run-main.ts';

async function main(command: string | undefined): Promise<void> {
  if (command === 'build') {
    await prepareLauncher();
    console.log('neo4j-local: launcher is built');
    return;
  }
  const config = loadConfig();
  if (config.neo4j.kind !== 'local') {
    throw new ConfigError('NEO4J_URI is set: the local Neo4j is not used. Unset it to start one.');
  }
  const local = config.neo4j;
  if (command === 'start') {
    const server = await startLocalNeo4j(local);
    console.log(
      `Neo4j is ready at ${server.uri} (user neo4j, store ${local.storeDir}). Ctrl-C stops it.`,
    );
    const stop = () => void server.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  if (command === 'stop') {
    const pidFile = path.join(local.storeDir, PID_FILE);
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
    if (!pid) {
      console.log(`neo4j-local: no running server recorded in ${pidFile}`);
      return;
    }
    process.kill(pid, 'SIGTERM');
    console.log(`neo4j-local: asked process ${pid} to stop`);
    return;
  }
  throw new Error('usage: tsx src/neo4j-local/cli.ts build|start|stop');
}

runMain(
  () => main(process.argv[2]),
  (err) => (err instanceof Error ? err.message : String(err)),
);
