import { useCallback, useEffect, useRef, useState } from "react";
import { deskViewFromPath } from "./desk-path";

/**
 * Where the desk is (its path), moving with the History API, and the guard for unsaved input: while `dirty`, moving
 * away (a link, Back, signing out) waits for the agent to confirm, and closing or reloading the tab asks the browser's
 * own question.
 */
export function useDeskLocation(dirty: boolean) {
  const [pathname, setPathname] = useState(() => window.location.pathname);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  const here = useRef(pathname);
  here.current = pathname;

  const go = useCallback((to: string, replace = false) => {
    if (replace) window.history.replaceState(null, "", to);
    else if (to !== window.location.pathname) window.history.pushState(null, "", to);
    setPathname(to);
  }, []);

  /** Runs `action` now, or after the agent agrees to lose unsaved input. */
  const guard = useCallback((action: () => void) => {
    if (dirtyNow.current) setPending(() => action);
    else action();
  }, []);

  /** Moves to `to`; `replace` leaves no history entry for the screen left (a step that cannot be taken again). */
  const navigate = useCallback(
    (to: string, options: { replace?: boolean } = {}) => guard(() => go(to, options.replace)),
    [guard, go],
  );

  useEffect(() => {
    const onPop = () => {
      const to = window.location.pathname;
      if (!dirtyNow.current) {
        setPathname(to);
        return;
      }
      // Back was pressed over unsaved input: stay, and ask.
      window.history.pushState(null, "", here.current);
      setPending(() => () => go(to));
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [go]);

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [dirty]);

  return {
    pathname,
    view: deskViewFromPath(pathname),
    navigate,
    guard,
    /** The question to show when a move waits for the agent, with its two answers. */
    leave: pending
      ? {
          confirm: () => {
            setPending(null);
            pending();
          },
          cancel: () => setPending(null),
        }
      : null,
  };
}
