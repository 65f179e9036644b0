/** @neo4j/graphql (the peer) with an equivalent schema, served by graphql-yoga over HTTP. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';

import { createDriver } from '../src/db/create-driver.ts';

const driver = createDriver({
  uri: process.env.NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: undefined,
});
const typeDefs = readFileSync(new URL('./peer-type-defs.graphql', import.meta.url), 'utf8');
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({ schema, logging: false, graphiql: false });
const server = createServer((req, res) => void yoga.handle(req, res));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
