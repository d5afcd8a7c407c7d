import { useCallback, useState } from 'react';

/**
 * A way for an answer that arrives later to fail the component that asked: the error is thrown in its next render, so
 * the route's error boundary shows it with a way out, as it does for errors thrown while rendering.
 */
export function useRenderError(): (error: unknown) => void {
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const fail = useCallback((error: unknown) => setFailure({ error }), []);
  if (failure) throw failure.error;
  return fail;
}
