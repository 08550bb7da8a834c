import { createContext, type ReactNode, useContext, useEffect, useId, useMemo, useRef } from "react";

type Report = (key: string, dirty: boolean) => void;

const UnsavedChangesContext = createContext<Report>(() => {});

/**
 * Collects which forms below hold typed but unsaved input, and tells `onChange` when that turns from none to some
 * and back (the desk then asks before leaving the page).
 */
export function UnsavedChangesProvider({
  onChange,
  children,
}: {
  onChange: (dirty: boolean) => void;
  children: ReactNode;
}) {
  const dirty = useRef(new Set<string>());
  const changed = useRef(onChange);
  changed.current = onChange;
  const report = useMemo<Report>(
    () => (key, isDirty) => {
      const before = dirty.current.size > 0;
      if (isDirty) dirty.current.add(key);
      else dirty.current.delete(key);
      const after = dirty.current.size > 0;
      if (before !== after) changed.current(after);
    },
    [],
  );
  return <UnsavedChangesContext.Provider value={report}>{children}</UnsavedChangesContext.Provider>;
}

/** A form says whether it holds unsaved input; it counts as saved once it goes away. */
export function useUnsavedChanges(dirty: boolean): void {
  const report = useContext(UnsavedChangesContext);
  const key = useId();
  useEffect(() => report(key, dirty), [report, key, dirty]);
  useEffect(() => () => report(key, false), [report, key]);
}
