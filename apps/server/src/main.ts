// The server from source (`tsx src/main.ts`): the same as `kds start`.
import { runKds } from './kds.ts';

await runKds(['start']);
