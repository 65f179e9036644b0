/**
 * The HTTP routes: the explorer's static files at /explorer/ (`/` redirects there),
 * GraphiQL's cacheable files at /graphiql/, and everything else — /graphql, /health,
 * /ready — to graphql-yoga.
 *
 * Guarantees, before yoga sees a request: every response carries the security headers
 * (security-headers.ts) and is compressed when the client accepts it; a POST body larger
 * than `maxBodyBytes` is refused with 413, one without a Content-Length with 411, and one
 * whose content type a cross-site HTML form could send (form-urlencoded, multipart,
 * text/plain) with 415 — so every POST a browser sends cross-site needs a CORS preflight.
 *
 * A POST to /graphql is read whole and offered to the hot path of repeated reads
 * (serve-known-read.ts); what it does not answer goes to yoga with the body already read.
 */
import compression from 'compression';
import { existsSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import sirv from 'sirv';

import { explorerDist } from './build-explorer.ts';
import type { GraphYoga, ServerContext } from './create-yoga.ts';
import { GRAPHIQL_ASSET_PREFIX, GraphiQLAssets } from './graphiql-assets.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { answerKnownRead, type HotPath } from './serve-known-read.ts';

/** Largest accepted request body: GraphQL documents are a few KB; 100 KB leaves room. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Content types a POST to /graphql may have (none of them is sendable by a plain form). */
const GRAPHQL_CONTENT_TYPES = ['application/json', 'application/graphql'];

export interface RequestListenerOptions {
  distDir?: string;
  maxBodyBytes?: number;
  /** Answer repeated reads on the hot path (serve-known-read.ts). @default true */
  hotPath?: boolean;
}

export function createRequestListener(
  yoga: GraphYoga,
  {
    distDir = explorerDist,
    maxBodyBytes = MAX_BODY_BYTES,
    hotPath = true,
  }: RequestListenerOptions = {},
): RequestListener {
  // dev: read the folder per request, so a rebuild (npm run build:explorer) is served at once.
  const assets = existsSync(distDir) ? sirv(distDir, { etag: true, dev: true }) : undefined;
  const compress = compression({ threshold: 1024 });

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    if (pathname === '/' || pathname === '/explorer') {
      res.writeHead(302, { location: '/explorer/' }).end();
      return;
    }
    if (pathname.startsWith('/explorer/')) {
      if (!assets) {
        plain(res, 503, 'The explorer is not built: run npm run build:explorer');
        return;
      }
      req.url = url.slice('/explorer'.length);
      assets(req, res, () => plain(res, 404, 'Not found'));
      return;
    }
    if (pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      void GraphiQLAssets.load().then(
        (graphiql) => sendGraphiQLAsset(req, res, graphiql, pathname),
        () => plain(res, 500, 'GraphiQL could not be loaded'),
      );
      return;
    }
    if (req.method === 'POST') {
      const refusal = refusePost(req, maxBodyBytes);
      if (refusal) {
        res.setHeader('connection', 'close');
        plain(res, refusal.status, refusal.message);
        req.resume();
        return;
      }
      const hot = hotPath ? yoga.hotPath : undefined;
      if (hot && url === '/graphql' && !(hot.corsEnabled && req.headers.origin !== undefined)) {
        servePost(yoga, hot, req, res);
        return;
      }
    }
    void yoga.handle(req, res);
  };

  return (req, res) => {
    setSecurityHeaders(res);
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () =>
      route(req, res),
    );
  };
}

/** Reads the body, then answers from the hot path or hands the request to yoga. */
function servePost(yoga: GraphYoga, hot: HotPath, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('error', () => res.destroy());
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    answerKnownRead(hot, header('accept'), header('authorization'), body)
      .then((answer) => {
        if ('served' in answer) {
          res
            .writeHead(200, {
              'content-type': answer.served.contentType,
              'content-length': Buffer.byteLength(answer.served.body),
            })
            .end(answer.served.body);
          return undefined;
        }
        return viaYoga(yoga, req, res, body, answer.yoga);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) plain(res, 500, 'Unexpected error.');
        else res.destroy(err instanceof Error ? err : undefined);
      });
  });
}

/** Headers of the Node request that do not describe its (already read) body or connection. */
const HOP_HEADERS = new Set(['connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/** Yoga's answer to a POST whose body is read already, written to the Node response. */
async function viaYoga(
  yoga: GraphYoga,
  req: IncomingMessage,
  res: ServerResponse,
  body: string,
  context: ServerContext,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const response = await yoga.fetch(
    `http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`,
    { method: 'POST', headers, body },
    context,
  );
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

function sendGraphiQLAsset(
  req: IncomingMessage,
  res: ServerResponse,
  graphiql: GraphiQLAssets,
  pathname: string,
): void {
  const asset = graphiql.get(pathname);
  if (!asset) {
    plain(res, 404, 'Not found');
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(gzip ? asset.gzip : asset.body);
}

function refusePost(
  req: IncomingMessage,
  maxBodyBytes: number,
): { status: number; message: string } | undefined {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!GRAPHQL_CONTENT_TYPES.includes(type)) {
    return {
      status: 415,
      message: `POST needs content-type application/json (got ${type || 'none'})`,
    };
  }
  const length = req.headers['content-length'];
  if (length === undefined) {
    return { status: 411, message: 'POST needs a Content-Length header' };
  }
  if (Number(length) > maxBodyBytes) {
    return {
      status: 413,
      message: `The request body is ${length} bytes; the limit is ${maxBodyBytes} bytes`,
    };
  }
  return undefined;
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
}
