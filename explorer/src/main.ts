/**
 * The explorer: wires the graph, filters, search, timeline and details panel. Every piece
 * of data comes from the project's GraphQL API; "Open this query in GraphiQL" opens the
 * query behind what is on screen.
 */
import './style.css';

import type { Core, NodeSingular } from 'cytoscape';

import {
  FILTERS_QUERY,
  GRAPH_QUERY,
  SEARCH_QUERY,
  gql,
  graphiqlUrl,
  onQuery,
  type GraphEdge,
  type GraphNode,
  type Kind,
} from './api.ts';
import { showDetails } from './details-panel.ts';
import { KIND_STYLE, createGraph, layout, toElements } from './graph-view.ts';
import { renderTimeline } from './timeline.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const details = $('details');
const graphLink = $<HTMLAnchorElement>('graphiql-link');
const DEFAULT_KINDS: Kind[] = ['ACTOR', 'DEMAND', 'MEETING', 'INCIDENT'];

const cy: Core = createGraph($('graph'));
declare global {
  interface Window {
    explorer: { cy: Core; ready: boolean };
  }
}
window.explorer = { cy, ready: false };
onQuery(() => {
  graphLink.href = graphiqlUrl();
});

function selectedKinds(): Kind[] {
  return [...document.querySelectorAll<HTMLInputElement>('#kind-filter input:checked')].map(
    (i) => i.value as Kind,
  );
}

async function loadGraph(): Promise<void> {
  status.textContent = 'Loading graph…';
  const variables: Record<string, unknown> = { kinds: selectedKinds() };
  const actor = $<HTMLSelectElement>('actor-filter').value;
  const source = $<HTMLSelectElement>('source-filter').value;
  if (actor) variables.actor = actor;
  if (source) variables.source = source;
  const { graph } = await gql<{
    graph: { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean };
  }>(GRAPH_QUERY, variables);
  cy.elements().remove();
  cy.add(toElements(graph.nodes, graph.edges));
  applyDisputed();
  layout(cy);
  $('graph').dataset.nodeCount = String(cy.nodes().length);
  status.textContent = `${graph.nodes.length} nodes, ${graph.edges.length} relationships${graph.truncated ? ' (truncated: narrow the filters)' : ''}`;
}

async function expand(id: string): Promise<void> {
  const { graph } = await gql<{ graph: { nodes: GraphNode[]; edges: GraphEdge[] } }>(GRAPH_QUERY, {
    around: id,
    kinds: Object.keys(KIND_STYLE),
  });
  const fresh = toElements(graph.nodes, graph.edges).filter((e) =>
    cy.getElementById(String(e.data.id)).empty(),
  );
  const added = cy.add(fresh);
  applyDisputed();
  layout(cy, cy.elements());
  status.textContent = `Expanded ${id}: ${added.nodes().length} new nodes`;
  $('graph').dataset.nodeCount = String(cy.nodes().length);
}

function applyDisputed(): void {
  const on = $<HTMLInputElement>('disputed-toggle').checked;
  cy.nodes().forEach((n) => {
    n.toggleClass('disputed', on && Boolean(n.data('disputed')));
  });
  $('disagreements').hidden = !on;
}

async function select(id: string): Promise<void> {
  let node = cy.getElementById(id);
  if (node.empty()) {
    await expand(id);
    node = cy.getElementById(id);
  }
  cy.elements().unselect();
  node.select();
  if (node.nonempty()) cy.animate({ center: { eles: node }, duration: 200 });
  try {
    await showDetails(details, id, String(node.data('kind') ?? ''), (next) => void select(next));
  } catch (err) {
    details.textContent = `Could not load ${id}: ${(err as Error).message}`;
  }
}

async function search(text: string): Promise<void> {
  const box = $('search-results');
  if (!text.trim()) {
    box.replaceChildren();
    return;
  }
  const { search: hits } = await gql<{ search: { node: Record<string, string> }[] }>(SEARCH_QUERY, {
    text,
  });
  const list = document.createElement('ul');
  list.className = 'results';
  for (const { node } of hits) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = `${node.__typename}: ${node.name ?? node.summary ?? node.value ?? node.id}`;
    button.addEventListener('click', () => void select(node.id ?? ''));
    const li = document.createElement('li');
    li.append(button);
    list.append(li);
  }
  const heading = document.createElement('h3');
  heading.textContent = hits.length ? `Search: ${hits.length} found` : 'Search: nothing found';
  box.replaceChildren(heading, list);
}

async function loadFilters(): Promise<void> {
  const kindBox = $('kind-filter');
  for (const [kind, s] of Object.entries(KIND_STYLE)) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = kind;
    input.checked = DEFAULT_KINDS.includes(kind as Kind);
    input.addEventListener('change', () => void loadGraph());
    const swatch = document.createElement('span');
    swatch.className = `swatch ${kind.toLowerCase()}`;
    swatch.style.background = s.colour;
    label.append(input, swatch, ` ${s.name}`);
    kindBox.append(label);
  }
  const data = await gql<{
    actors: { edges: { node: { id: string; name: string } }[] };
    sources: { id: string; title: string | null; outlet: string | null }[];
    disagreements: {
      subject: { id: string };
      property: string;
      versions: { value: string; evidence: { source: { id: string } }[] }[];
    }[];
  }>(FILTERS_QUERY);
  const actorSelect = $<HTMLSelectElement>('actor-filter');
  for (const { node } of data.actors.edges) actorSelect.add(new Option(node.name, node.id));
  const sourceSelect = $<HTMLSelectElement>('source-filter');
  for (const s of data.sources)
    sourceSelect.add(new Option(`${s.id}${s.outlet ? ` (${s.outlet})` : ''}`, s.id));
  actorSelect.addEventListener('change', () => void loadGraph());
  sourceSelect.addEventListener('change', () => void loadGraph());
  $('disagreements').replaceChildren(
    ...data.disagreements.map((d) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = `${d.subject.id} · ${d.property}`;
      button.addEventListener('click', () => void select(d.subject.id));
      const versions = document.createElement('ul');
      versions.append(
        ...d.versions.map((v) => {
          const item = document.createElement('li');
          item.textContent = `${v.value} — ${v.evidence.map((e) => e.source.id).join(', ')}`;
          return item;
        }),
      );
      li.append(button, versions);
      return li;
    }),
  );
  $('disputed-toggle').addEventListener('change', applyDisputed);
}

function wireKeyboard(): void {
  const input = $<HTMLInputElement>('search');
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(input.value), 200);
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void search(input.value);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== input) {
      e.preventDefault();
      input.focus();
    } else if (e.key === 'Escape') {
      cy.elements().unselect();
      details.replaceChildren();
    }
  });
  cy.on('tap', 'node', (e) => void select((e.target as NodeSingular).id()));
  cy.on('dbltap', 'node', (e) => void expand((e.target as NodeSingular).id()));
}

async function start(): Promise<void> {
  try {
    wireKeyboard();
    await loadFilters();
    await loadGraph();
    await renderTimeline($<HTMLOListElement>('timeline'), (id) => void select(id));
    window.explorer.ready = true;
    document.body.dataset.ready = 'true';
  } catch (err) {
    status.textContent = `Could not load the graph: ${(err as Error).message}`;
    status.classList.add('error');
  }
}

void start();
