// What a new user trips on before reading a word: charts that draw nothing, pages wider
// than the phone, a button that does nothing, an empty page while loading, buttons
// hidden under "Exit this page", limits found out only after Continue, and passkey
// buttons that stay hidden.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  issueCode,
  takeCode,
  uniquePhrase,
  waitForHydration,
} from "./support";

/** A phone's browser settings, for a second browser beside the test's own. */
function phone(testInfo: TestInfo) {
  return { baseURL: testInfo.project.use.baseURL, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true };
}

/** Answers the question on this page (the page's heading) and presses Continue. */
async function answer(page: Page, question: string, value?: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question);
  if (value !== undefined) await page.getByLabel(question).fill(value);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** A goal with the words given and a single check-in; ends on the goal's page. */
async function goalWithOneCheckIn(page: Page, words: string): Promise<void> {
  await page.getByRole("button", { name: "Add a goal" }).click();
  await answer(page, "What do you want to change?", words);
  for (const question of [
    "Why does it matter to you? (optional)",
    "What steps will you take? (optional)",
    "Who can help you? (optional)",
    "How will you know it is working? (optional)",
    "What might get in the way? (optional)",
  ]) {
    await answer(page, question);
  }
  await page.getByRole("button", { name: "Save goal" }).click();
  await page.getByRole("link", { name: "Check in on this goal" }).click();
  await answer(page, "Where are you now, from 0 to 10?", "3");
  await answer(page, "Where do you want to be, from 0 to 10?", "8");
  await answer(page, "Anything you want to add? (optional)");
  await answer(page, "How important is this change to you, from 0 to 10? (optional)");
  await answer(page, "How sure are you that you can do it, from 0 to 10? (optional)");
  // Shared with the workers, so that it is in the supervision pack.
  await page.getByLabel("Me and my workers").check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("You checked in once: you were at 3 out of 10 and want to be at 8.")).toBeVisible();
}

/**
 * Scrolls each link and button on the page to where something kept at the top of the
 * screen would half cover it, and checks axe's target size rule at each position.
 */
