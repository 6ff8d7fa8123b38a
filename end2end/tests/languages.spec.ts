// A parent who reads Urdu, on a phone (360 by 640), by keyboard alone: chooses Urdu on
// the first visit, signs up, sets a goal and checks in, with the page mirrored right to
// left, the error summary working, and axe-core checking each page. The words expected
// are read from the portal's own Urdu file, so this spec holds no translation of its own.
import { expect, test, type Page } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  issueCode,
  tabTo,
  takeCode,
  waitForHydration,
} from "./support";

/** A language's messages, from all its files (`id` and `id.attribute`), with their placeholders left in. */
function messages(lang: string): Map<string, string> {
  const folder = path.resolve(__dirname, "..", "..", "app", "locales", lang);
  const text = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".ftl"))
    .map((name) => fs.readFileSync(path.join(folder, name), "utf8"))
    .join("\n");
  const found = new Map<string, string>();
  let id = "";
  for (const line of text.split("\n")) {
    const message = line.match(/^([a-z][\w-]*) = (.*)$/);
    const attribute = line.match(/^\s+\.([\w-]+) = (.*)$/);
    if (message) {
      id = message[1];
      found.set(id, message[2]);
    } else if (attribute && id) {
      found.set(`${id}.${attribute[1]}`, attribute[2]);
    }
  }
  return found;
}

const urdu = messages("ur");

/** An Urdu message as the page shows it: what is put in is wrapped in isolation marks. */
function say(key: string, args: Record<string, string> = {}): string {
  const text = urdu.get(key);
  if (text === undefined) throw new Error(`no Urdu message ${key}`);
  return text.replace(/\{ \$(\w+) \}/g, (_, name: string) => `\u2068${args[name] ?? ""}\u2069`);
}

/** Back to English on Alex's account, so the other specs find the pages they expect. */
async function backToEnglish(page: Page): Promise<void> {
  await page.goto("/language?back=/home");
  await page.getByLabel("English").check();
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
}

/** Where the heading's words end on the right, as drawn. */
async function rightOfText(page: Page): Promise<number> {
  return page.getByRole("heading", { level: 1 }).evaluate((heading) => {
    const range = document.createRange();
    range.selectNodeContents(heading);
    return range.getBoundingClientRect().right;
  });
}

/** Tab from where the focus is to Continue, press it, and wait for the next question. */
async function continueByKeyboard(page: Page): Promise<void> {
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: say("continue") })).toBeFocused();
  const before = page.url();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.toString() !== before);
}

