import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));
