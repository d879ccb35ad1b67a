/**
 * The page's client of the admin API: every request carries the credential as a Bearer
 * header (never in a URL), and a failure becomes an `AdminApiError` with a sentence a
 * site owner can act on.
 */
import type { Page, ThreadItem, ThreadMetadata } from '../../protocol/types.js';
import { filterParams, type Filters } from './filters.js';

export type FeedbackKind = 'positive' | 'negative';

/** A listing row; `feedback` is there when the server stores feedback. */
export interface ThreadRow {
  user: string;
  thread: ThreadMetadata;
  feedback?: { positive: number; negative: number };
}

export interface Transcript {
  user: string;
  thread: ThreadMetadata;
  items: ThreadItem[];
  /** Item id to the feedback given on it, when the server stores feedback. */
  feedback?: Record<string, FeedbackKind>;
}

export type ExportFormat = 'jsonl' | 'csv';

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

export class AdminClient {
  readonly #base: string;
  readonly #credential: string;

  /** `base` is the API's URL (`/admin/api`); the credential stays in this object. */
  constructor(base: string, credential: string) {
    this.#base = base.replace(/\/$/, '');
    this.#credential = credential;
  }

  listThreads(filters: Filters, after?: string | null): Promise<Page<ThreadRow>> {
    const params = filterParams(filters);
    params.set('limit', '50');
    if (after) params.set('after', after);
    return this.#json(`/threads?${params}`);
  }

  loadTranscript(user: string, thread: string): Promise<Transcript> {
    return this.#json(`/threads/${encodeURIComponent(user)}/${encodeURIComponent(thread)}/items`);
  }

  async deleteThread(user: string, thread: string): Promise<number> {
    const answer = await this.#json<{ deleted: number }>(`/threads/${encodeURIComponent(user)}/${encodeURIComponent(thread)}`, 'DELETE');
    return answer.deleted;
  }

  async deleteUser(user: string): Promise<number> {
    const answer = await this.#json<{ deleted: number }>(`/users/${encodeURIComponent(user)}`, 'DELETE');
    return answer.deleted;
  }

  async exportThreads(format: ExportFormat, filters: Filters): Promise<Blob> {
    return (await this.#request(`/export.${format}?${filterParams(filters)}`, 'GET')).blob();
  }

  async #json<T>(path: string, method = 'GET'): Promise<T> {
    return (await (await this.#request(path, method)).json()) as T;
  }

  async #request(path: string, method: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.#credential}`, accept: 'application/json' },
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      throw new AdminApiError(0, 'network', 'The server could not be reached. Check that it is running, then try again.');
    }
    if (response.ok) return response;
    throw await errorOf(response);
  }
}

/** A failed answer as a sentence: the server's own message where it sent one. */
async function errorOf(response: Response): Promise<AdminApiError> {
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
  const code = body?.error?.code ?? 'http_error';
  if (response.status === 401)
    return new AdminApiError(401, code, 'That credential was not accepted. Check CHATKIT_ADMIN_TOKEN and try again.');
  if (response.status === 429) {
    const wait = response.headers.get('retry-after');
    return new AdminApiError(429, code, `Too many failed attempts. Try again${wait ? ` in ${wait} seconds` : ' later'}.`);
  }
  return new AdminApiError(response.status, code, body?.error?.message ?? `The server answered ${response.status}.`);
}
