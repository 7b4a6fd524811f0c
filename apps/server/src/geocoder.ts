import { createAddressGeocoder, createPostcodeLookup, type Geocoder } from '@kds/api';
import type { Env } from './env.ts';
import { KDS_VERSION } from './paths.ts';

/** The service that places delivery addresses, as the settings say; none means no delivery. */
export function geocoderFrom(env: Env): Geocoder | null {
  if (env.GEOCODER_URL) {
    // Nominatim's usage policy: say which application asks, and how to reach its operator.
    const userAgent = `KDS/${KDS_VERSION} (${env.PUBLIC_URL ?? 'self-hosted kitchen display'})`;
    return createAddressGeocoder(env.GEOCODER_URL, { userAgent });
  }
  return env.POSTCODE_API_URL ? createPostcodeLookup(env.POSTCODE_API_URL) : null;
}
