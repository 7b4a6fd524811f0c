import { randomUUID } from 'node:crypto';
import type { Server } from '../src/test/harness.ts';

/**
 * The attack suite talks to a running server the way anyone on the internet can: plain HTTP
 * requests in tRPC's wire format, hand-made batches, server-sent events, raw WebSockets. Nothing
 * here goes through our own client, so nothing our client does for us hides a hole.
 */

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body (an array for a batch). */
  body: unknown;
}

export interface CallOptions {
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

function headersFor(options: CallOptions, json: boolean): Record<string, string> {
  return {
    ...(json ? { 'content-type': 'application/json' } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...options.headers,
  };
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** One mutation, not batched: `POST /trpc/<path>` with the input as the body. */
export async function mutate(
  server: Server,
  path: string,
  input: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  const response = await fetch(`http://${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: headersFor(options, true),
    body: JSON.stringify(input ?? null),
  });
  return answer(response);
}

/** One query, not batched: `GET /trpc/<path>?input=…`. */
export async function query(
  server: Server,
  path: string,
  input: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`http://${server.url}/trpc/${path}${search}`, {
    headers: headersFor(options, false),
  });
  return answer(response);
}

/** Many mutations in one request, as tRPC's batch format allows: `POST /trpc/a,b?batch=1`. */
export async function batch(
  server: Server,
  calls: { path: string; input: unknown }[],
  options: CallOptions = {},
): Promise<Answer> {
  const paths = calls.map((c) => c.path).join(',');
  const body = Object.fromEntries(calls.map((c, i) => [String(i), c.input]));
  const response = await fetch(`http://${server.url}/trpc/${paths}?batch=1`, {
    method: 'POST',
    headers: headersFor(options, true),
    body: JSON.stringify(body),
  });
  return answer(response);
}

/** The tRPC error code of an answer (`UNAUTHORIZED`, …), or null for a success. */
export function codeOf(answer: Answer | unknown): string | null {
  const body = (answer as Answer).body ?? answer;
  const error = (body as { error?: { data?: { code?: string } } }).error;
  return error?.data?.code ?? null;
}

/** The data of a successful single call; throws with the error otherwise. */
export function dataOf<T>(answer: Answer): T {
  const body = answer.body as { result?: { data?: T }; error?: unknown };
  if (!body.result) throw new Error(`call failed: ${JSON.stringify(answer.body)}`);
  return body.result.data as T;
}

export async function signIn(server: Server, email: string, password = 'demo'): Promise<string> {
  return dataOf<{ token: string }>(await mutate(server, 'auth.login', { email, password })).token;
}

/** A subscription over server-sent events, as `httpSubscriptionLink` (or curl) would open it. */
export async function openEventStream(
  server: Server,
  path: string,
  input: unknown,
  options: CallOptions = {},
) {
  const controller = new AbortController();
  const response = await fetch(
    `http://${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: headersFor(options, false), signal: controller.signal },
  );
  const events: string[] = [];
  const isStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  if (isStream && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          events.push(decoder.decode(chunk, { stream: true }));
        }
      } catch {
        // aborted by close()
      }
    })();
  } else {
    await response.text();
  }
  return {
    status: response.status,
    isStream,
    /** Everything received so far, as text. */
    text: () => events.join(''),
    close: () => controller.abort(),
  };
}

/** A pay-at-counter order for the demo store through the public API, with these guest details. */
export function guestOrder(
  items: { menuItemId: string; quantity: number; modifierIds?: string[]; notes?: string }[],
  customer: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    storeSlug: 'demo',
    items,
    customer: { name: 'Guest', ...customer },
    fulfilment: { type: 'pickup' },
    payment: 'counter',
    idempotencyKey: randomUUID(),
    ...extra,
  };
}
