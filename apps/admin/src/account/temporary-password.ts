/**
 * The temporary password a manager handed over, kept in memory only between signing in with it
 * and choosing a new one, so it is not typed twice (never stored).
 */
export const temporaryPassword = { value: null as string | null };
