import { z } from 'zod';
import type { Geocoder } from '../domain/stores/location.ts';

const Found = z.object({
  status: z.literal(200),
  result: z.object({ latitude: z.number(), longitude: z.number() }),
});

/**
 * A postcode service with the postcodes.io API (`GET /postcodes/{postcode}`), for stores in the
 * UK: it places the postcode and ignores the street. Any service with that shape works; tests
 * point it at a local fake.
 */
export function createPostcodeLookup(
  baseUrl: string,
  options: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Geocoder {
  const doFetch = options.fetch ?? fetch;
  return {
    async locate({ postcode }) {
      const url = `${baseUrl.replace(/\/$/, '')}/postcodes/${encodeURIComponent(postcode.trim())}`;
      const response = await doFetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`postcode service answered ${response.status}`);
      const body = Found.safeParse(await response.json());
      if (!body.success) throw new Error('postcode service answered in an unknown shape');
      return body.data.result;
    },
  };
}
