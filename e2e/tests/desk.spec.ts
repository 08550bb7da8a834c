import { readFile } from "node:fs/promises";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type AppServer, startAppServer, withoutRandomIds } from "../support/app-server";
import {
  AGENT_PASSWORD,
  anyPhoto,
  createAgent,
  customerSends,
  deskServerEnv,
  firstSignIn,
  signIn,
} from "../support/desk";
import { scriptFakeTencent } from "../support/servers";
import { createApiKey, createSession } from "../support/sessions";

// The desk as a back office, against its own server (own DATA_DIR) on the fake Tencent upstream, which reads every
// photo as the ICAO specimen: ERIKSSON, L898902C3, expired in 2012, two critical warnings (specimen, expired).

test.describe.configure({ mode: "serial" });

let server: AppServer;
let apiKey: string;
let photo: Buffer;
let bo: BrowserContext;
let boPage: Page;
const SUP = "sup@bank.test";
const BO = "bo@bank.test";
const supOneTime: string[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await scriptFakeTencent([{ type: "success" }]);
  server = await startAppServer(deskServerEnv);
  apiKey = (await createApiKey(server, "acme", "http://127.0.0.1:9/hooks")).key;
  photo = await anyPhoto();
  supOneTime.push(await createAgent(server.dataDir, SUP, "supervisor"));
  const boOneTime = await createAgent(server.dataDir, BO);
  bo = await browser.newContext();
  boPage = await bo.newPage();
  await firstSignIn(boPage, server, BO, boOneTime);
});

test.afterAll(async () => {
  await bo?.close();
  await server?.dispose();
});

/** A session the customer completed through its link (the customer's page, done by its API calls). */
async function submitted(reference: string) {
  const session = await createSession(server, apiKey, { reference });
  await customerSends(server, session.token, photo);
  return session;
}

const row = (page: Page, reference: string) => page.getByRole("row").filter({ hasText: reference });

test("sign-in: a wrong password is said plainly, five lock the account, the one-time password must be changed", async ({
  page,
}) => {
  const locked = "lock@bank.test";
  const oneTime = await createAgent(server.dataDir, locked);
  await page.goto(`${server.url}/desk`);
  await expect(page.getByRole("heading", { name: "Sign in to the desk" })).toBeVisible();
  await signIn(page, locked, "not my password");
  await expect(page.getByRole("alert")).toHaveText("The email or password is wrong.");
  for (let i = 0; i < 4; i++) {
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/desk/sign-in"));
    await signIn(page, locked, `wrong ${i}`);
    expect((await answered).status()).toBe(401);
  }
  await signIn(page, locked, oneTime);
  await expect(page.getByRole("alert")).toContainText("Too many wrong passwords: this account is locked for a while.");
  await expect(page.getByRole("alert")).toContainText("You can try again in 15 min.");

  // The supervisor's first sign-in: the one-time password works once, for choosing a password.
  await signIn(page, SUP, supOneTime[0]!);
  await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await page.getByLabel("Current (one-time) password").fill(supOneTime[0]!);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("New password again").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("alert")).toHaveText("The new password is too short: use at least 12 characters.");
  await page.getByLabel("New password", { exact: true }).fill(AGENT_PASSWORD);
  await page.getByLabel("New password again").fill(AGENT_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("heading", { name: "Inbox", level: 2 })).toBeVisible();
  await expect(page.getByText(`Signed in as ${SUP} (supervisor)`)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to the desk" })).toBeVisible();
  expect((await page.request.get(`${server.url}/api/desk/inbox`)).status()).toBe(401);
});

test("CSRF: a state-changing call without the session's token is refused", async ({ page }) => {
  await page.goto(`${server.url}/desk`);
  await signIn(page, SUP, AGENT_PASSWORD);
  await expect(page.getByRole("heading", { name: "Inbox", level: 2 })).toBeVisible();
  const attempts = await page.evaluate(async () => {
    const call = async (headers: Record<string, string>) => {
      const res = await fetch("/api/desk/settings", {
        method: "PUT",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ requireSecondReviewer: true }),
      });
      return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code ?? null };
    };
    return [await call({}), await call({ "X-CSRF-Token": "forged" })];
  });
  expect(attempts).toEqual([
    { status: 403, code: "csrf_failed" },
    { status: 403, code: "csrf_failed" },
  ]);
  // Nothing changed, and the agent is still signed in.
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(
    page.getByRole("checkbox", { name: "Require a second reviewer for approvals with a critical warning" }),
  ).not.toBeChecked();
});

