/**
 * `npm run keys -- create --role editor|reader --name NAME` · `list` · `revoke KEY_ID`
 *
 * Manages API keys in the configured Neo4j. `create` prints the key once; only its
 * Argon2 hash is stored. Exit status: 0 done, 1 error, 2 usage.
 */
import { parseArgs } from 'node:util';

import { ConfigError, loadConfig } from '../config/config.ts';
import { applySchema } from '../db/apply-schema.ts';
import { connectGraph } from '../db/connect-graph.ts';
import { describeNeo4jError } from '../db/neo4j-errors.ts';
import { ROLES, type Role } from './api-key.ts';
import { KeyStore } from './key-store.ts';
import { runMain } from '../cli/run-main.ts';

const USAGE = `usage: npm run keys -- create --role editor|reader --name NAME
       npm run keys -- list
       npm run keys -- revoke KEY_ID`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { role: { type: 'string' }, name: { type: 'string' } },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, arg] = parsed.positionals;
  const { role, name } = parsed.values;
  if (command === 'create' && (!ROLES.includes(role as Role) || !name?.trim())) {
    console.error(`create needs --role (${ROLES.join(' or ')}) and --name\n${USAGE}`);
    return 2;
  }
  if (command === 'revoke' && !arg) {
    console.error(`revoke needs the key id (see list)\n${USAGE}`);
    return 2;
  }
  if (!['create', 'list', 'revoke'].includes(command ?? '')) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const graph = await connectGraph(config);
  try {
    await applySchema(graph.driver, graph.connection.database);
    const store = new KeyStore(graph.driver, graph.connection.database);
    if (command === 'create') {
      const { record, key } = await store.create(name!.trim(), role as Role);
      console.log(`Created ${record.role} key "${record.name}" (id ${record.keyId}).`);
      console.log(`Key (shown only now; send it as "Authorization: Bearer <key>"):\n${key}`);
    } else if (command === 'list') {
      for (const k of await store.list())
        console.log(
          `${k.keyId}  ${k.role.padEnd(6)}  ${k.name}  created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ''}`,
        );
    } else if (!(await store.revoke(arg!))) {
      console.error(`No key with id ${arg}.`);
      return 1;
    } else console.log(`Revoked key ${arg}.`);
    return 0;
  } finally {
    await graph.close();
  }
}

runMain(main, (err) => (err instanceof ConfigError ? err.message : describeNeo4jError(err)));