test("a parent who reads Urdu sets a goal and checks in by keyboard, right to left", { tag: "@phone" }, async ({ page }) => {
  test.setTimeout(180_000);
  await addVirtualAuthenticator(page);

  // The first visit offers every language, each named in itself.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await page.getByRole("button", { name: "اردو" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("landing-heading"));
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  try {
    // Signing up, in Urdu: the choice made on this phone goes onto the new account.
    await page.goto("/start");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("start-title"));
    await page.getByLabel(say("start-code")).fill(issueCode("--member", "Alex Example"));
    await page.getByRole("button", { name: say("continue") }).click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("home-heading"));
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The page is mirrored: the heading's words start at the right.
    const width = page.viewportSize()?.width ?? 360;
    expect(await rightOfText(page)).toBeGreaterThan(width - 40);

    await page.getByRole("button", { name: say("home-add-goal") }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("q-goal-change"));

    // Continue with nothing typed: the error summary, in Urdu and right to left, takes
    // the focus, and its link takes the focus on to the answer.
    const back = page.locator(".govuk-back-link");
    await back.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: say("continue") })).toBeFocused();
    await page.keyboard.press("Enter");
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(say("error-summary-title"));
    await expect(summary).toContainText(say("error-write-change"));
    await expect(page).toHaveTitle(new RegExp(`^${say("error-prefix")} `));
    const backBox = await back.boundingBox();
    expect(backBox && backBox.x + backBox.width).toBeGreaterThan(width / 2);
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("textarea[name=answer]")).toBeFocused();
    // An Urdu sentence with an English name in it (fictional, as all demo words are).
    const goal = "میں چاہتی ہوں کہ Robin ہر روز وقت پر سکول جائے (demo)";
    await page.keyboard.type(goal);
    await continueByKeyboard(page);

    // On each question: Tab from the Back link to the answer, type, Tab to Continue.
    const byKeyboard = async (value?: string) => {
      await back.focus();
      await page.keyboard.press("Tab");
      if (value !== undefined) await page.keyboard.type(value);
      await continueByKeyboard(page);
    };
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${say("q-goal-why")} ${say("optional")}`);
    for (let i = 0; i < 5; i++) await byKeyboard();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("check-title"));
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: say("save-goal") }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(goal);
    await expectNoAxeViolations(page);

    // A check-in: the scale's numbers are typed and read as they are, 0 to 10.
    await page.getByRole("link", { name: say("goal-check-in") }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("q-check-now"));
    await expectNoAxeViolations(page);
    // A number outside the scale is named in Urdu, and what was typed stays to correct.
    await back.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.type("12");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator(".govuk-error-summary")).toContainText(say("error-range-now"));
    await expect(page.locator("#now")).toHaveValue("12");
    await page.locator("#now").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2");
    await continueByKeyboard(page);
    await byKeyboard("7");
    for (let i = 0; i < 3; i++) await byKeyboard();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("check-title"));
    await expect(page.locator(".govuk-summary-list")).toContainText(say("score-out-of-ten", { score: "2" }));
    // Choosing "me and my workers" with the arrow keys, as radios are used.
    await page.getByLabel(say("share-only-me")).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel(say("share-workers"))).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: say("save-check-in") }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#progress-summary")).toHaveText(say("progress-once", { now: "2", want: "7" }));
    await expectNoAxeViolations(page);
    await expectNoSidewaysScroll(page);

    // The choice is the account's. Signing out clears everything the site kept on the
    // phone, this device's choice of language too, so the sign-in page is in the
    // browser's language; signing in brings Urdu back.
    await page.getByRole("link", { name: say("goal-back-home") }).click();
    await page.getByRole("button", { name: say("sign-out") }).click();
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    await page.getByRole("button", { name: "Sign in with your screen lock" }).click();
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("link", { name: goal })).toBeVisible();
  } finally {
    await backToEnglish(page);
  }
});

test("the footer offers every language on every grown-up page, and Read this to me says when there is no voice", { tag: "@phone" }, async ({ page }) => {
  await page.addInitScript(() => {
    // A phone with an English voice only.
    window.speechSynthesis.getVoices = () =>
      [{ lang: "en-GB", name: "English (demo)" }] as unknown as SpeechSynthesisVoice[];
    window.speechSynthesis.speak = () => {};
  });
  await page.goto("/help");
  await page.locator("#footer-language").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await page.getByLabel("Polski").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.locator("#footer-language").click();
  await page.getByLabel("اردو").check();
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.locator("[data-read-aloud]").click();
  await expect(page.locator(".app-read-aloud-status")).toHaveText(say("read-aloud-no-voice"));
  await expectNoAxeViolations(page);
});

test("a child's screens on the worker's tablet are in the child's language, and the worker's pages stay English", { tag: "@child" }, async ({ page }) => {
  test.setTimeout(120_000);
  const FAMILY = "The Example family (demo)";
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: FAMILY, exact: true }).click();
  // The worker chooses the language of Robin's screens as they hand the tablet over.
  const handOver = page.locator("form", {
    has: page.getByRole("button", { name: "Hand the tablet to Robin Example" }),
  });
  await handOver.getByLabel("Language of their screens").selectOption("ur");
  await handOver.getByRole("button", { name: "Hand the tablet to Robin Example" }).click();
  await expect(page).toHaveURL(/\/child$/);

  await expect(page.locator("html")).toHaveAttribute("lang", "ur");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("child-hello", { name: "Robin" }));
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // A worry, by keyboard: a picture, a few words of Robin's own, shown to the worker.
  const words = "اسکول میں Robin کو ڈر لگتا ہے (demo)";
  await tabTo(page, page.getByRole("link", { name: say("child-house-worries") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("child-house-worries"));
  await tabTo(page, page.getByRole("checkbox", { name: new RegExp(`^${say("child-symbol-school")}`) }));
  await page.keyboard.press("Space");
  await page.getByLabel(say("child-house-words")).fill(words);
  await tabTo(page, page.getByRole("checkbox", { name: new RegExp(say("child-show-worker")) }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: say("child-house-put") }));
  await page.keyboard.press("Enter");
  await expect(page.locator("li.app-thing").first()).toContainText(words);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // The worker takes the tablet back: their own pages are English again, and Module 8
  // keeps Robin's words exactly, saying which language Robin's screens were in.
  await page.getByRole("link", { name: say("child-give-back", { name: "Sam Sample" }) }).click();
  await page.getByRole("button", { name: say("child-give-back-button", { name: "Sam Sample" }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await page.getByRole("link", { name: "Comments and views (Module 8)" }).click();
  const item = page.locator(".app-view-item", { hasText: words }).first();
  await expect(item.locator('[lang="ur"]', { hasText: words })).toBeVisible();
  await expect(item).toContainText("Written on the portal in Urdu (اردو).");
  await expectNoAxeViolations(page);

  // Back to English for Robin, so the children's other specs find the screens they expect.
  await page.goBack();
  await handOver.getByLabel("Language of their screens").selectOption("en");
  await handOver.getByRole("button", { name: "Hand the tablet to Robin Example" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Robin");
  await page.getByRole("link", { name: "Give the tablet back to Sam Sample" }).click();
  await page.getByRole("button", { name: "Sam Sample: use your passkey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
});
