import { test } from "@playwright/test";
import { type CaptureFixtures, captureFixtures } from "./capture-fixtures";
import { scriptFakeTencent } from "./servers";

/**
 * The capture fixtures for the calling spec file, made in its beforeAll (minutes the first time on a fresh machine).
 * Returns a getter, because they exist only once beforeAll has run.
 */
export function useCaptureFixtures(): () => CaptureFixtures {
  let fx: CaptureFixtures | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    fx = await captureFixtures();
  });
  return () => {
    if (fx === undefined) throw new Error("the capture fixtures are made in beforeAll: use them inside a test or hook");
    return fx;
  };
}

/** The fixture page's holder as the fake upstream reads it: its number, and a passport still valid (2029). */
export function fixturePerson(fx: CaptureFixtures) {
  return { documentNumber: fx.truth.document.number, expiryDate: fx.truth.document.expiryDate };
}

/** useCaptureFixtures, and before each test the fake upstream scripted to read the fixture page's document number. */
export function useCaptureFixturesReadByFake(): () => CaptureFixtures {
  const fx = useCaptureFixtures();
  test.beforeEach(async () => {
    await scriptFakeTencent([{ type: "success", person: fixturePerson(fx()) }]);
  });
  return fx;
}