test("inbox: new sessions appear without reload, with counts, filter, search; a claim shows who has it; a supervisor reassigns", async ({
  page,
}) => {
  await page.goto(`${server.url}/desk`);
  await signIn(page, SUP, AGENT_PASSWORD);
  await expect(page.getByText("Waiting for review: 0")).toBeVisible();
  await createSession(server, apiKey, { reference: "case-0-open" });
  await submitted("case-1");
  await submitted("case-2");
  // No reload: the inbox asks again by itself.
  await expect(row(page, "case-1")).toBeVisible();
  await expect(page.getByText("Waiting for review: 2")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submitted (2)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Created (1)" })).toBeVisible();
  const references = page.locator("tbody th");
  await expect(references).toHaveText(["case-1", "case-2", "case-0-open"]);
  await page.getByRole("button", { name: "Created (1)" }).click();
  await expect(references).toHaveText(["case-0-open"]);
  await page.getByRole("button", { name: /^All/ }).click();
  await page.getByLabel("Reference or document number").fill("L898902C3");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(references).toHaveText(["case-1", "case-2"]);
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(row(page, "case-0-open")).toBeVisible();

  // Bo claims case-1: the supervisor sees who has it.
  await expect(row(boPage, "case-1")).toBeVisible();
  await boPage.getByRole("button", { name: "Claim case-1" }).click();
  await expect(boPage.getByRole("heading", { name: "Session case-1" })).toBeVisible();
  await expect(row(page, "case-1")).toContainText(BO);
  await expect(page.getByRole("button", { name: "Claim case-1" })).toHaveCount(0);
  // The supervisor hands case-2 to Bo, whose inbox then says it is his.
  await row(page, "case-2").getByRole("combobox").selectOption({ label: BO });
  await page.getByRole("button", { name: "Assign case-2" }).click();
  await expect(row(page, "case-2")).toContainText(BO);
  await boPage.getByRole("link", { name: "Inbox" }).click();
  await expect(row(boPage, "case-2")).toContainText("You");
});

test("review: an edit is re-checked and loses verified, approval waits for acknowledged warnings, the trail says it all", async () => {
  const page = boPage;
  await page.getByRole("link", { name: "case-1" }).click();
  await expect(page.getByRole("heading", { name: "Session case-1" })).toBeVisible();
  const number = page.getByRole("row", { name: /Document number/ });
  await expect(number).toContainText("Verified by check digit");

  await page.getByRole("button", { name: "Edit Document number" }).click();
  await page.getByLabel("New value").fill("L898902C8");
  await expect(page.getByText("The printed check digit does not hold for this value")).toBeVisible();
  await page.getByLabel("Reason for the change").fill("The printed page shows an 8");
  await page.getByRole("button", { name: "Save edit" }).click();
  await expect(number).toContainText("Check digit failed");
  await expect(number).toContainText("Edited");
  await expect(number).not.toContainText("Verified by check digit");
  await expect(page.getByRole("region", { name: "Edits" })).toContainText("Document number: L898902C3 → L898902C8");

  // Approval is blocked until both critical warnings are acknowledged with a reason.
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByLabel("Reason for the decision").fill("Matches the holder at the counter");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Approval is blocked until every critical warning is acknowledged with a reason.",
  );
  for (const warning of ["Specimen document", "Expired (Date of expiry)"]) {
    await page.getByRole("button", { name: `Acknowledge ${warning}` }).click();
    await page.getByLabel("Why this does not stop approval").fill(`Test document: ${warning}`);
    await page.getByRole("button", { name: "Save acknowledgement" }).click();
    await expect(page.getByText(`${warning}: acknowledged by ${BO}.`)).toBeVisible();
  }
  await expect(page.getByText("Every critical warning is acknowledged.")).toBeVisible();
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.locator(".desk-facts")).toContainText("Approved");
  await expect(
    page.getByText(`Decision recorded: Approve, by ${BO}. Reason: Matches the holder at the counter`),
  ).toBeVisible();

  const trail = page.getByRole("region", { name: "Audit trail" }).getByRole("listitem");
  await expect(trail.filter({ hasText: "The integrator (API) created the session" })).toHaveCount(1);
  await expect(trail.filter({ hasText: "The customer sent a photo, which was read" })).toContainText(
    "warnings: Specimen document, Expired",
  );
  await expect(trail.filter({ hasText: "The customer confirmed the details and submitted" })).toHaveCount(1);
  await expect(trail.filter({ hasText: `${BO} claimed the session` })).toHaveCount(1);
  await expect(trail.filter({ hasText: `${BO} edited Document number: L898902C3 → L898902C8` })).toContainText(
    "check digit: Check digit failed · reason: The printed page shows an 8",
  );
  await expect(trail.filter({ hasText: `${BO} acknowledged the warning` })).toHaveCount(2);
  await expect(trail.filter({ hasText: `${BO} decided: Approve` })).toContainText(
    "reason: Matches the holder at the counter",
  );

  // The export is the stored session with its trail.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the session (JSON)" }).click();
  const file = JSON.parse(await readFile((await (await download).path()) ?? "", "utf8"));
  expect(file.review.edits[0]).toMatchObject({ field: "number", value: "L898902C8", state: "failed" });
  expect(file.audit.map((e: { action: string }) => e.action)).toContain("decided");
});

