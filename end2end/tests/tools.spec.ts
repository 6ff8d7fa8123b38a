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

/** Answers the question on this page (the page's heading) and presses Continue. */
async function answer(page: Page, question: string | RegExp, value?: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question);
  if (value !== undefined) await page.getByLabel(question).fill(value);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function checkYourAnswers(page: Page, save: string, checkAxe: (page: Page) => Promise<void>): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await checkAxe(page);
  await page.getByRole("button", { name: save }).click();
}

async function journey(
  page: Page,
  goalWords: string,
  checkAxe: (page: Page) => Promise<void> = expectNoAxeViolations,
): Promise<void> {
  test.setTimeout(180_000);
  // A goal: one question on each page, then check the answers and save.
  await page.getByRole("button", { name: "Add a goal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to change?");
  await checkAxe(page);
  await answer(page, "What do you want to change?", goalWords);
  await answer(page, "Why does it matter to you? (optional)", "My children are calmer (demo)");
  for (const question of [
    "What steps will you take? (optional)",
    "Who can help you? (optional)",
    "How will you know it is working? (optional)",
    "What might get in the way? (optional)",
  ]) {
    await answer(page, question);
  }
  await expect(page.locator(".govuk-summary-list")).toContainText("My children are calmer (demo)");
  await checkYourAnswers(page, "Save goal", checkAxe);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(goalWords);
  await expect(page.getByText("Only you can see this.")).toBeVisible();
  await checkAxe(page);

  // A check-in, with both rulers and their follow-up questions, which name the number.
  await page.getByRole("link", { name: "Check in on this goal" }).click();
  await checkAxe(page);
  await answer(page, "Where are you now, from 0 to 10?", "3");
  await answer(page, "Where do you want to be, from 0 to 10?", "8");
  await answer(page, "Anything you want to add? (optional)");
  await answer(page, "How important is this change to you, from 0 to 10? (optional)", "9");
  await answer(page, "You chose 9. Why 9, and not a lower number? (optional)", "It is for my children (demo)");
  await answer(page, "You chose 9. What would help you move up one, to 10? (optional)", "Seeing them smile (demo)");
  await answer(page, "How sure are you that you can do it, from 0 to 10? (optional)", "5");
  await answer(page, "You chose 5. Why 5, and not a lower number? (optional)", "I did it last week (demo)");
  await answer(page, "You chose 5. What would help you move up one, to 6? (optional)", "An alarm clock (demo)");
  await expect(page.locator(".govuk-summary-list")).toContainText("An alarm clock (demo)");
  await expect(page.locator(".govuk-summary-list")).toContainText("3 out of 10");
  // Throwing the answers away asks first, and "No" keeps every one of them.
  await page.getByRole("link", { name: "Throw this check-in away" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to throw this check-in away?");
  await checkAxe(page);
  await page.getByRole("link", { name: "No, go back to my answers" }).click();
  await expect(page.locator(".govuk-summary-list")).toContainText("An alarm clock (demo)");
  await checkYourAnswers(page, "Save check-in", checkAxe);
  await expect(page.getByText("You checked in once: you were at 3 out of 10 and want to be at 8.")).toBeVisible();

  await page.getByRole("link", { name: "Say where you are with it" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where are you with this goal?");
  await checkAxe(page);
  await page.getByLabel("Getting ready").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await checkYourAnswers(page, "Save", checkAxe);
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
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How do you want to start?");
    await checkAxe(page);
    await page.getByLabel(starter).check();
    await page.getByRole("button", { name: "Continue" }).click();
    // The sentence goes on from the starter chosen.
    await answer(page, starter, words);
    await checkYourAnswers(page, "Save", checkAxe);
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

test("what is typed is kept on the server as it is typed", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add a goal" }).click();
  await waitForHydration(page);
  const words = uniquePhrase("Half a thought (demo)");
  // Typed, not sent: no Continue.
  await page.getByLabel("What do you want to change?").pressSequentially(words);
  await expect(page.locator("main").getByRole("status")).toHaveText("Saved as you type. You can come back to this later.");
  // The connection drops, the tab is closed: coming back, the words are there.
  await page.goto("/home");
  await page.goto("/goals/new");
  await expect(page.getByLabel("What do you want to change?")).toHaveValue(words);
  // Thrown away from "Check your answers", it is gone.
  await page.getByRole("button", { name: "Continue" }).click();
  await page.goto("/goals/new?q=check");
  await page.getByRole("link", { name: "Throw this goal away" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to throw this goal away?");
  await page.getByRole("button", { name: "Yes, throw it away" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
  await page.goto("/goals/new");
  await expect(page.getByLabel("What do you want to change?")).toHaveValue("");
});

test("a problem on one question does not follow the parent back to another", { tag: "@phone" }, async ({ page }) => {
  const crashes: string[] = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add a goal" }).click();
  const goal = uniquePhrase("Walk to school together (demo)");
  await answer(page, "What do you want to change?", goal);
  // Back and forward again without a reload, as a hydrated page moves.
  await waitForHydration(page);
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to change?");
  // The words kept in the draft are in the box, and go with Continue.
  await expect(page.getByLabel("What do you want to change?")).toHaveValue(goal);
  await page.getByRole("button", { name: "Continue" }).click();
  await answer(page, "Why does it matter to you? (optional)", "a".repeat(2001));
  await expect(page.getByRole("alert")).toContainText("2000 characters or fewer");
  await waitForHydration(page);
  // Back, without a reload: the earlier question shows its own answer and no problem.
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to change?");
  await expect(page.getByLabel("What do you want to change?")).toHaveValue(goal);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(crashes).toEqual([]);
  // Thrown away, so the next test starts with no draft.
  await page.goto("/goals/new?q=discard");
  await page.getByRole("button", { name: "Yes, throw it away" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
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
  // A wrong score comes back with a plain message and what was typed still there.
  await plain.getByRole("link", { name: /Cook a meal together/ }).click();
  await plain.getByRole("link", { name: "Check in on this goal" }).click();
  await plain.getByLabel("Where are you now, from 0 to 10?").fill("11");
  await plain.getByRole("button", { name: "Continue" }).click();
  await expect(plain.getByRole("alert")).toContainText("Where you are now must be a number from 0 to 10.");
  await expect(plain.getByLabel("Where are you now, from 0 to 10?")).toHaveValue("11");
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

test("a goal and a check-in can be done with the keyboard alone", { tag: "@phone" }, async ({ page }) => {
  test.setTimeout(120_000);
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add a goal" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to change?");
  // On each question: Tab from the Back link to the answer, type, Tab to Continue.
  const byKeyboard = async (value?: string) => {
    await page.getByRole("link", { name: "Back", exact: true }).focus();
    await page.keyboard.press("Tab");
    if (value !== undefined) await page.keyboard.type(value);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Continue" })).toBeFocused();
    // The next question has its own address: wait for it, so the next Tab starts there
    // and not on the page that is going away.
    const before = page.url();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.toString() !== before);
  };
  await byKeyboard("Keyboard goal (demo)");
  for (let i = 0; i < 5; i++) await byKeyboard();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.getByRole("button", { name: "Save goal" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Keyboard goal (demo)");
  await page.getByRole("link", { name: "Check in on this goal" }).focus();
  await page.keyboard.press("Enter");
  await byKeyboard("2");
  await byKeyboard("7");
  for (let i = 0; i < 3; i++) await byKeyboard();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  // Choosing "me and my workers" with the arrow keys, as radios are used.
  await page.getByLabel("Only me").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Me and my workers")).toBeChecked();
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
