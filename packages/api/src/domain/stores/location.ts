/** A point on the map, from a geocoder or the store's settings. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** What a guest or an owner gives for a place: a postcode, and a street address when known. */
export interface AddressQuery {
  address?: string;
  postcode: string;
}

/**
 * The port the domain needs to find a place: coordinates for an address, null when the service
 * does not know it; it throws when it cannot answer. Two gateways fill it: a postcode service
 * (postcodes.io's API, for the UK) and a plain address geocoder (Nominatim's API), so a store
 * anywhere can deliver.
 */
export interface Geocoder {
  locate(query: AddressQuery): Promise<Coordinates | null>;
}

/** Great-circle distance in metres (haversine); plenty for a delivery radius. */
export function distanceMeters(a: Coordinates, b: Coordinates): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}
