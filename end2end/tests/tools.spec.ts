// A parent's tools on a phone (360 by 640), as a parent would use them: add a goal, check
// in with both readiness rulers and their follow-up questions, choose a stage, add two
// things they want to say, share one, and see the chart and its table. axe-core checks
// every page. Then the same forms without JavaScript, and once more by keyboard alone.
import { expect, test, type Page } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  issueCode,
  takeCode,
  uniquePhrase,
  waitForHydration,
} from "./support";

// Parents use phones: every test here is tagged @phone, so it runs in the phone project.

async function journey(
  page: Page,
  goalWords: string,
  checkAxe: (page: Page) => Promise<void> = expectNoAxeViolations,
): Promise<void> {
  test.setTimeout(120_000);
  await page.getByRole("button", { name: "Add a goal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a goal");
  await checkAxe(page);
  await page.getByLabel("What do you want to change?").fill(goalWords);
  await page.getByLabel("Why does it matter to you?").fill("My children are calmer (demo)");
  await page.getByRole("button", { name: "Save goal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(goalWords);
  await expect(page.getByText("Only you can see this.")).toBeVisible();
  await checkAxe(page);

  await page.getByRole("link", { name: "Check in on this goal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How is it going?");
  await checkAxe(page);
  await page.getByLabel("Where are you now, from 0 to 10?").fill("3");
  await page.getByLabel("Where do you want to be, from 0 to 10?").fill("8");
  await page.getByLabel("How important is this change to you, from 0 to 10?").fill("9");
  await page.getByLabel("Why this number, and not a lower one?").first().fill("It is for my children (demo)");
  await page.getByLabel("What would help you move up one?").first().fill("Nothing, it is already high (demo)");
  await page.getByLabel("How sure are you that you can do it, from 0 to 10?").fill("5");
  await page.getByLabel("Why this number, and not a lower one?").nth(1).fill("I did it last week (demo)");
  await page.getByLabel("What would help you move up one?").nth(1).fill("An alarm clock (demo)");
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("You checked in once: you were at 3 out of 10 and want to be at 8.")).toBeVisible();

  await page.getByRole("link", { name: "Say where you are with it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where are you with this goal?");
  await checkAxe(page);
  await page.getByLabel("Getting ready").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".govuk-summary-list")).toContainText("Getting ready");

  // The chart and the same figures as a table.
  await expect(page.locator("svg.app-chart")).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Where you were");
  await checkAxe(page);

  await page.getByRole("link", { name: "Back to your space" }).click();
  for (const [starter, words] of [
    ["I will…", "walk them to school on Monday (demo)"],
    ["I want to…", "feel less rushed (demo)"],
  ]) {
    await page.getByRole("button", { name: "Say something" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something I want to say");
    await checkAxe(page);
    await page.getByLabel(starter).check();
    await page.getByLabel("Finish the sentence in your own words").fill(words);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
  }
  await expect(page.getByText("I will walk them to school on Monday (demo)")).toBeVisible();
  await expect(page.getByText("I want to feel less rushed (demo)")).toBeVisible();
  await page.getByRole("button", { name: "Share this with my workers" }).first().click();
  await expect(page.getByText("Your workers can see this.")).toHaveCount(1);
  await expect(page.getByRole("link", { name: goalWords })).toBeVisible();
  await checkAxe(page);
}

test("a parent uses every tool on a phone", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await journey(page, uniquePhrase("Get to school on time (demo)"));
});

test("the same journey works with JavaScript off", { tag: "@phone" }, async ({ page, browser }, testInfo) => {
  // Signing in needs a passkey, which needs scripts; everything after works without them.
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Jordan Example"));
  const noScripts = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: false,
  });
  await noScripts.addCookies(await page.context().cookies());
  const plain = await noScripts.newPage();
  await plain.goto("/home");
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Your space");
  await journey(plain, uniquePhrase("Cook a meal together (demo)"), expectNoAxeViolationsWithoutScripts);
  // A wrong score comes back with a plain message and everything typed still there.
  await plain.getByRole("link", { name: /Cook a meal together/ }).click();
  await plain.getByRole("link", { name: "Check in on this goal" }).click();
  await plain.getByLabel("Where are you now, from 0 to 10?").fill("11");
  await plain.getByLabel("Anything you want to add? (optional)").fill("Kept as typed (demo)");
  await plain.getByRole("button", { name: "Save check-in" }).click();
  await expect(plain.getByRole("alert")).toContainText("Where you are now must be a number from 0 to 10.");
  await expect(plain.getByLabel("Anything you want to add? (optional)")).toHaveValue("Kept as typed (demo)");
  await expect(plain).toHaveTitle(/^Error: /);
  await noScripts.close();
});

test("every page offers to read itself aloud", { tag: "@phone" }, async ({ page }) => {
  const spoken: string[] = [];
  await page.exposeFunction("recordSpeech", (text: string) => spoken.push(text));
  await page.addInitScript(() => {
    // Chromium without audio: stand in for the voice, and keep what it would have said.
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      (window as unknown as { recordSpeech: (t: string) => void }).recordSpeech(utterance.text);
    };
  });
  await page.goto("/");
  await page.getByRole("button", { name: "Read this to me" }).click();
  await expect.poll(() => spoken.join(" ")).toContain("Have your say, in your own words");
});

test("a check-in can be done with the keyboard alone", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add a goal" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a goal");
  await page.getByLabel("What do you want to change?").focus();
  await page.keyboard.type("Keyboard goal (demo)");
  // Tab through the other questions and the sharing choice to the button.
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save goal" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keyboard goal (demo)");
  await page.getByRole("link", { name: "Check in on this goal" }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Where are you now, from 0 to 10?").focus();
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  await page.keyboard.type("7");
  await page.getByRole("button", { name: "Save check-in" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("You checked in once: you were at 2 out of 10 and want to be at 7.")).toBeVisible();
});

test("a parent tells their worker they do not feel safe, and nothing shows on screen", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  const before = (await page.locator("main").textContent()) ?? "";
  await page.getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help");
  await expect(page).toHaveTitle("Help – Family portal");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "I don't feel safe right now" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.locator("main")).toHaveText(before);
});
