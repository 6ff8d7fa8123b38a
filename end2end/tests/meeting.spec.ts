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
  bookSession,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
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
  const day = await bookSession(page, 60);

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

// "After the meeting": the chair finalises the record with what was decided and why, in
// plain words, and chooses who is told: Alex in the family's words, Robin in words for
// children; Jordan, flagged as a risk to Alex, is not offered. Alex reads it on their
// phone at 360 pixels, with the day and who was there, and says what they think; Robin
// reads the words for children on their own phone and answers with a picture, by
// keyboard; the chair sees that Alex has read it, and the answer opens the next pack.
test("the chair tells the family what was decided, and a parent reads it on their phone and answers", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  await addVirtualAuthenticator(page);
  const day = await bookSession(page, 75);

  // The chair records the session and finalises it, telling the family in plain words.
  const office = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const chair = await office.newPage();
  await addVirtualAuthenticator(chair);
  await takeCode(chair, issueCode("--staff", "Morgan Sample"));
  await chair.getByRole("link", { name: FAMILY, exact: true }).click();
  await chair.getByRole("link", { name: `Record of the session on ${day.words}` }).first().click();
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText("Group case supervision record");
  await chair.getByLabel("Reflection on the cycle of change").fill("Moving from thinking about it to doing it (demo)");
  await chair.getByLabel("The child's views").fill("Robin likes school (demo)");
  await chair.getByLabel("The parents' views").fill("Alex wants to keep going (demo)");
  await chair.getByLabel("The impact of the support").fill("School every day this month (demo)");
  await chair.getByLabel("The plan").fill("Keep the morning routine (demo)");
  await chair.getByLabel("Decisions made").fill("Support stays as it is (demo)");
  await chair.getByLabel("Why these decisions were made").fill("Steady progress (demo)");
  await chair.getByLabel("Green: going well").check();
  // Jordan is flagged as a risk to Alex, so Jordan is never offered.
  await expect(chair.getByText(/Not told: Jordan Example is flagged/)).toBeVisible();
  await expect(chair.getByLabel(/What Jordan Example .* is told/)).toHaveCount(0);
  await chair.getByLabel(/What Alex Example .* is told/).selectOption({ label: "The family's words" });
  await chair.getByLabel(/What Robin Example .* is told/).selectOption({ label: "The words for children" });
  // Nothing in plain words yet: refused in plain words, and every choice is kept.
  await chair.getByRole("button", { name: "Save and finalise" }).click();
  await expect(chair.getByRole("alert")).toContainText("Write what you decided and why, in plain words, before finalising the record.");
  await expect(chair.getByRole("alert")).toContainText("Write the version for children");
  await expect(chair.getByLabel("Reflection on the cycle of change")).toHaveValue("Moving from thinking about it to doing it (demo)");
  await expect(chair.getByLabel(/What Alex Example .* is told/)).toHaveValue(/:family$/);
  await expectNoAxeViolations(chair);
  const decided = uniquePhrase("Your support stays the same for three months, because mornings are calmer (demo)");
  await chair.getByLabel("What we decided and why, in plain words").fill(decided);
  await chair.getByLabel("For children (if you want to)").fill("Your team thinks things are going well (demo)");
  await chair.getByRole("button", { name: "Save and finalise" }).click();
  await expect(chair.getByText("Finalised", { exact: true })).toBeVisible();
  const alexRow = chair.getByRole("row", { name: /Alex Example/ });
  await expect(alexRow).toContainText("Not yet");
  await expectNoAxeViolations(chair);

  // Alex reads it on their phone, with the day and who was there, and answers.
  const phone = await parentsPhone(browser, testInfo);
  await takeCode(phone, issueCode("--member", "Alex Example"));
  await phone.getByRole("link", { name: `Read what your team decided on ${day.words}` }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("What your team decided");
  await expect(phone.getByText(decided)).toBeVisible();
  await expect(phone.getByText("Who was there: Team manager, Social worker.")).toBeVisible();
  await expect(phone.getByRole("link", { name: "Exit this page" }).first()).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await expectNoAxeViolations(phone);
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone.getByRole("alert")).toContainText("Write what you think about the plan.");
  await expectNoAxeViolations(phone);
  const answer = uniquePhrase("I think the plan is fair, and I want visits to stay on Tuesdays (demo)");
  await phone.getByLabel("What I think about the plan").fill(answer);
  await phone.getByLabel("Me and my workers").check();
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone).toHaveURL(/\/home$/);
  await expect(phone.getByText(answer).first()).toBeVisible();
  await phone.context().close();

  // Robin, six, on their own phone: the words for children, with pictures, by keyboard.
  const robin = await parentsPhone(browser, testInfo);
  await robin.goto("/start");
  await robin.getByLabel("The code your worker gave you").fill(issueCode("--member", "Robin Example"));
  await robin.getByRole("button", { name: "Continue" }).click();
  await expect(robin).toHaveURL(/\/child$/);
  await tabTo(robin, robin.getByRole("link", { name: "What my team decided" }));
  await robin.keyboard.press("Enter");
  await expect(robin.getByRole("heading", { level: 1 })).toHaveText("What my team decided");
  await expect(robin.getByText("Your team thinks things are going well (demo)")).toBeVisible();
  await expect(robin.getByText(decided)).toHaveCount(0);
  await expectNoSidewaysScroll(robin);
  await expectNoAxeViolations(robin);
  await tabTo(robin, robin.getByRole("checkbox", { name: /^School/ }));
  await robin.keyboard.press("Space");
  await tabTo(robin, robin.getByRole("button", { name: "Save it" }));
  await robin.keyboard.press("Enter");
  await expect(robin.locator("li.app-thing").first()).toContainText("School");
  await expectNoAxeViolations(robin);
  await robin.context().close();

  // The chair sees Alex has read it; the answer opens the next pack, word for word.
  await chair.reload();
  await expect(alexRow).not.toContainText("Not yet");
  await chair.getByRole("link", { name: "Supervision pack" }).click();
  await expect(chair.getByRole("heading", { name: "What the family think about the last plan" })).toBeVisible();
  await expect(chair.locator(".govuk-inset-text", { hasText: answer }).first()).toContainText("Alex Example");
  await expectNoAxeViolations(chair);
  await office.close();
});
