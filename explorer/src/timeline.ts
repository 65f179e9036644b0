/**
 * The timeline: meetings and incidents in the order the reports establish. A date is shown
 * as stated with its precision ("Thursday · weekday", "this week · week"), never placed on
 * a calendar day it does not have.
 */
import { TIMELINE_QUERY, gql } from './api.ts';

interface Entry {
  sequence: number | null;
  date: { text: string; precision: string } | null;
  node: { __typename: string; id: string; name?: string; summary?: string; place?: string | null };
}

export async function renderTimeline(
  list: HTMLOListElement,
  onSelect: (id: string) => void,
): Promise<void> {
  const { timeline } = await gql<{ timeline: Entry[] }>(TIMELINE_QUERY);
  const events = timeline.filter(
    (e) => e.node.__typename === 'Meeting' || e.node.__typename === 'Incident',
  );
  list.replaceChildren(
    ...events.map((e) => {
      const item = document.createElement('li');
      item.className = `event ${e.node.__typename.toLowerCase()} precision-${(e.date?.precision ?? 'none').toLowerCase()}`;
      item.dataset.id = e.node.id;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = e.node.name ?? e.node.summary ?? e.node.id;
      button.addEventListener('click', () => onSelect(e.node.id));
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = e.date ? `${e.date.text} · ${e.date.precision.toLowerCase()}` : 'undated';
      const order = document.createElement('span');
      order.className = 'order';
      order.textContent = e.sequence === null ? 'not placed' : `#${e.sequence}`;
      item.append(order, when, button);
      return item;
    }),
  );
}
