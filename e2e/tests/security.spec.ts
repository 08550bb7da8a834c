import { expect, type Page, test } from "@playwright/test";
import {
  fakeTencentRequests,
  fakeTencentUrl,
  offlineAppUrl,
  scriptFakeTencent,
  tencentAppUrl,
} from "../support/servers";

// The web app runs under its CSP in Debian Chromium with no violation, and other origins cannot use the API.

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations: Violation[];
    __inlineRan?: boolean;
  }
}

/** Collects `securitypolicyviolation` events (document) and CSP console errors (document and workers). */
async function watchCsp(page: Page) {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  page.on("worker", (worker) => {
    worker.on("console", (message) => {
      if (/content security policy/i.test(message.text())) consoleErrors.push(`worker: ${message.text()}`);
    });
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  return {
    consoleErrors,
    violations: () => page.evaluate(() => window.__cspViolations),
  };
}

/** A real JPEG drawn in the page (noise, so it is not trivially small). */
async function jpegFromPage(page: Page, width: number, height: number): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d context");
      const pixels = context.createImageData(width, height);
      for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 2654435761) >>> 24;
      context.putImageData(pixels, 0, 0);
      const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    { width, height },
  );
  return Buffer.from(bytes);
}

test.describe("content security policy", () => {
  for (const path of ["/", "/desk"]) {
    test(`${path} is served with a strict CSP and runs under it with no violation`, async ({ page }) => {
      const csp = await watchCsp(page);
      const response = await page.goto(`${offlineAppUrl}${path}`);
      expect(response?.status()).toBe(200);
      const header = response?.headers()["content-security-policy"] ?? "";
      expect(header).toContain("default-src 'self'");
      const scriptSrc = (header.split(";").find((d) => d.trim().startsWith("script-src ")) ?? "").trim().split(/\s+/);
      // Our origin only; 'wasm-unsafe-eval' compiles WebAssembly and does not allow eval (see the inline check below).
      expect(scriptSrc.slice(1).sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(header).toContain("frame-ancestors 'none'");
      expect(header).toContain("object-src 'none'");
      // The app rendered (its module script ran under the policy).
      await expect(page.locator("#root")).not.toBeEmpty();
      await page.waitForLoadState("networkidle");
      expect(await csp.violations()).toEqual([]);
      expect(csp.consoleErrors).toEqual([]);

      // The policy is enforced and the watcher sees it: an injected inline script is blocked and reported, and
      // eval is refused.
      const blocked = await page.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__inlineRan = true";
        document.head.append(script);
        // A blob: worker (allowed, like the app's own) inherits the page's policy; eval inside it must be refused.
        const source = "try { eval('1'); postMessage('eval ran') } catch (e) { postMessage(e.name) }";
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
        const evalOutcome = await new Promise<string>((resolve) => {
          worker.onmessage = (event) => resolve(String(event.data));
          worker.onerror = (event) => resolve(`worker error ${event.message}`);
        });
        worker.terminate();
        return { inlineRan: window.__inlineRan === true, evalOutcome };
      });
      expect(blocked).toEqual({ inlineRan: false, evalOutcome: "EvalError" });
      await expect
        .poll(async () => (await csp.violations()).map((v) => v.directive))
        .toEqual(expect.arrayContaining(["script-src-elem"]));
    });
  }

  test("a photo goes through the page (worker, fetch, result) with no violation", async ({ page }) => {
    // A passport still valid: an expired one stops the customer's flow before the result.
    await scriptFakeTencent([{ type: "success", person: { documentNumber: "CSP4TEST7", expiryDate: "2034-06-30" } }]);
    const csp = await watchCsp(page);
    await page.goto(`${tencentAppUrl}/`);
    const photo = await jpegFromPage(page, 1200, 900);
    const sent = page.waitForResponse((r) => r.url().endsWith("/api/passport") && r.request().method() === "POST");
    await page
      .getByLabel("Choose a file")
      .setInputFiles({ name: "passport.jpg", mimeType: "image/jpeg", buffer: photo });
    const response = await sent;
    expect(response.status()).toBe(200);
    // The compression worker ran, the upload went out and the result rendered, all under the policy.
    await expect(page.getByText("CSP4TEST7").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await csp.violations()).toEqual([]);
    expect(csp.consoleErrors).toEqual([]);
  });
});

/** Calls that reached the fake upstream's API (not the browser's own favicon request to the fake's origin). */
const upstreamCalls = async () => (await fakeTencentRequests()).filter((r) => r.method === "POST").length;

test.describe("other origins", () => {
  test("a page on another origin cannot call the API, and it costs no upstream call", async ({ page, request }) => {
    await scriptFakeTencent([{ type: "success" }]);
    // The fake upstream's origin (another port) stands in for a hostile site; it sends no CSP, so the browser really
    // sends the request and it is our server that refuses it.
    const hostile = new URL(fakeTencentUrl).origin;
    await page.goto(`${hostile}/__fake/health`);
    const outcome = await page.evaluate(async (target) => {
      const form = new FormData();
      form.set("image", new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])], { type: "image/jpeg" }), "x.jpg");
      try {
        const res = await fetch(`${target}/api/passport`, { method: "POST", body: form });
        return `status ${res.status}`;
      } catch (error) {
        return `refused ${(error as Error).name}`;
      }
    }, tencentAppUrl);
    expect(outcome).toBe("refused TypeError");
    expect(await upstreamCalls()).toBe(0);

    // What the server said to that browser: 403 with our code, and no CORS grant.
    const direct = await request.post(`${tencentAppUrl}/api/passport`, {
      headers: { origin: hostile },
      multipart: { image: { name: "x.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) } },
    });
    expect(direct.status()).toBe(403);
    expect(direct.headers()["access-control-allow-origin"]).toBeUndefined();
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe("origin_not_allowed");
    expect(await upstreamCalls()).toBe(0);

    // Health is readable cross-origin only by servers, never granted to browsers either.
    const health = await request.get(`${tencentAppUrl}/api/health`, { headers: { origin: "https://evil.example" } });
    expect(health.status()).toBe(403);
  });
});
