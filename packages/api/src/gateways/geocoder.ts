import { z } from 'zod';
import type { AddressQuery, Coordinates, Geocoder } from '../domain/stores/location.ts';

const Places = z.array(z.object({ lat: z.coerce.number(), lon: z.coerce.number() }));

/** Addresses looked up recently, so a guest's repeated previews ask the service once. */
const CACHE_SIZE = 500;
const CACHE_MS = 60 * 60_000;

/**
 * An address geocoder with Nominatim's search API (`GET /search?q=...&format=jsonv2`), which
 * self-hosted Nominatim and several commercial providers answer; it places a street address
 * anywhere, so a store outside the UK can deliver. The service's usage policy asks for an
 * identifying User-Agent and few requests: answers are cached for an hour.
 */
export function createAddressGeocoder(
  baseUrl: string,
  options: { userAgent: string; timeoutMs?: number; fetch?: typeof fetch },
): Geocoder {
  const doFetch = options.fetch ?? fetch;
  const cache = new Map<string, { at: number; place: Coordinates | null }>();
  return {
    async locate(query: AddressQuery) {
      const q = [query.address, query.postcode]
        .map((part) => part?.trim())
        .filter(Boolean)
        .join(', ');
      const key = q.toLowerCase();
      const cached = cache.get(key);
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.place;
      const url = new URL(`${baseUrl.replace(/\/$/, '')}/search`);
      url.search = new URLSearchParams({ q, format: 'jsonv2', limit: '1' }).toString();
      const response = await doFetch(url, {
        headers: { 'user-agent': options.userAgent, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      });
      if (!response.ok) throw new Error(`geocoder answered ${response.status}`);
      const places = Places.safeParse(await response.json());
      if (!places.success) throw new Error('geocoder answered in an unknown shape');
      const first = places.data[0];
      const place = first ? { latitude: first.lat, longitude: first.lon } : null;
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
      cache.set(key, { at: Date.now(), place });
      return place;
    },
  };
}
