import { useEffect } from "react";

/** Desk: R retakes from the review and error screens too (not while typing in a field). Listens while `active`. */
export function useDeskRetakeKey(active: boolean, retake: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && event.target.closest("input, select, textarea")) return;
      if (event.key === "r" || event.key === "R") retake();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, retake]);
}
