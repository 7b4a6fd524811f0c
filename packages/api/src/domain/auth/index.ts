export { changePassword } from './change-password.ts';
export { LOCK_AFTER_FAILURES, LOCK_FOR_MS } from './account-lock.ts';
export { login } from './login.ts';
export { logout, logoutEverywhere } from './logout.ts';
export { openSession, type LoginResult } from './open-session.ts';
export { hashPassword, verifyPassword } from './password.ts';
export {
  RANK,
  requireKitchen,
  requireManager,
  requireManagerOrScope,
  requireScope,
  requireStaff,
  type ApiKeyPrincipal,
  type KitchenPrincipal,
  type StaffPrincipal,
  type StaffRole,
} from './principal.ts';
export { principalKey, resolvePrincipal, stillValidPrincipals } from './resolve-principal.ts';
export { ChangePasswordInput, LoginInput, NewPassword, SetLanguageInput } from './schemas.ts';
export { setOwnLanguage } from './set-language.ts';
export {
  API_KEY_PREFIX,
  DEVICE_TOKEN_PREFIX,
  hashToken,
  newToken,
  STAFF_TOKEN_PREFIX,
} from './tokens.ts';