async function expectTargetSizeWhileScrolling(page: Page): Promise<void> {
  const tops = await page.evaluate(() =>
    Array.from(document.querySelectorAll("main a, main button")).map(
      (el) => el.getBoundingClientRect().top + window.scrollY,
    ),
  );
  expect(tops.length).toBeGreaterThan(0);
  for (const top of tops) {
    for (const offset of [-20, -10, 10, 20, 30]) {
      await page.evaluate((y) => window.scrollTo(0, y), Math.max(0, top - offset));
      const results = await new AxeBuilder({ page }).withRules(["target-size"]).analyze();
      const failed = results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")));
      expect(failed, `target size with a target ${offset}px from the top of the screen`).toEqual([]);
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

test("a goal with one check-in draws a mark for each score, fits a 320 pixel screen, and nothing hides under Exit this page", { tag: "@phone" }, async ({ browser, page }, testInfo) => {
  test.setTimeout(120_000);
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  // One long unbroken word, as people type when they are upset.
  const words = `${"Aaaaaaaaargh".repeat(6)} ${uniquePhrase("(demo)")}`;
  await goalWithOneCheckIn(page, words);

  const chart = page.locator("svg.app-chart");
  await expect(chart.locator("circle")).toHaveCount(1);
  await expect(chart.locator("rect")).toHaveCount(1);
  await expect(chart.locator("polyline")).toHaveCount(0);
  await expect(page.getByText("Blue dot: where you were. Black square: where you want to be.")).toBeVisible();

  // The table scrolls in its own named region, which the keyboard can reach.
  const region = page.getByRole("region", { name: "Your check-ins" });
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(region.getByRole("table")).toContainText("Where you were");

  // Checks the page at 360 and 320 pixels wide, and target sizes where it is.
  await expectNoAxeViolations(page);
  await expectTargetSizeWhileScrolling(page);
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 640 });
    await page.screenshot({ path: testInfo.outputPath(`goal-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 640 });

  // Shared with the workers, it is in the supervision pack, which fits a phone too.
  const share = page.getByRole("button", { name: "Share with my workers" });
  for (let left = await share.count(); left > 0; left--) {
    await share.first().click();
    await expect(share).toHaveCount(left - 1);
  }
  const staff = await browser.newContext(phone(testInfo));
  const worker = await staff.newPage();
  await addVirtualAuthenticator(worker);
  await takeCode(worker, issueCode("--staff", "Sam Sample"));
  await worker.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await worker.getByRole("link", { name: "Supervision pack" }).click();
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText("Supervision pack");
  await expect(worker.getByText("Blue dot: scaling score.", { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(worker);
  for (const width of [360, 320]) {
    await worker.setViewportSize({ width, height: 640 });
    await worker.screenshot({ path: testInfo.outputPath(`pack-${width}.png`), fullPage: true });
  }
  await staff.close();
});

test("Read this to me shows only where it works: not without scripts, nor without speech", { tag: "@phone" }, async ({ browser, page }, testInfo) => {
  const button = (p: Page) => p.getByRole("button", { name: "Read this to me", includeHidden: true });

  // With scripts and speech, it is there to press.
  await page.goto("/help");
  await waitForHydration(page);
  await expect(button(page)).toBeVisible();

  // Without scripts it could do nothing, so it is not shown.
  const noScripts = await browser.newContext({ ...phone(testInfo), javaScriptEnabled: false });
  const plain = await noScripts.newPage();
  await plain.goto("/help");
  await expect(button(plain)).toHaveCount(1);
  await expect(button(plain)).toBeHidden();
  await noScripts.close();

  // A browser with no speech synthesis: not shown either, before or after hydration.
  const noSpeech = await browser.newContext(phone(testInfo));
  const silent = await noSpeech.newPage();
  await silent.addInitScript(() => {
    delete (window as unknown as { speechSynthesis?: unknown }).speechSynthesis;
    delete (window as unknown as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });
  await silent.goto("/help");
  await waitForHydration(silent);
  await expect(button(silent)).toHaveCount(1);
  await expect(button(silent)).toBeHidden();
  await noSpeech.close();
});

test("a slow page arrives whole, never as an empty page or a Loading… shell", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  // A slow connection: the next page takes a while to come. Until it does, the browser
  // keeps the last page on screen; the server then sends the new one drawn whole.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = () => {};
  const reached = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/\/account$/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await page.getByRole("link", { name: "Your passkeys and sign-ins" }).click({ noWaitAfter: true });
  await reached;
  release();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Where you are signed in" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Loading…");
});

test("a text box with a limit says so before Continue, and counts down as people type", { tag: "@phone" }, async ({ browser, page }, testInfo) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add a goal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to change?");
  await waitForHydration(page);
  const address = page.url();
  const box = page.getByLabel("What do you want to change?");
  await expect(box).toHaveAccessibleDescription(/You have \d+ characters? remaining/);
  await box.fill("");
  await expect(box).toHaveAccessibleDescription(/You have 2000 characters remaining/);
  await box.fill("Walk more (demo)");
  await expect(page.getByText("You have 1984 characters remaining")).toBeVisible();
  await box.fill("a".repeat(2003));
  await expect(page.getByText("You have 3 characters too many")).toBeVisible();
  // Typing is kept as a draft: leave none behind for other tests.
  await box.fill("");
  await expect(page.getByText("You have 2000 characters remaining")).toBeVisible();

  // Without scripts, the limit is there from the start.
  const cookies = await page.context().cookies();
  const noScripts = await browser.newContext({ ...phone(testInfo), javaScriptEnabled: false });
  await noScripts.addCookies(cookies);
  const plain = await noScripts.newPage();
  await plain.goto(address);
  await expect(plain.getByLabel("What do you want to change?")).toHaveAccessibleDescription(
    /You can enter up to 2000 characters/,
  );
  await noScripts.close();
});

test("passkey pages work when reached by a link, and when the portal sends someone there", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await page.getByRole("button", { name: "Sign out" }).click();

  // From the start page to "Sign in".
  await page.goto("/");
  await waitForHydration(page);
  await page.getByRole("button", { name: /Sign in/ }).first().click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText("turn on JavaScript in your browser")).toBeHidden();
  await page.getByRole("button", { name: "Sign in with your screen lock" }).click();
  await expect(page).toHaveURL(/\/home$/);

  // "Confirm it is you", as the portal sends someone there before a step that needs it.
  await page.goto("/confirm?then=/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm it is you");
  await expect(page.getByText("turn on JavaScript in your browser")).toBeHidden();
  await page.getByRole("button", { name: "Confirm with your screen lock" }).click();
  await expect(page).toHaveURL(/\/account$/);
});
