import { admin } from './es/admin.ts';
import { common } from './es/common.ts';
import { errors } from './es/errors.ts';
import { guest } from './es/guest.ts';
import { kitchen } from './es/kitchen.ts';
import { server } from './es/server.ts';

/**
 * Spanish (neutral Latin American): guests and staff are addressed as "tú"; the automated call
 * says "usted", as a phone call from a business does.
 */
export const es = { common, kitchen, guest, admin, server, errors };
