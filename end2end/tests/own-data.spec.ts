// "Everything we hold about you", in Chromium: a parent finds it from their account by
// keyboard, reads it on their phone (and with scripts off, and at 320 pixels), and keeps
// it as a Word document, a web page and JSON; a practitioner makes the same copy for a parent who
// asks in person, without seeing it on screen.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoAxeViolationsWithoutScripts,
  expectNoSidewaysScroll,
  issueCode,
  takeCode,
  tabTo,
  uniquePhrase,
} from "./support";

/** Says something in the parent's own words, kept to themselves. */
async function sayPrivately(page: Page, words: string): Promise<void> {
  await page.getByRole("button", { name: "Say something" }).click();
  await page.getByLabel("I want to…").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("I want to…").fill(words);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
}

/** Presses Enter on a download link, reached by Tab, and answers the file. */
async function downloadByKeyboard(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const link = page.getByRole("link", { name });
  await tabTo(page, link);
  const waiting = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const download = await waiting;
  return { file: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test("a parent reads everything held about them and keeps it, by keyboard", { tag: "@phone" }, async ({
  page,
  browser,
}, testInfo) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  const words = uniquePhrase("have a copy of what I said (demo)");
  await sayPrivately(page, words);

  await page.goto("/account");
  await tabTo(page, page.getByRole("link", { name: "See everything we hold about you" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Everything we hold about you");
  await expect(page).toHaveTitle("Your data – Family portal");
  await expect(page.getByRole("main")).toContainText(words);
  await expect(page.getByRole("main")).toContainText("It does not hold what anyone else in your family wrote.");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  const word = await downloadByKeyboard(page, "Download as a Word document");
  expect(word.file).toBe("my-data.docx");
  // A Word document is a zip: it starts "PK".
  expect(word.bytes.subarray(0, 2).toString()).toBe("PK");
  const kept = await downloadByKeyboard(page, "Download as a web page");
  expect(kept.file).toBe("my-data.html");
  expect(kept.bytes.toString("utf8")).toContain(words);
  const json = await downloadByKeyboard(page, "Download as data for a computer (JSON)");
  expect(json.file).toBe("my-data.json");
  const copy = JSON.parse(json.bytes.toString("utf8"));
  expect(copy.name).toBe("Alex Example");
  const said = copy.entries.flatMap((e: { versions: Array<{ parts: Array<{ words: string }> }> }) =>
    e.versions.flatMap((v) => v.parts.map((p) => p.words)),
  );
  expect(said.some((w: string) => w.includes(words))).toBe(true);

  // The same page with scripts off, and on the narrowest phone.
  const plainContext = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    viewport: { width: 320, height: 640 },
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await plainContext.newPage();
  await plain.goto("/my-data");
  await expect(plain.getByRole("main")).toContainText(words);
  await expectNoAxeViolationsWithoutScripts(plain);
  await expectNoSidewaysScroll(plain);
  await plainContext.close();
});

test("a practitioner makes a parent's copy in person, without reading it on screen", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  // Alex keeps something private first, on their own phone.
  const phone = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 360, height: 640 } });
  const alex = await phone.newPage();
  await addVirtualAuthenticator(alex);
  await takeCode(alex, issueCode("--member", "Alex Example"));
  const words = uniquePhrase("keep this between me and my copy (demo)");
  await sayPrivately(alex, words);

  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await page.getByRole("link", { name: "A copy of Alex Example's data, if they ask" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A copy of everything we hold about Alex Example");
  await expect(page.getByRole("main")).not.toContainText(words);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  const word = await downloadByKeyboard(page, "Download as a Word document");
  expect(word.file).toMatch(/^member-data-[0-9a-f-]+\.docx$/);

  // Alex sees that Sam read it.
  await alex.goto("/seen");
  await expect(alex.getByRole("main")).toContainText("Sam Sample");
  await expect(alex.getByRole("main")).toContainText(words);
  await phone.close();
});
