// A child's screens on the practitioner's tablet (768×1024) and on a phone: the
// practitioner hands the tablet to a child, the child records by pictures alone with the
// page read aloud, and only the practitioner's passkey (Chromium's virtual authenticator)
// takes the tablet back. Every tool in every age band by keyboard alone, axe-core on every
// page, and every way out of child mode tried and refused.
import { expect, test, type Page } from "@playwright/test";
import { addVirtualAuthenticator, expectNoAxeViolations, issueCode, tabTo, takeCode } from "./support";

const FAMILY = "The Example family (demo)";

/** Records what the page asks the browser to say, instead of saying it. */
async function listenToSpeech(page: Page): Promise<void> {
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
}

async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
}

/** The practitioner signs in on the tablet and opens the demo family. */
async function practitionerOnTablet(page: Page): Promise<void> {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: FAMILY, exact: true }).click();
}

async function chooseScreens(page: Page, child: string, band: string): Promise<void> {
  await page.getByLabel(`Screens that fit ${child}`).selectOption(band);
  await page
    .locator("form", { has: page.getByLabel(`Screens that fit ${child}`) })
    .getByRole("button", { name: "Change screens" })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
}

async function handTo(page: Page, child: string): Promise<void> {
  await page.getByRole("button", { name: `Hand the tablet to ${child}` }).click();
  await expect(page).toHaveURL(/\/child$/);
}

