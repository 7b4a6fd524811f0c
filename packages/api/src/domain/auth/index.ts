export { login, type LoginResult } from './login.ts';
export { logout, logoutEverywhere } from './logout.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { requireKitchen, requireManager, type StaffRole } from './principal.ts';
export { resolvePrincipal } from './resolve-principal.ts';
export { LoginInput } from './schemas.ts';
export { DEVICE_TOKEN_PREFIX, hashToken, newToken, STAFF_TOKEN_PREFIX } from './tokens.ts';
export { stillValidTokens } from './still-valid.ts';
