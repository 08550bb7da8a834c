import { afterAll, beforeAll, beforeEach } from "vitest";
import { type FakeTencent, type FakeTencentOptions, startFakeTencent } from "./fake-tencent";

/**
 * One fake Tencent for the calling test file: started before its tests, reset before each test, closed after all.
 * Returns a getter, because the fake exists only once beforeAll has run.
 */
export function useFakeTencent(options: FakeTencentOptions): () => FakeTencent {
  let fake: FakeTencent | undefined;
  const current = (): FakeTencent => {
    if (fake === undefined) throw new Error("the fake Tencent is started in beforeAll: use it inside a test or hook");
    return fake;
  };
  beforeAll(async () => {
    fake = await startFakeTencent(options);
  });
  beforeEach(() => current().reset());
  afterAll(() => current().close());
  return current;
}
