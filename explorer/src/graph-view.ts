/** The graph drawing: Cytoscape.js with a colour and a shape per kind and labelled edges. */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';

import type { GraphEdge, GraphNode, Kind } from './api.ts';

export const KIND_STYLE: Record<
  Kind,
  { colour: string; shape: cytoscape.Css.NodeShape; name: string }
> = {
  ACTOR: { colour: '#2563eb', shape: 'ellipse', name: 'Actors' },
  DEMAND: { colour: '#d97706', shape: 'round-rectangle', name: 'Demands' },
  MEETING: { colour: '#059669', shape: 'hexagon', name: 'Meetings' },
  INCIDENT: { colour: '#dc2626', shape: 'triangle', name: 'Incidents' },
  STATEMENT: { colour: '#7c3aed', shape: 'diamond', name: 'Statements' },
  CLAIM: { colour: '#db2777', shape: 'tag', name: 'Claims' },
  SOURCE: { colour: '#6b7280', shape: 'rectangle', name: 'Reports' },
};

const shorten = (s: string, n = 38) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function createGraph(container: HTMLElement): Core {
  return cytoscape({
    container,
    minZoom: 0.1,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(short)',
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          width: 26,
          height: 26,
          'border-width': 1,
          'border-color': '#fff',
        },
      },
      ...Object.entries(KIND_STYLE).map(([kind, s]) => ({
        selector: `node[kind = "${kind}"]`,
        style: { 'background-color': s.colour, shape: s.shape },
      })),
      { selector: 'node[kind = "ACTOR"]', style: { width: 36, height: 36, 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          label: 'data(type)',
          'font-size': 7,
          color: '#555',
          width: 1.2,
          'line-color': '#b6bcc6',
          'target-arrow-color': '#b6bcc6',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.8,
          'min-zoomed-font-size': 9,
        },
      },
      { selector: 'edge[type = "REPORTED_BY"]', style: { 'line-style': 'dotted', label: '' } },
      {
        selector: '.disputed',
        style: { 'border-width': 5, 'border-color': '#f59e0b', 'border-style': 'double' },
      },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#111' } },
      { selector: '.faded', style: { opacity: 0.15 } },
    ],
  });
}

export function toElements(nodes: GraphNode[], edges: GraphEdge[]): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, short: shorten(n.label) } })),
    ...edges.map((e) => ({
      group: 'edges' as const,
      data: { id: `e:${e.id}`, source: e.from, target: e.to, type: e.type, sources: e.sources },
    })),
  ];
}

export function layout(cy: Core, eles = cy.elements()): void {
  eles
    .layout({
      name: 'cose',
      animate: false,
      nodeRepulsion: () => 60000,
      idealEdgeLength: () => 110,
      gravity: 0.6,
      randomize: false,
      fit: true,
      padding: 30,
    })
    .run();
}