test("retake: the agent asks, the customer sends a new photo through the same link, the agent approves it", async () => {
  const page = boPage;
  const session = await submitted("case-3");
  await page.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("button", { name: "Claim case-3" }).click();
  await expect(page.getByRole("heading", { name: "Session case-3" })).toBeVisible();
  // R (outside a field) picks "retake" and moves to its reason, which the customer will read.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("r");
  await expect(page.getByRole("radio", { name: "Ask for a retake" })).toBeChecked();
  await expect(page.getByLabel("Reason (shown to the customer)")).toBeFocused();
  await page.keyboard.type("The photo is blurred: hold still.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.locator(".desk-facts")).toContainText("Retake requested");

  const link = (await (
    await fetch(`${server.url}/api/customer/session`, { headers: { "X-Session-Token": session.token } })
  ).json()) as { status: string; retakeReason: string };
  expect(link).toMatchObject({ status: "retake_requested", retakeReason: "The photo is blurred: hold still." });
  await customerSends(server, session.token, photo);

  // Back in the queue as submitted, still Bo's, with a fresh review.
  await expect(page.locator(".desk-facts")).toContainText("Submitted", { timeout: 20_000 });
  for (const warning of ["Specimen document", "Expired (Date of expiry)"]) {
    await page.getByRole("button", { name: `Acknowledge ${warning}` }).click();
    await page.getByLabel("Why this does not stop approval").fill("Test document");
    await page.getByRole("button", { name: "Save acknowledgement" }).click();
  }
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByLabel("Reason for the decision").fill("Sharp now");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.locator(".desk-facts")).toContainText("Approved");
  const trail = page.getByRole("region", { name: "Audit trail" }).getByRole("listitem");
  await expect(trail.filter({ hasText: `${BO} decided: Ask for a retake` })).toContainText(
    "reason: The photo is blurred: hold still.",
  );
  await expect(trail.filter({ hasText: "The customer confirmed the details and submitted" })).toHaveCount(2);
  await expect(trail.filter({ hasText: `${BO} decided: Approve` })).toHaveCount(1);
});

