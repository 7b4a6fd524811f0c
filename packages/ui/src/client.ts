import { MAX_BATCH, NEVER_BATCHED, type AppRouter } from '@kds/api/client';
import { QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  splitLink,
  wsLink,
  type TRPCClient,
} from '@trpc/client';
import { promptClosing } from './prompt-close.ts';

export interface KdsClients {
  queryClient: QueryClient;
  trpcClient: TRPCClient<AppRouter>;
  wsClient: ReturnType<typeof createWSClient>;
}

/**
 * One tRPC client per screen: subscriptions over a WebSocket that reconnects by itself (and
 * resumes from the last tracked id), everything else over batched HTTP. `getToken` is read on
 * every request and every (re)connect, so signing in or out needs no new client.
 */
export function createKdsClients(options: { getToken: () => string | null }): KdsClients {
  const { location } = window;
  const wsClient = createWSClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/trpc`,
    connectionParams: () => {
      const token = options.getToken();
      return token ? { token } : {};
    },
    // A dead link (a pulled cable, a sleeping Wi-Fi) is noticed within seconds: an unanswered
    // ping closes the socket, and the close does not wait for a handshake that cannot come.
    WebSocket: promptClosing(WebSocket),
    keepAlive: { enabled: true, intervalMs: 4_000, pongTimeoutMs: 2_000 },
    retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 5_000),
  });
  const headers = () => {
    const token = options.getToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        // A call that tries a secret (password, pairing or pickup code) goes alone: the server
        // refuses it inside a batch. Everything else is batched, within the server's limit.
        false: splitLink({
          condition: (op) => NEVER_BATCHED.has(op.path),
          true: httpLink({ url: '/trpc', headers }),
          false: httpBatchLink({ url: '/trpc', headers, maxItems: MAX_BATCH }),
        }),
      }),
    ],
  });
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // Live data arrives as events; screens do not refetch on a whim.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 3 && !isAuthError(error),
      },
      // A mutation is sent at once, or fails at once: never held back while the browser thinks
      // it is offline. The kitchen keeps what it could not send itself (use-pending-commands).
      mutations: { networkMode: 'always' },
    },
  });
  return { queryClient, trpcClient, wsClient };
}

export function isAuthError(error: unknown): boolean {
  const code = (error as { data?: { code?: string } } | null)?.data?.code;
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN';
}

/** Signed in with a password a manager reset: nothing works until a new one is chosen. */
export function needsNewPassword(error: unknown): boolean {
  const details = (error as { data?: { details?: { reason?: string } | null } } | null)?.data
    ?.details;
  return details?.reason === 'PASSWORD_CHANGE_REQUIRED';
}
