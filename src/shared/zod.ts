/**
 * zod, configured once for every runtime validator: import `z` from here, never from 'zod' directly.
 * Modules that build schemas import this one, so the setting is in place before any schema exists, whatever the
 * bundler's chunk order.
 */
import { z } from 'zod';

// Without it zod probes `new Function("")` when it builds an object schema; the CSP reports that as an eval violation.
z.config({ jitless: true });

export { z };
