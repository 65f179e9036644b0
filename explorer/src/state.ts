/**
 * The screen's state lives in the URL query string: every view and selection is a
 * permalink, and back/forward replay it. `navigate` pushes a new entry; listeners
 * re-render from the URL alone.
 */
export type View = 'board' | 'graph' | 'disagreements' | 'reports' | 'timeline' | 'add';
export const VIEWS: View[] = ['board', 'graph', 'disagreements', 'reports', 'timeline', 'add'];

/** Reads one parameter of the current URL. */
export const param = (name: string): string => new URLSearchParams(location.search).get(name) ?? '';

export const currentView = (): View => {
  const v = param('view') as View;
  return VIEWS.includes(v) ? v : 'board';
};

/** The URL for a state: `params` replace the whole query string. */
export function href(params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  const s = search.toString();
  return `${location.pathname}${s ? `?${s}` : ''}`;
}

const listeners: (() => void)[] = [];
/** Called after every navigation, including back/forward. */
export const onNavigate = (fn: () => void) => listeners.push(fn);
const notify = () => listeners.forEach((fn) => fn());
window.addEventListener('popstate', notify);

/** Goes to a new state. `merge` keeps the current parameters not named in `params`. */
export function navigate(params: Record<string, string>, merge = false, replace = false): void {
  const next = merge
    ? { ...Object.fromEntries(new URLSearchParams(location.search)), ...params }
    : params;
  const url = href(next);
  if (url === `${location.pathname}${location.search}`) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  notify();
}

/** In-app links navigate without reloading (a modified click still opens a new tab). */
document.addEventListener('click', (e) => {
  const a = (e.target as HTMLElement).closest?.('a.app-link');
  if (!(a instanceof HTMLAnchorElement) || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0)
    return;
  e.preventDefault();
  const url = new URL(a.href);
  navigate(Object.fromEntries(url.searchParams));
});
