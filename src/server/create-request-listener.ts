/**
 * The HTTP routes: the explorer's static files at /explorer/ (`/` redirects there), and
 * everything else — /graphql, /health, /ready — to graphql-yoga.
 */
import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import sirv from 'sirv';

import { explorerDist } from './build-explorer.ts';
import type { GraphYoga } from './create-yoga.ts';

export function createRequestListener(yoga: GraphYoga, distDir = explorerDist): RequestListener {
  // dev: read the folder per request, so a rebuild (npm run build:explorer) is served at once.
  const assets = existsSync(distDir) ? sirv(distDir, { etag: true, dev: true }) : undefined;
  return (req, res) => {
    const url = req.url ?? '/';
    if (url === '/' || url === '/explorer') {
      res.writeHead(302, { location: '/explorer/' }).end();
      return;
    }
    if (url.startsWith('/explorer/')) {
      if (!assets) {
        res
          .writeHead(503, { 'content-type': 'text/plain' })
          .end('The explorer is not built: run npm run build:explorer\n');
        return;
      }
      req.url = url.slice('/explorer'.length);
      assets(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      });
      return;
    }
    void yoga.handle(req, res);
  };
}
