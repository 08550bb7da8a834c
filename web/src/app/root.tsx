import { lazy, Suspense } from "react";
import { App } from "./app";
import { modeFromPath } from "./mode";

/** The agents' desk is its own app, loaded only at /desk: customers never download it. */
const DeskApp = lazy(() => import("./desk/desk-app").then((m) => ({ default: m.DeskApp })));

/** Picks the app for the address: the desk under /desk, the customer's flow everywhere else. */
export function Root({ pathname = window.location.pathname, search = window.location.search }) {
  if (modeFromPath(pathname) === "desk") {
    return (
      <Suspense fallback={null}>
        <DeskApp search={search} />
      </Suspense>
    );
  }
  return <App pathname={pathname} search={search} />;
}
