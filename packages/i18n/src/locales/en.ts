import { admin } from './en/admin.ts';
import { common } from './en/common.ts';
import { errors } from './en/errors.ts';
import { guest } from './en/guest.ts';
import { kitchen } from './en/kitchen.ts';
import { server } from './en/server.ts';

/**
 * English, the source catalogue: every other language has exactly these keys (a test says
 * which are missing). Namespaces follow who reads them: `common` for the shared screens,
 * `kitchen` for the line, `guest` for the menu, tracker and board, `admin` for the console,
 * `server` for texts, calls and emails, `errors` for why the server refused a request.
 */
export const en = { common, kitchen, guest, admin, server, errors };
