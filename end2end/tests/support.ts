// Helpers shared by the end-to-end tests.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { virtualAuthenticator } from "../browser.cjs";

/** The WCAG 2.2 AA rule sets the portal must pass with no violations. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe-core on the page as it is now and fails on any violation, naming each. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a form's post and redirect, the words can be on the page before its stylesheet
  // has loaded; checking then measures an unstyled page (tiny targets everywhere).
  await page.waitForLoadState("load");
  await expectNoSidewaysScroll(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  // Target size (WCAG 2.2's 2.5.8) is one of the rules run, not skipped by the tags.
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable];
  expect(ran.map((r) => r.id)).toContain("target-size");
}

/** The page is no wider than the screen (WCAG 1.4.10 Reflow): nothing scrolls sideways. */
async function expectFitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Name the widest things, so a failure says where to look.
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return `${root.scrollWidth}px wide at ${root.clientWidth}px: ${wide.join(", ")}`;
  });
  expect(overflow, `sideways scrolling on ${page.url()}`).toBeNull();
}

/**
 * Checks the page fits the screen as it is, and at 320 pixels wide (the width WCAG's Reflow
 * asks for), then puts the screen back as it was.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expectFitsWidth(page);
  const size = page.viewportSize();
  if (!size || size.width === 320) return;
  await page.setViewportSize({ width: 320, height: size.height });
  try {
    await expectFitsWidth(page);
  } finally {
    await page.setViewportSize(size);
    // Let the page lay itself out again at its own width before anything else is clicked.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
}

/**
 * axe-core runs as a script in the page, which a page with JavaScript off cannot do. So the
 * exact HTML the server sent is loaded, at the same address and with the same styles, into a
 * page whose scripts and WebAssembly are blocked from loading, and checked there.
 */
export async function expectNoAxeViolationsWithoutScripts(page: Page): Promise<void> {
  const html = await page.content();
  // Playwright Test gives new contexts the test's own options, so scripts are switched
  // back on here explicitly; the route below is what keeps the page's own code out.
  const context = await page.context().browser()!.newContext({
    baseURL: new URL(page.url()).origin,
    javaScriptEnabled: true,
  });
  try {
    const checker = await context.newPage();
    await checker.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    await checker.goto("/healthz");
    await checker.setContent(html, { waitUntil: "load" });
    await expect(checker.locator("html")).not.toHaveAttribute("data-hydrated", "true");
    await expectNoAxeViolations(checker);
  } finally {
    await context.close();
  }
}

/** Waits until the page has been hydrated by the WebAssembly. */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

/** Runs one of the server's own commands against the database the running server uses. */
export function serverCommand(args: string[]): string {
  const root = path.resolve(__dirname, "..", "..");
  const binary = process.env.E2E_SERVER_BINARY ?? path.join(root, "target", "debug", "server");
  return execFileSync(binary, args, { cwd: root, encoding: "utf8" });
}

/** A one-time code from the server's `issue-code` command. */
export function issueCode(who: "--staff" | "--member", name: string): string {
  const output = serverCommand(["issue-code", who, name]);
  const match = output.match(/^Code for .*: ([A-Z0-9-]+)$/m);
  if (!match) throw new Error(`issue-code printed no code: ${output}`);
  return match[1];
}

/**
 * Gives the page's browser a passkey-capable authenticator through the Chrome DevTools
 * Protocol: a platform authenticator with user verification, like a phone's screen lock.
 */
export async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", { options: virtualAuthenticator });
}

/** Takes a code on /start and registers a passkey; ends signed in, on the home page. */
export async function takeCode(page: Page, code: string): Promise<void> {
  await page.goto("/start");
  await page.getByLabel("The code your worker gave you").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/home$/);
}

/**
 * The feedback the server has kept, read with the server's own `feedback` command
 * against the database the running server uses.
 */
export function keptFeedback(): Array<{ satisfaction: string; comments: string }> {
  const root = path.resolve(__dirname, "..", "..");
  const binary = process.env.E2E_SERVER_BINARY ?? path.join(root, "target", "debug", "server");
  const output = execFileSync(binary, ["feedback", "--json"], { cwd: root, encoding: "utf8" });
  const rows: Array<{ satisfaction: string; comments: string }> = JSON.parse(output);
  return rows.map(({ satisfaction, comments }) => ({ satisfaction, comments }));
}

/** A phrase no other test run will have typed, to find our own words again. */
export function uniquePhrase(label: string): string {
  return `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A parent's phone: a browser of its own, at 360 by 640, with its own screen lock. */
export async function parentsPhone(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await addVirtualAuthenticator(page);
  return page;
}

/** Presses Tab until `target` has the focus, as a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** A day `days` from now, as the three boxes of a date input take it and as pages write it. */
export function daysAhead(days: number) {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return {
    day: String(at.getUTCDate()),
    month: String(at.getUTCMonth() + 1),
    year: String(at.getUTCFullYear()),
    words: at.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  };
}

/** Types `day` into the three boxes of the date input on the page. */
export async function fillDay(page: Page, day: ReturnType<typeof daysAhead>) {
  await page.getByLabel("Day", { exact: true }).fill(day.day);
  await page.getByLabel("Month", { exact: true }).fill(day.month);
  await page.getByLabel("Year", { exact: true }).fill(day.year);
}

/**
 * Business support (Harper Dummy) books a group case supervision `days` ahead on `page`
 * (which has a virtual authenticator), discussing the demo family with Sam Sample there.
 */
export async function bookSession(page: Page, days: number) {
  await takeCode(page, issueCode("--staff", "Harper Dummy"));
  await page.getByRole("link", { name: "Group case supervision: book a session" }).click();
  const day = daysAhead(days);
  await fillDay(page, day);
  await page.getByLabel("The Example family (demo) (DEMO-0001)").check();
  await page.getByLabel("Sam Sample, Social worker").check();
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page.getByRole("table")).toContainText("The Example family (demo)");
  return day;
}

export const NEUTRAL_SITE = /^https:\/\/www\.bbc\.co\.uk\/weather/;

/** The neutral site is answered locally: the machine has no internet, and the test only
 * needs to know the browser was sent there. */
export async function answerNeutralSite(page: Page): Promise<void> {
  await page.context().route(NEUTRAL_SITE, (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
  );
}
