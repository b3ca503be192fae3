/** A compact way to declare a documented, validated route (every route of the API goes through it). */
import type { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { ErrorBody, Obj } from './schemas.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function spec<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  method: Method,
  path: string,
  options: { summary: string; tag: string; params?: P; query?: Q; body?: B; status?: 200 | 201 },
) {
  const status = options.status ?? 200;
  return createRoute({
    method,
    path,
    summary: options.summary,
    tags: [options.tag],
    request: {
      ...(options.params === undefined ? {} : { params: options.params }),
      ...(options.query === undefined ? {} : { query: options.query }),
      ...(options.body === undefined
        ? {}
        : { body: { required: true, content: { 'application/json': { schema: options.body } } } }),
    } as {
      params: P extends z.ZodObject ? P : never;
      query: Q extends z.ZodObject ? Q : never;
      body: B extends z.ZodType ? { required: true; content: { 'application/json': { schema: B } } } : never;
    },
    responses: {
      [status]: { description: 'OK', content: { 'application/json': { schema: Obj } } },
      400: { description: 'Invalid request', content: { 'application/json': { schema: ErrorBody } } },
      401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBody } } },
      403: { description: 'Not allowed', content: { 'application/json': { schema: ErrorBody } } },
      404: { description: 'Not found', content: { 'application/json': { schema: ErrorBody } } },
    },
    security: [{ bearer: [] }, { session: [] }],
  });
}
