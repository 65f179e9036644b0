/**
 * The explorer: six views (positions board, focus graph, disagreements, report reader,
 * timeline, add a report) driven by the URL, search, export and "Open in GraphiQL". Every piece of data
 * comes from the project's GraphQL API.
 */
import './style.css';

import type { Core } from 'cytoscape';

import { addRows, onRecorded, renderAddReport } from './add-report.ts';
import { SEARCH_QUERY, gql, graphiqlUrl, nameOf, onScreenQuery } from './api.ts';
import { boardRows, renderBoard } from './board.ts';
import { disagreementRows, renderDisagreements } from './disagreements.ts';
import { appLink, byId, el } from './dom.ts';
import { exportCsv, exportGraphml, exportJson, exportPng, graphRows } from './export.ts';

/** The graph view (and Cytoscape) loads only when first shown: the board needs neither. */
const graphModule = () => import('./focus-graph.ts');
import { readerRows, renderReader } from './reader.ts';
import { VIEWS, currentView, navigate, onNavigate, param, type View } from './state.ts';
import { renderTimeline, timelineRows } from './timeline.ts';

declare global {
  interface Window {
    explorer: { cy: Core | null; ready: boolean };
  }
}
window.explorer = { cy: null, ready: false };

const FILTERS_QUERY = `{ actors(first: 100) { edges { node { id name } } } sources { id title outlet } }`;
let lists: Promise<{
  actors: { id: string; name: string }[];
  reports: { id: string; label: string }[];
}> | null = null;
const loadLists = () =>
  (lists ??= gql<{
    actors: { edges: { node: { id: string; name: string } }[] };
    sources: { id: string; title: string | null; outlet: string | null }[];
  }>(FILTERS_QUERY, {}, false).then((d) => ({
    actors: d.actors.edges.map((e) => e.node),
    reports: d.sources.map((s) => ({
      id: s.id,
      label: `${s.id}${s.title ? ` — ${s.title}` : s.outlet ? ` (${s.outlet})` : ''}`,
    })),
  })));

const RENDER: Record<View, () => Promise<void>> = {
  board: renderBoard,
  graph: async () => (await graphModule()).renderGraph(),
  disagreements: renderDisagreements,
  reports: async () => renderReader((await loadLists()).reports),
  timeline: async () => renderTimeline((await loadLists()).actors),
  add: async () => renderAddReport((await loadLists()).actors),
};
// a recorded report (and its new actors) must appear in the report reader's and timeline's lists
onRecorded(() => (lists = null));

let rendering = 0;
async function render(): Promise<void> {
  const view = currentView();
  const ticket = ++rendering;
  document.body.dataset.rendered = '';
  for (const v of VIEWS) byId(`${v}-view`).hidden = v !== view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav.views a'))
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  const exportGraph = view === 'graph';
  byId<HTMLButtonElement>('export-png').disabled = !exportGraph;
  byId<HTMLButtonElement>('export-graphml').disabled = !exportGraph;
  const status = byId('app-status');
  try {
    await RENDER[view]();
    status.textContent = '';
    status.classList.remove('error');
  } catch (err) {
    status.textContent = `Could not load this view: ${(err as Error).message}`;
    status.classList.add('error');
  }
  if (ticket !== rendering) return;
  document.body.dataset.rendered = location.search || '?';
  if (!window.explorer.ready) performance.mark('explorer-interactive');
  window.explorer.ready = true;
  document.body.dataset.ready = 'true';
}

async function currentRows(): Promise<Record<string, string | number>[]> {
  switch (currentView()) {
    case 'board':
      return boardRows();
    case 'graph':
      return graphRows((await graphModule()).graphCore());
    case 'disagreements':
      return disagreementRows();
    case 'reports':
      return readerRows();
    case 'timeline':
      return timelineRows();
    case 'add':
      return addRows();
  }
}

async function search(text: string): Promise<void> {
  const box = byId('search-results');
  if (!text.trim()) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const { search: hits } = await gql<{
    search: {
      node: { __typename: string; id: string; name?: string; summary?: string; value?: string };
    }[];
  }>(SEARCH_QUERY, { text });
  box.hidden = false;
  box.replaceChildren(
    el('h2', {}, hits.length ? `Search: ${hits.length} found` : 'Search: nothing found'),
    el(
      'ul',
      { className: 'results' },
      ...hits.map(({ node }) =>
        el(
          'li',
          {},
          appLink(`${node.__typename}: ${nameOf(node)}`, {
            view: 'graph',
            focus: node.id,
            sel: node.id,
          }),
        ),
      ),
    ),
  );
}

function wire(): void {
  onScreenQuery(() => {
    byId<HTMLAnchorElement>('graphiql-link').href = graphiqlUrl();
  });
  onNavigate(() => void render());
  const input = byId<HTMLInputElement>('search');
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(input.value), 200);
  });
  byId('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void search(input.value);
  });
  byId('search-results').addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('a')) byId('search-results').hidden = true;
  });
  document.addEventListener('keydown', (e) => {
    const typing = (e.target as HTMLElement).closest('input, select, textarea');
    if (e.key === '/' && !typing) {
      e.preventDefault();
      input.focus();
    } else if (e.key === 'Escape') {
      byId('search-results').hidden = true;
      if (param('sel')) navigate({ sel: '' }, true);
    }
  });
  byId('reports-view').addEventListener('change', (e) => {
    const t = e.target as HTMLSelectElement;
    if (!t.id.startsWith('reader-')) return;
    const get = (n: string) =>
      (document.getElementById(`reader-${n}`) as HTMLSelectElement | null)?.value ?? '';
    navigate({
      view: 'reports',
      report: get('report'),
      compare: get('compare'),
      subject: get('subject'),
    });
  });
  const name = () => currentView();
  byId('export-csv').addEventListener(
    'click',
    () => void currentRows().then((rows) => exportCsv(name(), rows)),
  );
  byId('export-json').addEventListener(
    'click',
    () => void currentRows().then((rows) => exportJson(name(), rows)),
  );
  byId('export-png').addEventListener(
    'click',
    () => void graphModule().then((m) => exportPng(m.graphCore())),
  );
  byId('export-graphml').addEventListener(
    'click',
    () => void graphModule().then((m) => exportGraphml(m.graphCore())),
  );
}

wire();
void render();
