// Module 8, "Comments and views", as practitioners and families meet it: a parent shares
// something from their phone; the social worker finds it in Module 8 without typing a
// word of it, marks it read and responds; the parent sees the receipt and the response,
// and says they disagree; the worker sees that beside their words, and downloads the
// Word document with the parent's exact words in it. axe-core checks every page.
import { expect, test } from "@playwright/test";
import * as fs from "node:fs";
import {
  addVirtualAuthenticator,
  daysAhead,
  expectNoAxeViolations,
  fillDay,
  issueCode,
  parentsPhone,
  takeCode,
  uniquePhrase,
} from "./support";

test("a parent's words reach Module 8 and the Word export, and the worker's response reaches them", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const words = uniquePhrase("I want to take them to the park on Saturdays (demo)");

  // The parent, on their phone.
  const phone = await parentsPhone(browser, testInfo);
  await takeCode(phone, issueCode("--member", "Alex Example"));
  await phone.getByRole("button", { name: "Say something" }).click();
  await phone.getByLabel("In my own way").check();
  await phone.getByRole("button", { name: "Continue" }).click();
  await phone.getByLabel("What do you want to say?").fill(words);
  await phone.getByRole("button", { name: "Continue" }).click();
  await phone.getByLabel("Me and my workers").check();
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone.getByText(words)).toBeVisible();

  // The social worker, on their laptop (this test's page).
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await page.getByRole("link", { name: "Comments and views (Module 8)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comments and views");
  const item = page.locator("section.app-view-item", { hasText: words });
  await expect(item).toContainText("Written by Alex Example (parent or carer)");
  await expect(item).toContainText("with the change talk tool");
  await expectNoAxeViolations(page);
  await item.getByRole("button", { name: /Mark as read/ }).click();
  const marked = page.locator("section.app-view-item", { hasText: words });
  await expect(marked).toContainText("Marked read by Sam Sample");
  // The response box opens on demand, by a link.
  await marked.getByRole("link", { name: /^Respond to Alex Example/ }).click();
  await marked.getByLabel("Respond to Alex Example").fill("That sounds like a lovely plan (demo)");
  await marked.getByRole("button", { name: "Send response" }).click();
  await expect(page.locator("section.app-view-item", { hasText: words })).toContainText(
    "That sounds like a lovely plan (demo)",
  );
  await expectNoAxeViolations(page);
  // The supervision pack is one click from the caseload.
  await page.goto("/home");
  await page.getByRole("link", { name: "Supervision pack" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Supervision pack");
  await expectNoAxeViolations(page);
  await page.goto("/home");
  await page.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await page.getByRole("link", { name: "Comments and views (Module 8)" }).click();

  // The parent sees the receipt and the response, and disagrees.
  await phone.goto("/home");
  const said = phone.getByRole("listitem").filter({ hasText: words });
  await expect(said).toContainText("Read by your worker on");
  await said.getByRole("link", { name: "Your worker has replied. Read what they said" }).click();
  await expect(phone.getByText("That sounds like a lovely plan (demo)")).toBeVisible();
  await phone.getByRole("link", { name: "I disagree with this" }).click();
  await phone.getByLabel("What do you disagree with, and why?").fill("Saturdays are hard; Sundays are better (demo)");
  await phone.getByRole("button", { name: "Send" }).click();
  await expect(phone.getByText("Saturdays are hard; Sundays are better (demo)")).toBeVisible();
  await expect(phone.getByText(/^You disagreed, /)).toBeVisible();
  await expectNoAxeViolations(phone);
  await phone.context().close();

  // The worker sees the disagreement beside their words, and downloads the document.
  await page.reload();
  const answered = page.locator("section.app-view-item", { hasText: words });
  await expect(answered).toContainText("Alex Example disagrees");
  await expect(answered).toContainText("Saturdays are hard; Sundays are better (demo)");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download everything as a Word document" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^comments-and-views-.*\.docx$/);
  const saved = testInfo.outputPath("module-8.docx");
  await download.saveAs(saved);
  // The parts are stored uncompressed, so the family's words are in the file as written.
  const file = fs.readFileSync(saved).toString("utf8");
  expect(file.startsWith("PK")).toBe(true);
  expect(file).toContain(words);
  expect(file).toContain("Saturdays are hard; Sundays are better (demo)");
});

test("business support books, moves and cancels sessions, the social worker writes a progress summary, and the team manager records and finalises it", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Harper Dummy"));
  await page.getByRole("link", { name: "Group case supervision: book a session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Group case supervision");
  await expectNoAxeViolations(page);
  // A problem comes back in plain words, with what was chosen still chosen.
  await page.getByLabel("Sam Sample, Social worker").check();
  await page.getByRole("button", { name: "Book session" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the date of the session.");
  await expect(page.getByRole("alert")).toContainText("Choose at least one family to discuss.");
  await expect(page.getByLabel("Sam Sample, Social worker")).toBeChecked();
  await expectNoAxeViolations(page);
  const booked = daysAhead(40);
  await fillDay(page, booked);
  await page.getByLabel("The Example family (demo) (DEMO-0001)").check();
  await page.getByRole("button", { name: "Book session" }).click();
  const row = page.getByRole("table").getByRole("row").filter({ hasText: booked.words }).first();
  await expect(row).toContainText("The Example family (demo)");
  await expect(row).toContainText("Sam Sample");

  // The room is taken that day: business support moves the session, from its own page.
  await row.getByRole("link", { name: booked.words }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Session on ${booked.words}`);
  await expectNoAxeViolations(page);
  await page.getByLabel("Why is it moving? (optional)").fill("The room is not free (demo)");
  await page.getByRole("button", { name: "Move the session" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter the date of the session.");
  await expect(page.getByLabel("Why is it moving? (optional)")).toHaveValue("The room is not free (demo)");
  await expectNoAxeViolations(page);
  const moved = daysAhead(47);
  await fillDay(page, moved);
  await page.getByRole("button", { name: "Move the session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Session on ${moved.words}`);
  await expect(page.getByRole("listitem").filter({ hasText: `Moved from ${booked.words} to ${moved.words} by Harper Dummy` })).toContainText("Why: The room is not free (demo)");
  await expectNoAxeViolations(page);

  // Another session, booked and then cancelled: always with a reason, and kept in the list.
  await page.getByRole("link", { name: "Back to group case supervision" }).click();
  const spare = daysAhead(54);
  await fillDay(page, spare);
  await page.getByLabel("The Example family (demo) (DEMO-0001)").check();
  await page.getByLabel("Sam Sample, Social worker").check();
  await page.getByRole("button", { name: "Book session" }).click();
  await page.getByRole("link", { name: spare.words }).click();
  await page.getByRole("button", { name: "Cancel the session" }).click();
  await expect(page.getByRole("alert")).toContainText("Say why the session is cancelled.");
  await expectNoAxeViolations(page);
  await page.getByLabel("Why is it cancelled?").fill("Only one family to discuss this time (demo)");
  await page.getByRole("button", { name: "Cancel the session" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  await expect(page.getByText("This session has been cancelled.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move the session" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Back to group case supervision" }).click();
  await expect(page.getByRole("row").filter({ hasText: spare.words })).toContainText("Cancelled");
  await expect(page.getByRole("row").filter({ hasText: moved.words })).toContainText(`Moved from ${booked.words}`);

  // The social worker, on their own laptop, writes a summary and finalises it.
  const laptop = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const worker = await laptop.newPage();
  await addVirtualAuthenticator(worker);
  await takeCode(worker, issueCode("--staff", "Sam Sample"));
  await worker.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await expect(worker.getByRole("heading", { name: "Group case supervision" })).toBeVisible();
  const summary = uniquePhrase("Mornings are calmer (demo)");
  await worker.getByLabel("Your progress summary (social work)").fill(summary);
  await worker.getByRole("button", { name: "Save draft" }).click();
  await expect(worker.getByLabel("Your progress summary (social work)")).toHaveValue(summary);
  await expectNoAxeViolations(worker);
  await worker.getByRole("button", { name: "Save and finalise" }).click();
  await expect(worker.getByText(summary)).toBeVisible();
  await expect(worker.getByText(/Finalised, version 2/)).toBeVisible();
  await expect(worker.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await laptop.close();

  // The team manager chairs the session and records it, on their own laptop.
  const office = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const chair = await office.newPage();
  await addVirtualAuthenticator(chair);
  await takeCode(chair, issueCode("--staff", "Morgan Sample"));
  await chair.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await chair.getByRole("link", { name: `Record of the session on ${moved.words}` }).first().click();
  await expect(chair.getByRole("heading", { level: 1 })).toHaveText("Group case supervision record");
  await expectNoAxeViolations(chair);
  const reflection = uniquePhrase("Alex has moved from thinking about it to doing it (demo)");
  await chair.getByLabel("Reflection on the cycle of change").fill(reflection);
  // Finalising a half-written record is refused in plain words, and nothing typed is lost.
  await chair.getByRole("button", { name: "Save and finalise" }).click();
  await expect(chair.getByRole("alert")).toContainText("Write \u201cthe plan\u201d before finalising the record.");
  await expect(chair.getByLabel("Reflection on the cycle of change")).toHaveValue(reflection);
  await expectNoAxeViolations(chair);
  await chair.getByLabel("The child's views").fill("Charlie says mornings are calmer (demo)");
  await chair.getByLabel("The parents' views").fill("Alex wants to keep going (demo)");
  await chair.getByLabel("The impact of the support").fill("School every day this month (demo)");
  await chair.getByLabel("The plan").fill("Keep the morning routine; review next month (demo)");
  await chair.getByLabel("Decisions made").fill("Stay at the current level of support (demo)");
  await chair.getByLabel("Why these decisions were made").fill("Steady progress, and the children say so (demo)");
  await chair.getByLabel("Amber: some concerns").check();
  await chair.getByLabel("What we decided and why, in plain words").fill("Your support stays as it is; we will look again next month (demo)");
  await chair.getByRole("button", { name: "Save and finalise" }).click();
  await expect(chair.getByText("Finalised", { exact: true })).toBeVisible();
  await expect(chair.locator("p.app-own-words", { hasText: reflection })).toBeVisible();
  // Locked: what is left is a change with a reason, not a draft.
  await expect(chair.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expect(chair.getByRole("heading", { name: "Change the finalised record" })).toBeVisible();
  await expectNoAxeViolations(chair);
  const [download] = await Promise.all([
    chair.waitForEvent("download"),
    chair.getByRole("link", { name: "Download as a Word document" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^supervision-record-.*\.docx$/);
  const saved = testInfo.outputPath("record.docx");
  await download.saveAs(saved);
  const file = fs.readFileSync(saved).toString("utf8");
  expect(file).toContain(reflection);
  expect(file).toContain("Amber: some concerns");
  await office.close();
});
