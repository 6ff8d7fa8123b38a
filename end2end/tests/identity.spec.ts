// Identity as people meet it, in Chromium with a virtual authenticator standing in for
// a phone's screen lock: a practitioner takes their code and invites a parent; the
// parent registers a passkey, signs out and signs in again; "Exit this page" by
// pressing Shift three times leaves nothing usable behind; and a post from another
// site is refused. Every page passes axe-core.
import { expect, test } from "@playwright/test";
import {
  NEUTRAL_SITE,
  addVirtualAuthenticator,
  answerNeutralSite,
  expectNoAxeViolations,
  issueCode,
  takeCode,
  waitForHydration,
} from "./support";

test("a practitioner invites a parent, who registers a passkey, signs out and signs in again", { tag: "@phone" }, async ({
  page,
  browser,
}, testInfo) => {
  // The practitioner, on their own browser.
  const laptop = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const worker = await laptop.newPage();
  await addVirtualAuthenticator(worker);
  await takeCode(worker, issueCode("--staff", "Sam Sample"));
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText("Your families");
  await expectNoAxeViolations(worker);
  await worker.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText("The Example family (demo)");
  await expectNoAxeViolations(worker);
  // Other tests may have given Alex a passkey, and a sign-up code never adds a second
  // one: "Phone taken" removes every passkey Alex has, so the code is a first one.
  await worker.getByRole("button", { name: "Phone taken: stop Alex Example signing in on it now" }).click();
  await expect(worker.getByText("Alex Example's passkeys no longer work, and they are signed out everywhere.")).toBeVisible();
  await worker.getByRole("button", { name: "Create a sign-up code for Alex Example" }).click();
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText("Sign-up code for Alex Example");
  await expectNoAxeViolations(worker);
  const code = (await worker.locator("[data-code]").textContent())!.trim();
  await worker.reload();
  await expect(worker.getByRole("heading", { level: 1 })).toHaveText("This code has already been shown");
  await laptop.close();

  // The parent, on their phone (this test's page, at 360 by 640).
  await addVirtualAuthenticator(page);
  await page.goto("/sign-in");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "I have a code from my worker" }).click();
  await expect(page).toHaveURL(/\/start$/);
  await expectNoAxeViolations(page);
  await takeCode(page, code);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
  await expect(page.getByText("Signed in as Alex Example.")).toBeVisible();
  await expect(page).toHaveTitle("Home – Family portal");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
  await page.goto("/home");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You need to sign in");

  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with your screen lock" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
});

test("pressing Shift three times leaves, ends the session, and Back shows nothing", async ({ page }) => {
  await answerNeutralSite(page);
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
  await waitForHydration(page);

  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(NEUTRAL_SITE);

  // Nothing usable is left: the session is over on the server, and the cookie is gone.
  expect((await page.context().cookies()).filter((c) => c.name.includes("portal"))).toEqual([]);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Your space");
  await expect(page.getByText("Signed in as Alex Example.")).toHaveCount(0);
  const home = await page.request.get("/home");
  expect(home.status()).toBe(401);
});

test("the Exit this page button and skip link leave at once", async ({ page }) => {
  await answerNeutralSite(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Emergency Exit this page" }).click();
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Exit this page" }).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(NEUTRAL_SITE);
});

test("a post from another site is refused", async ({ page }) => {
  await page.goto("/");
  const refused = await page.request.post("/api/my-entries", {
    headers: { Origin: "https://elsewhere.example" },
  });
  expect(refused.status()).toBe(403);
  const feedback = await page.request.post("/feedback", {
    headers: { Origin: "https://elsewhere.example" },
    form: { __fn: "/api/feedback", satisfaction: "satisfied" },
  });
  expect(feedback.status()).toBe(403);
});

test("a parent sees and ends their own sign-ins, and sees who has read their words", async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await page.getByRole("link", { name: "Your passkeys and sign-ins" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your passkeys and sign-ins");
  await expect(page.getByText("This device")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/seen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who has seen what you wrote");
  await expectNoAxeViolations(page);
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out here" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
  const home = await page.request.get("/home");
  expect(home.status()).toBe(401);
});

test("an admin creates a sign-up code for a member of staff", { tag: "@laptop" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Drew Admin-Example"));
  await page.getByRole("link", { name: "Staff sign-up codes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff sign-up codes");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create a sign-up code for Quinn Dummy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-up code for Quinn Dummy");
  await expect(page.locator("[data-code]")).toHaveText(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await expectNoAxeViolations(page);
});

test("a sign-up code left empty is asked for on the field, as GOV.UK shows errors", { tag: "@phone" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await page.goto("/start");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Enter the code your worker gave you" })).toHaveAttribute("href", "#code");
  await expect(page.locator("#code-error")).toHaveText("Error: Enter the code your worker gave you");
  await expect(page.getByLabel("The code your worker gave you")).toHaveClass(/govuk-input--error/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  // The link takes the person to the field; a second try does not pile up messages.
  await summary.getByRole("link", { name: "Enter the code your worker gave you" }).click();
  await expect(page.getByLabel("The code your worker gave you")).toBeFocused();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-message")).toHaveCount(1);
  await expect(page).not.toHaveTitle(/Error: Error:/);
});