test("second reviewer: with the setting on, a read with critical warnings needs two different agents", async ({
  page,
}) => {
  await page.goto(`${server.url}/desk/settings`);
  await signIn(page, SUP, AGENT_PASSWORD);
  await page.getByRole("checkbox", { name: "Require a second reviewer for approvals with a critical warning" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  await submitted("case-4");
  await page.getByRole("link", { name: "Inbox" }).click();
  await page.getByRole("button", { name: "Claim case-4" }).click();
  for (const warning of ["Specimen document", "Expired (Date of expiry)"]) {
    await page.getByRole("button", { name: `Acknowledge ${warning}` }).click();
    await page.getByLabel("Why this does not stop approval").fill("Test document");
    await page.getByRole("button", { name: "Save acknowledgement" }).click();
  }
  await expect(page.getByText("A second reviewer is required: your approval will be the first of two")).toBeVisible();
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByLabel("Reason for the decision").fill("First look: fine");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(`Approved so far by: ${SUP}.`)).toBeVisible();
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(row(page, "case-4")).toContainText("Awaiting second review");

  await boPage.getByRole("link", { name: "Inbox" }).click();
  await expect(row(boPage, "case-4")).toContainText("Awaiting second review");
  await boPage.getByRole("button", { name: "Claim case-4" }).click();
  await expect(boPage.getByText("Your approval completes the review.")).toBeVisible();
  await boPage.getByRole("radio", { name: "Approve" }).check();
  await boPage.getByLabel("Reason for the decision").fill("Second look: fine");
  await boPage.getByRole("button", { name: "Record decision" }).click();
  await expect(boPage.locator(".desk-facts")).toContainText("Approved");

  await page.getByRole("link", { name: "Settings" }).click();
  await page
    .getByRole("checkbox", { name: "Require a second reviewer for approvals with a critical warning" })
    .uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});

test("walk-in: the desk captures a customer at the counter into a session of its own; leaving unsaved input asks first", async ({
  page,
}) => {
  await page.goto(`${server.url}/desk`);
  await signIn(page, SUP, AGENT_PASSWORD);
  await page.getByRole("link", { name: "Walk-in capture" }).click();
  await page.getByLabel("Case reference").fill("counter-7");
  await page.getByRole("button", { name: "Start the capture" }).click();
  await expect(page.getByText("Capturing for counter-7")).toBeVisible();
  // Headless Chromium has no camera: the desk offers upload.
  await page.getByLabel("Choose a file").setInputFiles({ name: "passport.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(page.getByRole("heading", { name: "Session counter-7" })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".desk-facts")).toContainText("Desk (walk-in)");
  await expect(page.locator(".desk-facts")).toContainText("You");
  await expect(page.getByRole("region", { name: "Audit trail" }).getByRole("listitem").first()).toContainText(
    `${SUP} created the session`,
  );

  // Typed but not saved: moving away asks first.
  await page.getByRole("button", { name: "Edit Surname" }).click();
  await page.getByLabel("New value").fill("ERIKSON");
  await page.getByRole("link", { name: "Inbox" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay here" }).click();
  await expect(page.getByRole("heading", { name: "Session counter-7" })).toBeVisible();
  await expect(page.getByLabel("New value")).toHaveValue("ERIKSON");
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { name: "Walk-in capture" })).toBeVisible();
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(row(page, "counter-7")).toContainText("Desk (walk-in)");

  // The supervisor erases it now: the trail stays, the read and its details go.
  await page.getByRole("link", { name: "counter-7" }).click();
  await page.getByRole("button", { name: "Erase personal data" }).click();
  const erase = page.getByRole("dialog", { name: "Erase this session's personal data?" });
  await expect(erase.getByRole("button", { name: "Cancel" })).toBeFocused();
  await erase.getByRole("button", { name: "Erase now" }).click();
  await expect(page.locator(".desk-facts")).toContainText("Data erased");
  await expect(page.getByText("There is no read to review")).toBeVisible();
  await expect(page.locator(".review-fields")).toHaveCount(0);
  const trail = page.getByRole("region", { name: "Audit trail" }).getByRole("listitem");
  await expect(trail.filter({ hasText: `${SUP} erased the personal data` })).toHaveCount(1);
  await page.getByRole("link", { name: "Inbox" }).click();
  await expect(row(page, "counter-7")).toContainText("Data erased");
});

test("nothing personal reaches the server's logs", async () => {
  const output = withoutRandomIds(server.output());
  expect(output).toContain('"path":"/api/desk/inbox"');
  expect(output).not.toMatch(/ses_[A-Za-z0-9_-]{22}/);
  for (const secret of ["ERIKSSON", "L898902C3", "L898902C8", "ANNA", "1974", "hold still", AGENT_PASSWORD, SUP, BO]) {
    expect(output, secret).not.toContain(secret);
  }
});
