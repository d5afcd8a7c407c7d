/**
 * zod, configured once for every runtime validator: import `z` from here, never from 'zod' directly.
 * The app uses `zod/mini`, whose functions tree-shake, to keep the first page's JavaScript small.
 * Modules that build schemas import this one, so the settings are in place before any schema exists, whatever the
 * bundler's chunk order.
 */
import * as z from 'zod/mini';

/** What a value was, in the words of an `expected …` message. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Short English messages for the issues our schemas raise, such as `expected string, received number`. zod/mini has
 * none of its own ("Invalid input"), and its English locale costs more bytes than the app's validators need.
 */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? 'expected text, received an empty string'
          : `expected at least ${String(issue.minimum)} characters`;
      return `expected a number ${issue.inclusive ? 'of at least' : 'over'} ${String(issue.minimum)}`;
    case 'invalid_union':
      return 'expected one of the allowed shapes';
    default:
      return undefined;
  }
}

// zod/mini's objects compile nothing, but a JIT-capable schema would probe `new Function("")`: the CSP reports that as eval.
z.config({ jitless: true, customError: describeIssue });

export { z };
