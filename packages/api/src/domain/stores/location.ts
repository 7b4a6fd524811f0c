/** A point on the map, from a postcode service or the store's settings. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

/**
 * The port the domain needs from a postcode service: coordinates for a postcode, null when
 * the service does not know it; it throws when it cannot answer.
 */
export interface PostcodeLookup {
  locate(postcode: string): Promise<Coordinates | null>;
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
