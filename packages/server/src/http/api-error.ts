/** The one error type of the HTTP API: a status, a code the client can act on, and parameters. */
export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(status: ApiError['status'], code: string, params: Readonly<Record<string, unknown>> = {}) {
    super(`${status} ${code}`);
    this.status = status;
    this.code = code;
    this.params = params;
  }
}

const statusOfCode: Readonly<Record<string, ApiError['status']>> = {
  not_found: 404,
  email_taken: 409,
  team_name_taken: 409,
  invalid_transition: 409,
};

/** Turns a repository's expected failure into the API error for it. */
export function apiErrorOf(issues: readonly { code: string; params?: Readonly<Record<string, unknown>> }[]): ApiError {
  const first = issues[0] ?? { code: 'invalid_request' };
  return new ApiError(statusOfCode[first.code] ?? 422, first.code, first.params ?? {});
}
