import { useCallback, useEffect } from 'react';
import { useBlocker, type Blocker, type BlockerFunction } from 'react-router';

/** While `dirty`: warns before the tab closes or reloads, and blocks navigation inside the app to another path. */
export function useLeaveGuard(dirty: boolean): Blocker {
  // Reloads and closing the tab…
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // …and navigation inside the app.
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
    [dirty],
  );
  return useBlocker(shouldBlock);
}
