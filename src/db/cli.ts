/** `npm run schema:apply`: applies cypher/schema.cypher to the configured Neo4j. */
import { ConfigError, loadConfig } from '../config/config.ts';
import { applySchema } from './apply-schema.ts';
import { connectGraph } from './connect-graph.ts';
import { describeNeo4jError } from './neo4j-errors.ts';
import { runMain } from '../cli/run-main.ts';

async function main(): Promise<void> {
  const graph = await connectGraph(loadConfig());
  try {
    const n = await applySchema(graph.driver, graph.connection.database);
    console.log(`Applied ${n} schema statements from cypher/schema.cypher`);
  } finally {
    await graph.close();
  }
}

runMain(main, (err) => (err instanceof ConfigError ? err.message : describeNeo4jError(err)));
