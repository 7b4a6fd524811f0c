import {
  ApiKeyCreateInput,
  ApiKeyIdInput,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from '../domain/integrations/index.ts';
import { managerProcedure, router } from '../trpc.ts';

/** A store's keys for the integration API, kept by its managers. */
export const apiKeyRouter = router({
  list: managerProcedure.query(({ ctx }) => listApiKeys({ ctx })),
  create: managerProcedure
    .input(ApiKeyCreateInput)
    .mutation(({ ctx, input }) => createApiKey({ ctx, input })),
  revoke: managerProcedure
    .input(ApiKeyIdInput)
    .mutation(({ ctx, input }) => revokeApiKey({ ctx, input })),
});
