// Development and test only: runs a TypeScript worker entry (passed as argv[2]) through tsx's ESM API.
// The production bundle (dist/) starts its compiled worker entry directly.
import { tsImport } from "tsx/esm/api";

const entry = process.argv[2];
if (!entry) throw new Error("ts-worker-bootstrap: no entry given");
await tsImport(entry, import.meta.url);
