import { useEffect } from "react";

/** Desk: Space takes the photo, unless focus is on a control that Space already works. Listens while `active`. */
export function useDeskShutterKey(active: boolean, capture: () => Promise<void>): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, select, textarea, button, summary, a")) return;
      if (event.key === " ") {
        event.preventDefault();
        void capture();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, capture]);
}
