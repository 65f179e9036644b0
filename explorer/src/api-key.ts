/**
 * The analyst's API key and the requests that send it. The key is entered in the "Add a
 * report" view and kept only in this tab's sessionStorage (gone when the tab closes); it is
 * sent as `Authorization: Bearer <key>` with the view's requests and nowhere else. Answers
 * come back whole (HTTP status, coded errors and their problems) so refusals can be shown.
 */
const STORAGE_KEY = 'negotiation-graph.api-key';

export const storedKey = (): string => sessionStorage.getItem(STORAGE_KEY) ?? '';

export function storeKey(key: string): void {
  if (key) sessionStorage.setItem(STORAGE_KEY, key);
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** One problem of a refused write, with the path of the input it concerns. */
export interface Problem {
  path: string;
  message: string;
}

export interface ApiError {
  message: string;
  code: string;
  problems: Problem[];
}

export interface ApiAnswer<T> {
  status: number;
  data: T | null;
  errors: ApiError[];
}

/** Posts an operation to /graphql, with the key when there is one. Never throws on a refusal. */
export async function send<T>(
  query: string,
  variables: Record<string, unknown>,
  key = '',
): Promise<ApiAnswer<T>> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  let body: {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string; problems?: Problem[] } }[];
  };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return {
      status: res.status,
      data: null,
      errors: [{ message: `HTTP ${res.status}`, code: '', problems: [] }],
    };
  }
  return {
    status: res.status,
    data: body.data ?? null,
    errors: (body.errors ?? []).map((e) => ({
      message: e.message,
      code: e.extensions?.code ?? '',
      problems: e.extensions?.problems ?? [],
    })),
  };
}
