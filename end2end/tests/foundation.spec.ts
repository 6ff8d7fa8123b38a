// The foundation, as a person would use it: pages load, hydration makes the page
// interactive, the feedback form saves with JavaScript on and off, and every page
// passes axe-core's WCAG 2.2 AA rules.
import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  keptFeedback,
  uniquePhrase,
  waitForHydration,
} from "./support";

test("the start page loads and says what the portal is for", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Have your say, in your own words");
  await expect(page).toHaveTitle("Start – Family portal");
  await expectNoAxeViolations(page);
});

test("hydration makes the character count live", async ({ page }) => {
  await page.goto("/feedback");
  const message = page.locator("#comments-info");
  await waitForHydration(page);
  await expect(message).toHaveText("You have 1200 characters remaining");
  await page.getByLabel("How could we improve this service? (optional)").fill("Twelve chars");
  await expect(message).toHaveText("You have 1188 characters remaining");
});

test("words typed before the WebAssembly arrives are still there once it has", async ({ page }) => {
  // Hold the WebAssembly back until the words are typed, so hydration surely comes after.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm(\?.*)?$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/feedback");
  const box = page.getByLabel("How could we improve this service? (optional)");
  await box.fill("Typed early (demo)");
  release();
  await waitForHydration(page);
  await expect(box).toHaveValue("Typed early (demo)");
});

test("feedback is kept when sent from the hydrated page", async ({ page }) => {
  const words = uniquePhrase("Hydrated feedback");
  await page.goto("/feedback");
  await waitForHydration(page);
  // A problem first: nothing chosen. The summary appears and nothing typed is lost.
  await page.getByLabel("How could we improve this service? (optional)").fill(words);
  await page.getByRole("button", { name: "Send feedback" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Select how you feel about this service.");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Give feedback/);
  await expect(page.getByLabel("How could we improve this service? (optional)")).toHaveValue(words);
  await expectNoAxeViolations(page);
  // Following the summary's link lands on the first choice.
  await summary.getByRole("link").first().click();
  await expect(page.getByLabel("Very satisfied", { exact: true })).toBeFocused();

  await page.getByLabel("Satisfied", { exact: true }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page).toHaveURL(/\/feedback\/sent$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for your feedback");
  expect(keptFeedback()).toContainEqual({ satisfaction: "satisfied", comments: words });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("feedback is kept, and a problem keeps everything typed", async ({ page }) => {
    const words = uniquePhrase("No-script feedback <b>&</b>");
    await page.goto("/feedback");
    await expect(page.locator("#comments-info")).toHaveText("You can enter up to 1200 characters");
    await page.getByLabel("How could we improve this service? (optional)").fill(words);
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page).toHaveURL(/\/feedback$/);
    await expect(page.getByRole("alert")).toContainText("Select how you feel about this service.");
    await expect(page.getByLabel("How could we improve this service? (optional)")).toHaveValue(words);
    await expectNoAxeViolationsWithoutScripts(page);

    await page.getByLabel("Very dissatisfied").check();
    await page.getByRole("button", { name: "Send feedback" }).click();
    await expect(page).toHaveURL(/\/feedback\/sent$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you for your feedback");
    expect(keptFeedback()).toContainEqual({ satisfaction: "very_dissatisfied", comments: words });
  });
});

test("every page so far passes axe-core's WCAG 2.2 AA rules", async ({ page }) => {
  for (const address of ["/", "/sign-in", "/feedback", "/feedback/sent"]) {
    await page.goto(address);
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  }
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAxeViolations(page);
});

test("the whole form can be used with the keyboard alone", async ({ page }) => {
  const words = uniquePhrase("Keyboard feedback");
  await page.goto("/feedback");
  await waitForHydration(page);
  // "Exit this page" is the first thing the keyboard reaches, then the skip link.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Exit this page" }).first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  // Into the radios, choose with the arrow keys, then on to the comment and the button.
  await page.getByLabel("Very satisfied", { exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Satisfied", { exact: true })).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.type(words);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Send feedback" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The form posts to the page's own address, and a browser keeps the address's
  // fragment (here the skip link's) across the redirect that follows.
  await expect(page).toHaveURL(/\/feedback\/sent(#main-content)?$/);
  expect(keptFeedback()).toContainEqual({ satisfaction: "satisfied", comments: words });
});
