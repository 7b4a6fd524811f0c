/**
 * The temporary password a manager handed over, kept in memory only between signing in with it
 * and choosing a new one, so it is not typed twice (never stored). Set by a sign-in form when
 * the answer says a new password is needed; `ChoosePassword` uses it and forgets it.
 */
export const temporaryPassword = { value: null as string | null };
