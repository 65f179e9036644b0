/**
 * Binds the HTTP port before anything else happens, so a busy port fails at once and
 * touches nothing (no Neo4j started, no schema applied, no seed loaded).
 *
 * Until `serve()` is called every request gets 503 "starting" (except /health, 200).
 */
import { createServer, type RequestListener, type Server } from 'node:http';

export interface BoundServer {
  server: Server;
  /** Replaces the "starting" answer with the real application. */
  serve(listener: RequestListener): void;
}

class PortBusyError extends Error {
  override name = 'PortBusyError';
}

export async function bindHttpPort(host: string, port: number): Promise<BoundServer> {
  let handler: RequestListener = (req, res) => {
    const ok = req.url === '/health';
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'text/plain', 'retry-after': '5' })
      .end(ok ? 'ok\n' : 'Starting: the graph is not loaded yet\n');
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new PortBusyError(
              `Port ${port} on ${host} is already in use; nothing was started. Stop what uses it or set PORT to a free port.`,
            )
          : err.code === 'EACCES'
            ? new PortBusyError(
                `Not allowed to listen on ${host}:${port}; set PORT to a port above 1023.`,
              )
            : err,
      );
    });
    server.listen(port, host, resolve);
  });
  return {
    server,
    serve(listener) {
      handler = listener;
    },
  };
}
