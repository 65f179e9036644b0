/** Export: the current view as CSV or JSON; the graph as PNG or GraphML. All made in the browser. */
import type { Core } from 'cytoscape';

type Row = Record<string, string | number>;

function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: Row[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c] ?? '')).join(','))].join('\n') +
    '\n'
  );
}

export const exportCsv = (name: string, rows: Row[]) =>
  download(`${name}.csv`, 'text/csv', toCsv(rows));
export const exportJson = (name: string, rows: Row[]) =>
  download(`${name}.json`, 'application/json', JSON.stringify(rows, null, 2));

export function exportPng(cy: Core): void {
  download(
    'graph.png',
    'image/png',
    cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }),
  );
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toGraphml(cy: Core): string {
  const nodes = cy
    .nodes()
    .map(
      (n) =>
        `    <node id="${xml(n.id())}"><data key="kind">${xml(String(n.data('kind')))}</data><data key="label">${xml(String(n.data('label')))}</data><data key="sources">${xml((n.data('sources') as string[]).join(' '))}</data></node>`,
    );
  const edges = cy
    .edges()
    .map(
      (e) =>
        `    <edge id="${xml(e.id())}" source="${xml(e.source().id())}" target="${xml(e.target().id())}"><data key="type">${xml(String(e.data('type')))}</data><data key="sources">${xml((e.data('sources') as string[]).join(' '))}</data></edge>`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="sources" for="all" attr.name="sources" attr.type="string"/>',
    '  <graph id="negotiation" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

export const exportGraphml = (cy: Core) =>
  download('graph.graphml', 'application/graphml+xml', toGraphml(cy));

/** The graph's nodes and edges as rows, for CSV/JSON of the graph view. */
export const graphRows = (cy: Core): Row[] => [
  ...cy.nodes().map((n) => ({
    element: 'node',
    id: n.id(),
    kind: String(n.data('kind')),
    label: String(n.data('label')),
    from: '',
    to: '',
    sources: (n.data('sources') as string[]).join(' '),
  })),
  ...cy.edges().map((e) => ({
    element: 'edge',
    id: e.id(),
    kind: String(e.data('type')),
    label: '',
    from: e.source().id(),
    to: e.target().id(),
    sources: (e.data('sources') as string[]).join(' '),
  })),
];
