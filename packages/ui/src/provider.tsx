import { QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { KdsClients } from './client.ts';
import { TRPCProvider } from './trpc.ts';

const ClientsContext = createContext<KdsClients | null>(null);

/** Query cache, tRPC and the WebSocket client for one app; created once in its main.tsx. */
export function KdsProvider({ clients, children }: { clients: KdsClients; children: ReactNode }) {
  return (
    <ClientsContext.Provider value={clients}>
      <QueryClientProvider client={clients.queryClient}>
        <TRPCProvider trpcClient={clients.trpcClient} queryClient={clients.queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </ClientsContext.Provider>
  );
}

export function useKdsClients(): KdsClients {
  const clients = useContext(ClientsContext);
  if (!clients) throw new Error('useKdsClients needs a <KdsProvider>');
  return clients;
}
