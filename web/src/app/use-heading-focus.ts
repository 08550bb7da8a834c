import { type RefObject, useEffect } from "react";

/**
 * Moves focus to the new screen's heading whenever the step changes (not while working), so keyboard and
 * screen-reader users follow the flow.
 */
export function useHeadingFocus(main: RefObject<HTMLElement | null>, step: string): void {
  useEffect(() => {
    if (step === "working") return;
    const heading = main.current?.querySelector<HTMLElement>("h2");
    if (heading && !heading.contains(document.activeElement)) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [main, step]);
}
