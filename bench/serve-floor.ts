/**
 * The HTTP floor, for the benchmark: the hand-written Cypher of each question behind a bare
 * node:http handler — read the body (`{"question":"Q1"}`), run the Cypher as our API does
 * (through the same GraphReader: one auto-commit READ transaction, plain values), write the
 * JSON — nothing else. What any HTTP service over this driver and database costs; ours ÷
 * floor is what GraphQL adds.
 */
import { createServer } from 'node:http';

import { createDriver } from '../src/db/create-driver.ts';
import { GraphReader } from '../src/graph/graph-reader.ts';
import { QUESTIONS } from './questions.ts';

const driver = createDriver({
  uri: process.env.NEO4J_URI ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: undefined,
});
const reader = new GraphReader({ driver, database: undefined, timeoutMs: 15_000 });
const byId = new Map(QUESTIONS.map((q) => [q.id, q.limit]));

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const { question } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      question: string;
    };
    const q = byId.get(question);
    if (!q) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"no question"}');
      return;
    }
    reader
      .readRows(q)
      .then((data) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      })
      .catch((err: unknown) => {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: String(err) }] }));
      });
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
