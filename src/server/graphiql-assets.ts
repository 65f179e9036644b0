/**
 * GraphiQL served as a small page plus cacheable files, all from this server (offline).
 *
 * The page (`GET /graphql` in a browser) is a few hundred bytes of HTML with no inline
 * script, so it runs under a Content-Security-Policy without 'unsafe-inline'. Its script,
 * style sheet and Monaco's workers come from the bundle @graphql-yoga/render-graphiql ships,
 * at `/graphiql/<name>.<hash>.<ext>`: content-addressed, so they are cached for a year
 * (`immutable`) and kept gzip-compressed in memory.
 *
 * The bundle (9 MB of JavaScript, ~35 MB of the process's memory once loaded with its
 * compressed copies) is loaded on the first GraphiQL request, not when the server starts:
 * a server nobody opens GraphiQL on never holds it.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type * as GraphiQLBundle from '@graphql-yoga/render-graphiql/graphiql';

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

type Bundle = typeof GraphiQLBundle;

export interface GraphiQLAsset {
  type: string;
  body: Buffer;
  gzip: Buffer;
}

export interface GraphiQLOptions {
  title: string;
  defaultQuery: string;
  endpoint: string;
}

/** Starts GraphiQL with the options in #graphiql-options; Monaco's workers by URL. */
const BOOT = (workers: Record<string, string>) => `(function () {
  var workers = ${JSON.stringify(workers)};
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return workers[label]; } };
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), options);
})();
`;

export class GraphiQLAssets {
  private constructor(
    private readonly assets: Map<string, GraphiQLAsset>,
    private readonly names: Record<'css' | 'js' | 'boot' | 'favicon', string>,
  ) {}

  private static instance: Promise<GraphiQLAssets> | undefined;

  /** Loads, hashes and compresses the bundle once per process, on first use. */
  static load(): Promise<GraphiQLAssets> {
    GraphiQLAssets.instance ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle) =>
      GraphiQLAssets.build(bundle),
    );
    return GraphiQLAssets.instance;
  }

  private static build(bundle: Bundle): GraphiQLAssets {
    const assets = new Map<string, GraphiQLAsset>();
    const add = (name: string, ext: string, type: string, body: Buffer): string => {
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      const file = `${GRAPHIQL_ASSET_PREFIX}${name}.${hash}.${ext}`;
      assets.set(file, { type, body, gzip: gzipSync(body) });
      return file;
    };
    const js = (s: string) => Buffer.from(s, 'utf8');
    const workers = {
      editorWorkerService: add(
        'editor.worker',
        'js',
        'text/javascript',
        js(bundle.editorWorkerService),
      ),
      json: add('json.worker', 'js', 'text/javascript', js(bundle.jsonWorker)),
      graphql: add('graphql.worker', 'js', 'text/javascript', js(bundle.graphqlWorker)),
    };
    const icon = /^data:([^;]+);base64,(.*)$/.exec(bundle.favicon);
    const names = {
      css: add('graphiql', 'css', 'text/css; charset=utf-8', js(bundle.css)),
      js: add('graphiql', 'js', 'text/javascript; charset=utf-8', js(bundle.js)),
      boot: add('boot', 'js', 'text/javascript; charset=utf-8', js(BOOT(workers))),
      favicon: add(
        'favicon',
        'ico',
        icon?.[1] ?? 'image/x-icon',
        Buffer.from(icon?.[2] ?? '', 'base64'),
      ),
    };
    return new GraphiQLAssets(assets, names);
  }

  /** The asset at `pathname`, or undefined. */
  get(pathname: string): GraphiQLAsset | undefined {
    return this.assets.get(pathname);
  }

  /** The GraphiQL page: no inline script; options travel as JSON data. */
  render(options: GraphiQLOptions): string {
    const data = JSON.stringify(options).replace(/</g, '\\u003c');
    const title = options.title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${this.names.favicon}" />
    <link rel="stylesheet" href="${this.names.css}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${data}</script>
    <script src="${this.names.js}"></script>
    <script src="${this.names.boot}"></script>
  </body>
</html>
`;
  }
}
