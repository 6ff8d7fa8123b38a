// Messages between visits, in Chromium: a parent chooses a weekly reminder by text and
// stops every message with one press; an urgent alert opened by the worker shows whom it
// reached and who opened it; an admin sets how a worker is reached.
import { expect, test } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  expectNoSidewaysScroll,
  issueCode,
  parentsPhone,
  takeCode,
} from "./support";

test("a parent chooses a weekly reminder by text, then stops every message in one press", { tag: "@phone" }, async ({
  page,
  browser,
}, testInfo) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await page.getByRole("link", { name: "Messages when you are away" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Messages when you are away");
  await expect(page).toHaveTitle("Messages when you are away – Family portal");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // A number too short: the problem is named, and what was typed stays.
  await page.getByLabel("By text message").check();
  await page.getByLabel("UK mobile number (if you chose text message)").fill("07700 9009");
  await page.getByLabel("“This is your reminder.”").check();
  await page.getByLabel("A reminder to check in, once a week").check();
  await page.getByLabel("Which day for your reminder?").selectOption("Thursday");
  await page.getByRole("button", { name: "Save my choices" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter a UK mobile number, like 07700 900 982");
  await expect(page.getByLabel("UK mobile number (if you chose text message)")).toHaveValue("07700 9009");
  await expect(page.getByLabel("Which day for your reminder?")).toHaveValue("3");
  await expect(page.getByLabel("“This is your reminder.”")).toBeChecked();
  await expectNoAxeViolations(page);
  // The summary's link takes the keyboard to the field.
  await summary.getByRole("link", { name: "Enter a UK mobile number, like 07700 900 982" }).click();
  await expect(page.getByLabel("UK mobile number (if you chose text message)")).toBeFocused();

  // The same form with JavaScript off: it saves, and reads back as chosen.
  const plainContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: page.viewportSize() ?? undefined,
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await plainContext.newPage();
  await plain.goto("/messages");
  await plain.getByLabel("By text message").check();
  await plain.getByLabel("UK mobile number (if you chose text message)").fill("07700 900982");
  await plain.getByLabel("“This is your reminder.”").check();
  await plain.getByLabel("A reminder to check in, once a week").check();
  await plain.getByLabel("Which day for your reminder?").selectOption("Thursday");
  await plain.getByRole("button", { name: "Save my choices" }).click();
  // Nothing but a code goes to a number until the parent proves it is theirs.
  await expect(plain.getByText("We have sent you a code. Enter it below to start your messages.")).toBeVisible();
  await expect(plain.getByLabel("The code we sent by text to 07700 900982")).toBeVisible();
  await expect(plain.getByLabel("UK mobile number (if you chose text message)")).toHaveValue("07700 900982");
  await expectNoAxeViolationsWithoutScripts(plain);
  await plainContext.close();

  // A wrong code is named plainly.
  await page.goto("/messages");
  await page.getByLabel("The code we sent by text to 07700 900982").fill("123456");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("That code is not right");
  await expect(page.getByLabel("UK mobile number (if you chose text message)")).toHaveValue("07700 900982");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // One press, by keyboard, stops everything.
  await page.getByRole("button", { name: "Stop all messages" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("We will not send you any messages.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop all messages" })).toHaveCount(0);
  await expect(page.getByLabel("By text message")).not.toBeChecked();
});

test("the worker opens an urgent alert and sees whom it reached, and that they opened it", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const phone = await parentsPhone(browser, testInfo);
  await takeCode(phone, issueCode("--member", "Alex Example"));
  await phone.getByRole("link", { name: "Help" }).click();
  await phone.getByRole("button", { name: "I don't feel safe right now" }).click();
  await expect(phone).toHaveURL(/\/home$/);

  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: "Open the alert from The Example family (demo) (DEMO-0001)" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alex Example does not feel safe right now");
  await expect(page).toHaveTitle("Urgent alert – Family portal");
  const history = page.getByRole("region", { name: "What has happened" });
  await expect(history.getByRole("cell", { name: "Messages to the family's workers" }).first()).toBeVisible();
  // The demo has no Notify key here, so the messages are waiting, and say so.
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages.getByRole("cell", { name: "waiting to be sent" }).first()).toBeVisible();
  await expect(history.getByRole("cell", { name: "Opened" }).first()).toBeVisible();
  await expect(history.getByRole("cell", { name: "Sam Sample (social worker)" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});

test("an admin sets how a worker is reached about urgent alerts", { tag: "@laptop" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Drew Admin-Example"));
  await page.getByRole("link", { name: "Contacts for urgent alerts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contacts for urgent alerts");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Change contact details for Sam Sample" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact details for Sam Sample");
  await page.getByLabel("Email address").fill("sam.sample(at)example");
  await page.getByLabel("UK mobile number").fill("07700 900001");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(
    "Enter an email address in the correct format, like name@example.com",
  );
  await expect(page.getByLabel("UK mobile number")).toHaveValue("07700 900001");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("sam.sample@example.com");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The contact details are saved.")).toBeVisible();
  await expect(page.getByText("sam.sample@example.com")).toBeVisible();
  await expect(page.getByText("07700 900001")).toBeVisible();
  await expectNoSidewaysScroll(page);
});