/** The practitioner takes the tablet back with their passkey. */
async function takeBack(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Give the tablet back to Sam Sample" }).click();
  await page.getByRole("button", { name: "Sam Sample: use your passkey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
}

test("the demo six-year-old adds a worry and a good thing by pictures alone, with read-aloud, and the tablet comes back only with the passkey", { tag: "@child" }, async ({ page }) => {
  test.setTimeout(120_000);
  await listenToSpeech(page);
  await practitionerOnTablet(page);
  await chooseScreens(page, "Robin Example", "from_birth");
  await handTo(page, "Robin Example");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Robin");
  // A six-year-old's pages read themselves aloud as they open.
  await expect.poll(async () => (await spoken(page)).join(" ")).toContain("Hello Robin");
  await expectNoAxeViolations(page);

  // The house of worries: one picture, shown to the worker, all by keyboard.
  await tabTo(page, page.getByRole("link", { name: "House of worries" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("House of worries");
  await expectNoAxeViolations(page);
  // "Read this to me" reads what is on the page.
  await tabTo(page, page.getByRole("button", { name: "Read this to me" }));
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await spoken(page)).join(" ")).toContain("What worries you?");
  await tabTo(page, page.getByRole("checkbox", { name: /^School/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("checkbox", { name: /Show my worker/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Put it in my house" }));
  await page.keyboard.press("Enter");
  // Newest first: what was just added is at the top.
  const worry = page.locator("li.app-thing").first();
  await expect(worry).toContainText("School");
  await expect(worry).toContainText("You showed this to your worker.");
  await expectNoAxeViolations(page);

  // The house of good things: a picture kept private, then shown with one button.
  await tabTo(page, page.getByRole("link", { name: "Back to the start" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("link", { name: "House of good things" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("checkbox", { name: /^Pets/ }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Put it in my house" }));
  await page.keyboard.press("Enter");
  const good = page.locator("li.app-thing").first();
  await expect(good).toContainText("Only you can see this.");
  await tabTo(page, good.getByRole("button", { name: "Show my worker" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("li.app-thing").first()).toContainText("Pets");
  await expect(page.locator("li.app-thing").first()).toContainText("You showed this to your worker.");

  // Only the practitioner's passkey gives the tablet back, and then the family page shows
  // what Robin chose to share, in Robin's name.
  await takeBack(page);
  await expect(page.getByText("House of worries: Pictures: School").first()).toBeVisible();
  await expect(page.getByText("House of good things: Pictures: Pets").first()).toBeVisible();
  await expectNoAxeViolations(page);
  // And the team manager's supervision pack carries the child's views, with who was present.
  await page.getByRole("link", { name: "Supervision pack" }).click();
  const views = page
    .locator(".govuk-inset-text", { hasText: "Robin Example, three houses" })
    .filter({ hasText: "Pictures chosen: Pets" })
    .first();
  await expect(views).toContainText("Three Houses: House of good things");
  await expect(views).toContainText("Recorded with: Sam Sample (Social worker) present");
  await expectNoAxeViolations(page);
});

test("every way out of child mode is refused until the passkey", { tag: "@child" }, async ({ page }) => {
  test.setTimeout(90_000);
  await practitionerOnTablet(page);
  const familyPage = page.url();
  await handTo(page, "Robin Example");

  // By address.
  for (const address of [familyPage, "/home", "/account", "/supervision", "/sign-in"]) {
    await page.goto(address);
    await expect(page).toHaveURL(/\/child$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Robin");
  }
  // By history: Back lands on a practitioner's page, which the server answers with the
  // child's start (nothing is kept in the browser's cache).
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Robin");
  await expect(page.getByText(FAMILY)).toHaveCount(0);
  // By calling a practitioner's server function directly.
  const statuses = await page.evaluate(async () => {
    const call = (path: string) =>
      fetch(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: "",
      }).then((r) => r.status);
    return [await call("/api/my-families"), await call("/api/urgent"), await call("/auth/confirm/start")];
  });
  expect(statuses).toEqual([403, 403, 403]);
  // By reloading.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello Robin");

  await takeBack(page);
  await expect(page).toHaveURL(familyPage);
});

test("a handed-over tablet left untouched locks itself, and the session is gone", { tag: "@child" }, async ({ page }) => {
  await practitionerOnTablet(page);
  await handTo(page, "Robin Example");
  await page.waitForLoadState("load");
  // The lock waits five minutes; here it is told to wait one second.
  await page.locator("form[data-idle-lock]").evaluate((form) => form.setAttribute("data-idle-lock", "1"));
  await page.keyboard.press("Shift");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This screen locked itself");
  await expectNoAxeViolations(page);
  await page.goto("/child");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You need to sign in");
});

/** Goes through every tool from the child's start by keyboard alone, checking each page. */
async function everyTool(page: Page, hello: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hello);
  await expectNoAxeViolations(page);
  const start = page.getByRole("link", { name: "Back to the start" });
  for (const house of ["House of worries", "House of good things", "House of dreams"]) {
    await tabTo(page, page.getByRole("link", { name: house }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(house);
    // Nothing chosen: a gentle "try again", never a red error.
    await tabTo(page, page.getByRole("button", { name: "Put it in my house" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Let's try that again" })).toBeVisible();
    await expect(page.locator(".govuk-error-summary:visible")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await tabTo(page, page.getByRole("checkbox", { name: /^Friends/ }));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByLabel("Or write it here (you do not have to)"));
    await page.keyboard.type(`Words for the ${house.toLowerCase()} (demo)`);
    await tabTo(page, page.getByRole("button", { name: "Put it in my house" }));
    await page.keyboard.press("Enter");
    await expect(page.locator("li.app-thing").first()).toContainText(`Words for the ${house.toLowerCase()} (demo)`);
    await tabTo(page, start);
    await page.keyboard.press("Enter");
  }
  await tabTo(page, page.getByRole("link", { name: "How I feel" }));
  await page.keyboard.press("Enter");
  // A group of radios is one stop for Tab; the arrow keys move between the faces.
  await tabTo(page, page.getByRole("radio", { name: /^Very happy/ }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^OK/ })).toBeChecked();
  await tabTo(page, page.getByLabel("Because… (you do not have to say)"));
  await page.keyboard.type("It is a normal day (demo)");
  await tabTo(page, page.getByRole("button", { name: "Save how I feel" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("li.app-thing").first()).toContainText("It is a normal day (demo)");
  await expectNoAxeViolations(page);
  for (const [tile, words] of [
    ["What I want my worker to know", "I like it when you visit (demo)"],
    ["Who is important to me", "My nan (demo)"],
  ]) {
    await tabTo(page, start);
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByRole("link", { name: tile }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tile);
    await tabTo(page, page.getByLabel("Write it here (you do not have to)"));
    await page.keyboard.type(words);
    await tabTo(page, page.getByRole("button", { name: "Save it" }));
    await page.keyboard.press("Enter");
    await expect(page.locator("li.app-thing").first()).toContainText(words);
    await expectNoAxeViolations(page);
  }
  await tabTo(page, page.getByRole("link", { name: "I don't feel safe" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("I don't feel safe");
  await expectNoAxeViolations(page);
  await tabTo(page, page.getByRole("link", { name: "Give the tablet back to Sam Sample" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Give the tablet back to Sam Sample");
  await expectNoAxeViolations(page);
  // The practitioner takes it back by keyboard too.
  await tabTo(page, page.getByRole("button", { name: "Sam Sample: use your passkey" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FAMILY);
}

test("every tool in every age band works by keyboard alone, with no accessibility faults", { tag: "@child" }, async ({ page }) => {
  test.setTimeout(240_000);
  await practitionerOnTablet(page);
  // Under 8, from Robin's date of birth.
  await chooseScreens(page, "Robin Example", "from_birth");
  await handTo(page, "Robin Example");
  await everyTool(page, "Hello Robin");
  // 8 to 12: the practitioner chooses the band.
  await chooseScreens(page, "Robin Example", "8_to_12");
  await expect(page.getByText("Screens for 8 to 12 (chosen by a practitioner).")).toBeVisible();
  await handTo(page, "Robin Example");
  await everyTool(page, "Hello Robin");
  await chooseScreens(page, "Robin Example", "from_birth");
  // 13 and over, from Charlie's date of birth: a plainer page.
  await handTo(page, "Charlie Example");
  await expect(page.locator(".app-child--13_plus")).toBeVisible();
  await everyTool(page, "Charlie's space");
});
