// What a new family and a new practitioner meet first: a six-year-old showing a worry to
// someone at home only after a question with their picture (tablet and phone, keyboard
// alone, with and without scripts), a teenager who finds the parents' tools absent, and
// Module 8 for a practitioner narrowed by a filter form that works without scripts.
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  issueCode,
  parentsPhone,
  tabTo,
  takeCode,
  uniquePhrase,
} from "./support";

const FAMILY = "The Example family (demo)";

/** A second browser with the same session and scripts switched off. */
async function withoutScripts(page: Page, browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize() ?? undefined,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  return context.newPage();
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test("a six-year-old shows a worry to someone at home only after a question with their picture", { tag: "@child" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const spoken: string[] = [];
    (window as unknown as { __spoken: string[] }).__spoken = spoken;
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: {
        speaking: false,
        speak(utterance: SpeechSynthesisUtterance) {
          spoken.push(utterance.text);
          setTimeout(() => utterance.onend?.(new Event("end") as SpeechSynthesisEvent), 10);
        },
        cancel() {},
      },
    });
  });
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: FAMILY, exact: true }).click();
  await page.getByLabel("Screens that fit Robin Example").selectOption("from_birth");
  await page
    .locator("form", { has: page.getByLabel("Screens that fit Robin Example") })
    .getByRole("button", { name: "Change screens" })
    .click();
  await page.getByRole("button", { name: "Hand the tablet to Robin Example" }).click();
  await expect(page).toHaveURL(/\/child$/);
  // No grown-ups' links on a child's screens: they would only lead back to the start.
  await expect(page.locator("footer").getByRole("link")).toHaveCount(0);

  await tabTo(page, page.getByRole("link", { name: "House of worries" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("checkbox", { name: /^School/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Put it in my house" }));
  await page.keyboard.press("Enter");
  const worry = page.locator("li.app-thing").first();
  await expect(worry).toContainText("Only you can see this.");
  // The worker in one step; nobody at home by a name on a button.
  await expect(worry.getByRole("button", { name: "Show my worker" })).toBeVisible();
  await expect(worry.getByRole("button", { name: /^Show .* Example$/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, "house");

  await tabTo(page, worry.getByRole("link", { name: "Show someone at home" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who do you want to show?");
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, "who");
  await tabTo(page, page.getByRole("link", { name: "Alex Example" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Show Alex Example this?");
  // The question reads itself aloud on the youngest screens.
  await expect
    .poll(async () => (await page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken)).join(" "))
    .toContain("Show Alex Example this?");
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, "ask");
  // "No" shows nobody.
  await tabTo(page, page.getByRole("link", { name: "No", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("House of worries");
  await expect(page.locator("li.app-thing").first()).toContainText("Only you can see this.");

  // Without scripts, the same steps are links and a form.
  const plain = await withoutScripts(page, browser, testInfo);
  await plain.goto("/child/houses/worries");
  await plain.locator("li.app-thing").first().getByRole("link", { name: "Show someone at home" }).click();
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Who do you want to show?");
  await expectNoAxeViolationsWithoutScripts(plain);
  await plain.getByRole("link", { name: "Alex Example" }).click();
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Show Alex Example this?");
  await expectNoAxeViolationsWithoutScripts(plain);
  await plain.getByRole("button", { name: "Yes, show them" }).click();
  await expect(plain.getByRole("heading", { level: 1 })).toHaveText("House of worries");
  await expect(plain.locator("li.app-thing").first()).toContainText("You showed this to Alex Example.");
  await plain.context().close();

  await page.reload();
  await expect(page.locator("li.app-thing").first()).toContainText("You showed this to Alex Example.");
  await page.getByRole("link", { name: "Give the tablet back to Sam Sample" }).click();
  await page.getByRole("button", { name: "Sam Sample: use your passkey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
});

test("a teenager who types the address of a parents' tool finds nothing there", { tag: "@phone" }, async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await addVirtualAuthenticator(page);
  await page.goto("/start");
  await page.getByLabel("The code your worker gave you").fill(issueCode("--member", "Charlie Example"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/(home|child)$/);
  await page.goto("/child");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Charlie's space");
  await expect(page.locator("footer").getByRole("link")).toHaveCount(0);
  await expectNoAxeViolations(page);
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  const absent = await page.getByRole("main").innerText();
  for (const tool of ["/goals/new", "/say"]) {
    const answer = await page.goto(tool);
    expect(answer?.status()).toBe(404);
    expect(await page.getByRole("main").innerText()).toBe(absent);
    await expectNoAxeViolations(page);
  }
  await screenshot(page, testInfo, "teen-say");
});

test("Module 8 opens on what is new, narrows by a form that works without scripts, and opens one response box at a time", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // Alex shares something with the workers first.
  const phone = await parentsPhone(browser, testInfo);
  await takeCode(phone, issueCode("--member", "Alex Example"));
  await phone.getByRole("button", { name: "Say something" }).click();
  await phone.getByLabel("In my own way").check();
  await phone.getByRole("button", { name: "Continue" }).click();
  await phone.getByLabel("What do you want to say?").fill(uniquePhrase("Mornings are calmer now (demo)"));
  await phone.getByRole("button", { name: "Continue" }).click();
  await phone.getByLabel("Me and my workers").check();
  await phone.getByRole("button", { name: "Save" }).click();
  await phone.context().close();

  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: FAMILY, exact: true }).click();
  await page.getByRole("link", { name: "Comments and views (Module 8)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comments and views");
  await expect(page.getByText(/^Showing \d+ items?: /)).toBeVisible();
  await expect(page.locator("textarea[name=response]")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, "module-8");

  const plain = await withoutScripts(page, browser, testInfo);
  await plain.goto(page.url());
  await tabTo(plain, plain.getByLabel("When"));
  await plain.getByLabel("When").selectOption("all");
  await plain.getByLabel("Tool").selectOption("change_talk");
  await plain.getByLabel("Only what I have not marked read").check();
  await plain.getByRole("button", { name: "Show", exact: true }).click();
  await expect(plain).toHaveURL(/period=all&member=&tool=change_talk&unread=yes/);
  await expect(plain.getByText(/^Showing \d+ items?: Everything; Change talk only; not marked read by you\.$/)).toBeVisible();
  await expect(plain.getByLabel("Only what I have not marked read")).toBeChecked();
  await expectNoAxeViolationsWithoutScripts(plain);
  await screenshot(plain, testInfo, "module-8-filtered");
  await plain.getByRole("link", { name: /^Respond to Alex Example/ }).first().click();
  await expect(plain.locator("textarea[name=response]")).toHaveCount(1);
  await expect(plain.getByLabel("Only what I have not marked read")).toBeChecked();
  await expectNoAxeViolationsWithoutScripts(plain);
  await plain.context().close();
});
