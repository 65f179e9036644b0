/**
 * The HTTP front door over a real socket: body limit, refusal of form-encodable POSTs,
 * same-origin CORS by default with an allow-list, security headers, compression, and
 * GraphiQL as a small page plus cacheable files.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config/config.ts';
import { ensureExplorerBuilt } from '../src/server/build-explorer.ts';
import { createRequestListener, MAX_BODY_BYTES } from '../src/server/create-request-listener.ts';
import { createGraphYoga } from '../src/server/create-yoga.ts';
import { useTestDriver } from './neo4j-context.ts';
import { loadTestSeeds } from './seed-helpers.ts';

const { driver, database } = useTestDriver();
const servers: Server[] = [];
let base = '';
let allowListBase = '';
const ALLOWED = 'https://analysts.example.org';

async function serve(corsOrigins: string[]): Promise<string> {
  const yoga = createGraphYoga({ driver, database, logging: false, corsOrigins });
  const server = createServer(createRequestListener(yoga));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await ensureExplorerBuilt(() => undefined);
  await loadTestSeeds(driver, database);
  base = await serve([]);
  allowListBase = await serve([ALLOWED]);
}, 120_000);

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const json = { 'content-type': 'application/json' };
const QUERY = JSON.stringify({ query: '{ actor(id: "pakistan") { name } }' });

describe('request bodies', () => {
  it('refuses a body over 100 KB with 413 before parsing it', async () => {
    const padding = ' '.repeat(MAX_BODY_BYTES + 1);
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: json,
      body: `{"query": "{ __typename }"${padding}}`,
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/limit is 102400 bytes/);
  });

  it('accepts a GraphQL document just under the limit', async () => {
    const query = `{ __typename ${' '.repeat(MAX_BODY_BYTES - 200)} }`;
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['application/x-www-form-urlencoded', 'query=%7B__typename%7D'],
    ['text/plain', QUERY],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
  ])(
    'refuses a POST with content-type %s (sendable by a cross-site form) with 415',
    async (type, body) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(res.status).toBe(415);
    },
  );
});

describe('CORS', () => {
  it('gives a foreign origin no CORS headers by default (same origin only), also on preflight', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { ...json, origin: 'https://evil.example' },
      body: QUERY,
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets an origin on CORS_ORIGINS read responses, without credentials, and no other', async () => {
    const ok = await fetch(`${allowListBase}/graphql`, {
      method: 'POST',
      headers: { ...json, origin: ALLOWED },
      body: QUERY,
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-credentials')).not.toBe('true');
    const other = await fetch(`${allowListBase}/graphql`, {
      method: 'POST',
      headers: { ...json, origin: 'https://evil.example' },
      body: QUERY,
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('validates CORS_ORIGINS at start, naming the variable', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).http,
    ).toMatchObject({
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
    });
    expect(loadConfig({}).http.corsOrigins).toEqual([]);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('security headers, compression and GraphiQL', () => {
  it.each(['/explorer/', '/graphql'])(
    'sends CSP, frame and sniffing protection on %s',
    async (path) => {
      const res = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('serves GraphiQL as a small page with no inline script and immutable, gzipped assets', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(html.length).toBeLessThan(5_000);
    expect(html).not.toMatch(/<script>/);
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const res = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
      await res.arrayBuffer();
    }
    const big = assets.find((a) => /graphiql\.[0-9a-f]+\.js$/.test(a ?? ''));
    const raw = await rawGet(`${base}${big}`, { 'accept-encoding': 'gzip' });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.body.length).toBeLessThan(4_000_000);
    expect(gunzipSync(raw.body).length).toBeGreaterThan(raw.body.length);
  });

  it('compresses GraphQL answers when the client accepts gzip', async () => {
    const body = JSON.stringify({
      query: '{ actors(first: 100) { edges { node { id name evidence { quote } } } } }',
    });
    const raw = await rawPost(`${base}/graphql`, body);
    expect(raw.headers['content-encoding']).toBe('gzip');
    const answer = JSON.parse(gunzipSync(raw.body).toString('utf8')) as { data: unknown };
    expect(answer.data).toBeTruthy();
  });
});

/** node:http keeps the encoded bytes (fetch would decode them). */
async function rawGet(url: string, headers: Record<string, string>) {
  const { request } = await import('node:http');
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

async function rawPost(url: string, body: string) {
  const { request } = await import('node:http');
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'accept-encoding': 'gzip',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
