// The portal on a cheap phone over slow 4G: a benchmark (figures, not a test), run by
// scripts/bench-phone.sh against a release build it has started.
//
// Each page is opened in Debian's Chromium with an empty cache, over 150 ms round trips at
// 1.6 Mbit/s down and 750 kbit/s up, with the CPU slowed four times. It prints, per page:
// the bytes transferred (compressed, headers included), first and largest contentful paint,
// and when the page became interactive (the WebAssembly arrived and woke its islands). Then the
// same page again, as a later visit on the same build: what it transfers with its cache.
//
// Signing in, and making the goal the check-in page needs, happen before the throttling
// and are not measured.
import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import shared from "../browser.cjs";

const BASE = process.env.BENCH_BASE_URL ?? "http://localhost:3190";
const SERVER = process.env.BENCH_SERVER_BINARY ?? "target/release/server";
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
// A page whose WebAssembly never arrives is reported as such, not waited for forever.
const PAGE_LIMIT_MS = 90_000;


function code(who, name) {
  const output = execFileSync(SERVER, ["issue-code", who, name], { encoding: "utf8" });
  const match = output.match(/^Code for .*: ([A-Z0-9-]+)$/m);
  if (!match) throw new Error(`issue-code printed no code: ${output}`);
  return match[1];
}

/** A browser context of its own, with a passkey-capable authenticator, as a phone is. */
async function phone(browser) {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    // Each page's first visit is measured cold, as a new phone meets it. The service
    // worker would otherwise serve one page's files to the next from its own store,
    // which clearing the browser's cache leaves alone.
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", { options: shared.virtualAuthenticator });
  // Notes when the page hydrated and its largest paint, from the document's first moment.
  await context.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new MutationObserver(() => {
      if (!window.__hydratedAt && document.documentElement?.dataset.hydrated === "true") {
        window.__hydratedAt = performance.now();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  return page;
}

async function takeCode(page, code, lands) {
  await page.goto("/start");
  await page.getByLabel("The code your worker gave you").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(lands);
}

/** Opens `path` on a throttled network and CPU, and reports what it cost. */
async function visit(page, path, cold) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  if (cold) await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength;
  });
  await page.goto(path, { waitUntil: "load", timeout: PAGE_LIMIT_MS });
  const hydrated = await page
    .waitForFunction(() => window.__hydratedAt, null, { timeout: PAGE_LIMIT_MS })
    .then(() => true)
    .catch(() => false);
  const times = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    interactive: window.__hydratedAt ?? NaN,
  }));
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await cdp.detach();
  return { bytes, hydrated, ...times };
}

function row(name, first, again) {
  const seconds = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "never");
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `  ${name.padEnd(22)} ${kb(first.bytes).padStart(10)} ${seconds(first.fcp).padStart(8)} ` +
      `${seconds(first.lcp).padStart(8)} ${seconds(first.interactive).padStart(12)}   ` +
      `${kb(again.bytes).padStart(9)} ${seconds(again.interactive).padStart(12)}`,
  );
}

async function measure(page, name, path) {
  const first = await visit(page, path, true);
  const again = await visit(page, path, false);
  row(name, first, again);
}

const browser = await chromium.launch(shared.launchOptions);
try {
  console.log(
    `Slow 4G (${SLOW_4G.latency} ms, 1.6 Mbit/s down), CPU ${CPU_SLOWDOWN}x slower, 360 x 640:`,
  );
  console.log(
    `  ${"page".padEnd(22)} ${"first visit".padStart(10)} ${"FCP".padStart(8)} ${"LCP".padStart(8)} ` +
      `${"interactive".padStart(12)}   ${"next visit".padStart(9)} ${"interactive".padStart(12)}`,
  );

  const stranger = await phone(browser);
  await measure(stranger, "start page", "/");
  await measure(stranger, "sign-up (/start)", "/start");
  await stranger.context().close();

  const parent = await phone(browser);
  await takeCode(parent, code("--member", "Alex Example"), /\/home$/);
  await measure(parent, "a parent's home", "/home");
  await parent.getByRole("button", { name: "Add a goal" }).click();
  await parent.getByLabel("What do you want to change?").fill("Walk to school together (demo)");
  for (let question = 0; question < 6; question += 1) {
    await parent.getByRole("button", { name: "Continue" }).click();
  }
  await parent.getByRole("button", { name: "Save goal" }).click();
  await parent.waitForURL(/\/goals\/[^/]+$/);
  const goal = new URL(parent.url()).pathname;
  await measure(parent, "a check-in question", `${goal}/check-in`);
  await parent.context().close();

  const child = await phone(browser);
  await takeCode(child, code("--member", "Robin Example"), /\/(home|child)$/);
  await measure(child, "a child's start", "/child");
  await child.context().close();

  const worker = await phone(browser);
  await takeCode(worker, code("--staff", "Sam Sample"), /\/home$/);
  await worker.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await worker.waitForURL(/\/families\/[^/]+$/);
  const family = new URL(worker.url()).pathname;
  await measure(worker, "Module 8 (staff)", `${family}/views`);
  await measure(worker, "the pack (staff)", `${family}/pack`);
  await worker.context().close();
} finally {
  await browser.close();
}
