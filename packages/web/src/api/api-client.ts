/**
 * The web app's only way to the server's REST API. Same-origin requests with the session cookie; unsafe methods
 * carry the CSRF token (double submit: the server set it as a readable cookie at login). An embedded page (the
 * Chatwoot Dashboard App) may instead use a bearer token. Failures are values, never exceptions, so every screen
 * handles them the same way.
 */
import type {
  Alert,
  ConversationDetail,
  ConversationListItem,
  ConversationStatus,
  CriterionOverride,
  Inbox,
  Me,
  Scorecard,
  SelfAssessment,
  User,
} from './wire-types.ts';

export interface ApiFailure {
  /** The server's error code (`not_found`, `csrf_failed`, ...) or `network` when it could not be reached. */
  readonly code: string;
  readonly status: number;
  readonly params: Readonly<Record<string, unknown>>;
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiFailure };

export interface ApiClientOptions {
  /** Prefix for every path; '' for same-origin. */
  readonly baseUrl?: string;
  /** An API token instead of the session cookie (embedded pages). */
  readonly bearer?: string;
  /** The UI language, sent as Accept-Language so server messages match. */
  readonly lang?: () => string;
  readonly fetch?: typeof fetch;
  /** Where the CSRF cookie is read from; `document.cookie` in the browser. */
  readonly cookies?: () => string;
}

const CSRF_COOKIE = 'attune_csrf';

/** Reads one cookie's value from a Cookie header string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export class ApiClient {
  readonly #base: string;
  readonly #bearer: string | undefined;
  readonly #lang: () => string;
  readonly #fetch: typeof fetch;
  readonly #cookies: () => string;
  #csrf: string | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.#base = options.baseUrl ?? '';
    this.#bearer = options.bearer;
    this.#lang = options.lang ?? (() => 'en');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#cookies = options.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
  }

  get usesToken(): boolean {
    return this.#bearer !== undefined;
  }

  get bearer(): string | undefined {
    return this.#bearer;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': this.#lang() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#bearer !== undefined) headers['authorization'] = `Bearer ${this.#bearer}`;
    else if (method !== 'GET') {
      const csrf = this.#csrf ?? readCookie(this.#cookies(), CSRF_COOKIE);
      if (csrf !== undefined) headers['x-csrf-token'] = csrf;
    }
    let response: Response;
    try {
      response = await this.#fetch(this.#base + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return { ok: false, error: { code: 'network', status: 0, params: {} } };
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      // An empty or non-JSON body: the status decides.
    }
    if (response.ok) return { ok: true, value: json as T };
    const error = (json as { error?: { code?: unknown; params?: unknown } } | null)?.error;
    return {
      ok: false,
      error: {
        code: typeof error?.code === 'string' ? error.code : `http_${response.status}`,
        status: response.status,
        params:
          typeof error?.params === 'object' && error.params !== null ? (error.params as Record<string, unknown>) : {},
      },
    };
  }

  async login(email: string, password: string): Promise<ApiResult<{ user: User; csrfToken: string }>> {
    const r = await this.request<{ user: User; csrfToken: string }>('POST', '/api/v1/auth/login', { email, password });
    if (r.ok) this.#csrf = r.value.csrfToken;
    return r;
  }

  async logout(): Promise<ApiResult<unknown>> {
    const r = await this.request('POST', '/api/v1/auth/logout');
    this.#csrf = undefined;
    return r;
  }

  me(): Promise<ApiResult<Me>> {
    return this.request('GET', '/api/v1/auth/me');
  }

  users(): Promise<ApiResult<{ items: User[] }>> {
    return this.request('GET', '/api/v1/users');
  }

  inboxes(): Promise<ApiResult<{ items: Inbox[] }>> {
    return this.request('GET', '/api/v1/inboxes');
  }

  conversations(
    query: { status?: ConversationStatus; limit?: number } = {},
  ): Promise<ApiResult<{ items: ConversationListItem[] }>> {
    const q = new URLSearchParams();
    if (query.status !== undefined) q.set('status', query.status);
    if (query.limit !== undefined) q.set('limit', String(query.limit));
    const s = q.toString();
    return this.request('GET', `/api/v1/conversations${s === '' ? '' : `?${s}`}`);
  }

  conversation(id: string): Promise<ApiResult<ConversationDetail>> {
    return this.request('GET', `/api/v1/conversations/${encodeURIComponent(id)}`);
  }

  conversationByExternal(inboxId: string, externalId: string): Promise<ApiResult<ConversationDetail>> {
    const q = new URLSearchParams({ inboxId, externalId });
    return this.request('GET', `/api/v1/conversations/by-external?${q.toString()}`);
  }

  coach(
    conversationId: string,
    text: string,
    lang?: string,
  ): Promise<ApiResult<{ draftId: string | null; coach: unknown }>> {
    return this.request('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/coach`, {
      text,
      ...(lang === undefined ? {} : { lang }),
    });
  }

  /**
   * Sends the agent's reply through the server's ingest (which forwards it to the help desk the conversation came
   * from). The external id is chosen once per reply by the caller, so a retry after a network error is idempotent.
   */
  sendReply(
    conversation: { readonly inboxId: string; readonly externalId: string },
    text: string,
    externalId: string,
  ): Promise<ApiResult<{ chatwoot?: { delivered: boolean } | null }>> {
    return this.request('POST', '/api/v1/messages', {
      inboxId: conversation.inboxId,
      conversation: { externalId: conversation.externalId },
      message: { externalId, role: 'agent', text, sentAt: new Date().toISOString() },
    });
  }

  changeStatus(conversationId: string, status: ConversationStatus): Promise<ApiResult<unknown>> {
    return this.request('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/status`, { status });
  }

  score(conversationId: string): Promise<ApiResult<{ scorecard: Scorecard }>> {
    return this.request('POST', `/api/v1/conversations/${encodeURIComponent(conversationId)}/scorecards`);
  }

  /** Saves a review: the score, its comment and the per-criterion verdicts (which replace the stored ones). */
  overrideScore(
    scorecardId: string,
    score: number,
    note: string,
    criteria: readonly {
      readonly id: string;
      readonly status: CriterionOverride['status'];
      readonly comment?: string;
    }[] = [],
  ): Promise<ApiResult<{ scorecard: Scorecard }>> {
    return this.request('POST', `/api/v1/scorecards/${encodeURIComponent(scorecardId)}/override`, {
      score,
      ...(note === '' ? {} : { note }),
      criteria,
    });
  }

  selfAssess(
    conversationId: string,
    ratings: Readonly<Record<string, number>>,
    note: string,
  ): Promise<ApiResult<{ selfAssessment: SelfAssessment | null }>> {
    return this.request('POST', '/api/v1/self-assessments', {
      conversationId,
      ratings,
      ...(note === '' ? {} : { note }),
    });
  }

  /** `mine`: the signed-in person's own; `team`: those of the lead's teams' members (everyone's for an admin). */
  selfAssessments(scope: 'mine' | 'team' = 'mine'): Promise<ApiResult<{ items: SelfAssessment[] }>> {
    return this.request('GET', `/api/v1/self-assessments${scope === 'team' ? '?scope=team' : ''}`);
  }

  alerts(open = false): Promise<ApiResult<{ items: Alert[] }>> {
    return this.request('GET', `/api/v1/alerts${open ? '?open=true' : ''}`);
  }

  acknowledgeAlert(id: string): Promise<ApiResult<{ alert: Alert }>> {
    return this.request('POST', `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`);
  }
}
