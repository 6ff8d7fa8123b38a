// "Before the meeting": business support books the family's group case supervision; a
// parent, on their phone at 360 pixels, is asked what they want the meeting to know and
// shares their answer; the demo six-year-old answers by pictures and keyboard alone on the
// practitioner's tablet; the practitioner finds both at the top of the supervision pack,
// word for word. The parent's good news reaches the pack under its own heading and is
// counted there, and their "About me" opens the family page. axe-core checks every new
// page.
import { expect, test } from "@playwright/test";
import {
  addVirtualAuthenticator,
  daysAhead,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  fillDay,
  issueCode,
  parentsPhone,
  tabTo,
  takeCode,
  uniquePhrase,
} from "./support";

const FAMILY = "The Example family (demo)";

test("a parent and a child tell their team's meeting what they want it to know, and it opens the pack", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);

  // Business support books the session, 60 days ahead.
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Harper Dummy"));
  await page.getByRole("link", { name: "Group case supervision: book a session" }).click();
  const day = daysAhead(60);
  await fillDay(page, day);
  await page.getByLabel(`${FAMILY} (DEMO-0001)`).check();
  await page.getByLabel("Sam Sample, Social worker").check();
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page.getByRole("table")).toContainText(FAMILY);

  // The parent, on their phone, is asked, and shares their answer with the workers.
  const words = uniquePhrase("Mornings are easier now and I want to keep it that way (demo)");
  const phone = await parentsPhone(browser, testInfo);
  await takeCode(phone, issueCode("--member", "Jordan Example"));
  await expect(phone.getByRole("heading", { name: "Your team's meeting" })).toBeVisible();
  await expect(phone.getByText(`Your team meets on ${day.words} to talk about how things are going.`)).toBeVisible();
  await expectNoAxeViolations(phone);
  await phone.getByRole("button", { name: "Tell your team" }).click();
  const question = phone.getByLabel("Is there anything you want them to know?");
  await expect(question).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await expectNoAxeViolations(phone);
  // Nothing written: a plain error, and nothing lost.
  await phone.getByRole("button", { name: "Continue" }).click();
  await expect(phone.getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(phone);
  await phone.getByLabel("Is there anything you want them to know?").fill(words);
  await phone.getByRole("button", { name: "Continue" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expectNoSidewaysScroll(phone);
  await expectNoAxeViolations(phone);
  await phone.getByLabel("Me and my workers").check();
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone).toHaveURL(/\/home$/);
  await expect(phone.getByText(words).first()).toBeVisible();

  // Good news, at any time: shared the same way, and counted in the pack.
  const news = uniquePhrase("We walked to the park together on Sunday (demo)");
  await phone.getByRole("button", { name: "Something that went well" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toContainText("What went well?");
  await expectNoSidewaysScroll(phone);
  await expectNoAxeViolations(phone);
  await phone.getByLabel("What went well?").fill(news);
  await phone.getByRole("button", { name: "Continue" }).click();
  await phone.getByLabel("Me and my workers").check();
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone).toHaveURL(/\/home$/);
  await expect(phone.getByText(news).first()).toBeVisible();

  // "About me", one question a page; the last two may be skipped.
  const about = uniquePhrase("I work evenings, so mornings suit me best (demo)");
  await phone.getByRole("button", { name: "About me" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toContainText("What should people know about you?");
  await expectNoSidewaysScroll(phone);
  await expectNoAxeViolations(phone);
  await phone.getByLabel("What should people know about you?").fill(about);
  await phone.getByRole("button", { name: "Continue" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toContainText("What helps you?");
  await phone.getByRole("button", { name: "Continue" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toContainText("How do you like people to talk to you?");
  await phone.getByRole("button", { name: "Continue" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await phone.getByLabel("Me and my workers").check();
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone).toHaveURL(/\/home$/);
  await phone.context().close();

  // The six-year-old, on the practitioner's tablet, answers by pictures and keyboard.
  const visit = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 768, height: 1024 },
    isMobile: true,
    hasTouch: true,
  });
  const tablet = await visit.newPage();
  await addVirtualAuthenticator(tablet);
  await takeCode(tablet, issueCode("--staff", "Sam Sample"));
  await tablet.getByRole("link", { name: FAMILY, exact: true }).click();
  await tablet.getByRole("button", { name: "Hand the tablet to Robin Example" }).click();
  await expect(tablet).toHaveURL(/\/child$/);
  await expect(tablet.getByText(/^Your team meets on .*Is there anything you want them to know\?$/)).toBeVisible();
  await tabTo(tablet, tablet.getByRole("link", { name: "For my team's meeting" }));
  await tablet.keyboard.press("Enter");
  await expect(tablet.getByRole("heading", { level: 1 })).toHaveText("For my team's meeting");
  await expectNoAxeViolations(tablet);
  await tabTo(tablet, tablet.getByRole("checkbox", { name: /^School/ }));
  await tablet.keyboard.press("Space");
  await tabTo(tablet, tablet.getByRole("checkbox", { name: /Show my worker/ }));
  await tablet.keyboard.press("Space");
  await tabTo(tablet, tablet.getByRole("button", { name: "Save it" }));
  await tablet.keyboard.press("Enter");
  const said = tablet.locator("li.app-thing").first();
  await expect(said).toContainText("School");
  await expect(said).toContainText("You showed this to your worker.");
  await expectNoAxeViolations(tablet);
  await tablet.getByRole("link", { name: "Give the tablet back to Sam Sample" }).click();
  await tablet.getByRole("button", { name: "Sam Sample: use your passkey" }).click();
  await expect(tablet.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
  // The family page opens with who they are, in their own words.
  await expect(tablet.getByRole("heading", { name: "About the family, in their own words" })).toBeVisible();
  await expect(tablet.locator(".govuk-inset-text", { hasText: about }).first()).toContainText("Jordan Example");

  // The practitioner's pack opens with both, word for word and attributed.
  await tablet.getByRole("link", { name: "Supervision pack" }).click();
  await expect(tablet.getByRole("heading", { level: 2 }).first()).toHaveText(
    "What the family want this meeting to know",
  );
  await expect(tablet.locator(".govuk-inset-text", { hasText: words })).toContainText("Jordan Example");
  await expect(
    tablet.locator(".govuk-inset-text", { hasText: "Robin Example (child)" }).filter({ hasText: "Pictures chosen: School" }).first(),
  ).toBeVisible();
  await expect(tablet.locator(".govuk-inset-text", { hasText: news })).toContainText("Jordan Example");
  await expect(tablet.locator(".govuk-summary-list__row", { hasText: "Good news" })).toHaveText(/Good news\s*[1-9]/);
  await expectNoAxeViolations(tablet);
  await visit.close();
});
