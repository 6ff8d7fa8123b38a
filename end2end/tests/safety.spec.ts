// Safety as an attacker would test it, in Chromium: a lost phone is locked out once its
// owner takes a reset code on a new phone (two virtual authenticators, the old one
// refused), and a family's words that look like markup or code stay words on every page
// that shows them, with no dialog and no Content Security Policy violation.
import { expect, test } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  issueCode,
  parentsPhone as phone,
  takeCode,
  uniquePhrase,
} from "./support";

test("a reset code on a new phone locks the lost phone out, and says what was removed", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const lost = await phone(browser, testInfo);
  await takeCode(lost, issueCode("--member", "Alex Example"));
  await expect(lost.getByRole("heading", { level: 1 })).toHaveText("Your space");

  // The worker, just signed in, creates a reset code for Alex.
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await page.getByRole("button", { name: "Lost phone: create a reset code for Alex Example" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset code for Alex Example");
  const code = (await page.locator("[data-code]").textContent())!.trim();

  // Alex takes it on a new phone.
  const found = await phone(browser, testInfo);
  await takeCode(found, code);
  await expect(found.getByRole("heading", { level: 1 })).toHaveText("Your space");
  await found.getByRole("link", { name: "Your passkeys and sign-ins" }).click();
  // Earlier tests' passkeys for Alex are listed too: each says why it went.
  await expect(found.getByText(/Removed on .*, when a reset code was used/).first()).toBeVisible();
  await expectNoAxeViolations(found);

  // Whoever holds the lost phone is signed out, and its passkey no longer works.
  await lost.goto("/home");
  await expect(lost.getByRole("heading", { level: 1 })).toHaveText("You need to sign in");
  await lost.goto("/sign-in");
  await lost.getByRole("button", { name: "Sign in with your screen lock" }).click();
  await expect(lost.getByText("That passkey was not accepted")).toBeVisible();
  expect((await lost.request.get("/home")).status()).toBe(401);

  // The worker can also lock a taken phone out at once, without a code.
  await page.goto("/home");
  await page.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await page.getByRole("button", { name: "Phone taken: stop Alex Example signing in on it now" }).click();
  await expect(page.getByText("Alex Example's passkeys no longer work, and they are signed out everywhere.")).toBeVisible();
  await expectNoAxeViolations(page);
  await found.goto("/home");
  await expect(found.getByRole("heading", { level: 1 })).toHaveText("You need to sign in");
});

test("words that look like code stay words in Module 8 and the supervision pack", { tag: "@laptop" }, async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const marker = uniquePhrase("inert");
  // A closing script tag, a comment opener, an SVG with a handler, and a right-to-left
  // override, all typed by a parent.
  const words = `${marker} </script><script>alert(1)</script> <!-- <svg onload=alert(2)> \u202Egnp.exe`;

  // The parent writes them as a goal, on their phone, and shares it with their workers.
  const parent = await phone(browser, testInfo);
  await takeCode(parent, issueCode("--member", "Alex Example"));
  await parent.getByRole("button", { name: "Add a goal" }).click();
  await parent.getByLabel("What do you want to change?").fill(words);
  await parent.getByRole("button", { name: "Continue" }).click();
  for (let step = 0; step < 5; step += 1) {
    await parent.getByRole("button", { name: "Continue" }).click();
  }
  await parent.getByRole("button", { name: "Save goal" }).click();
  await expect(parent.getByRole("heading", { level: 1 })).toHaveText(words);
  await parent.getByRole("button", { name: "Share with my workers" }).click();
  await expect(parent.getByText(marker).first()).toBeVisible();

  // Anything that runs, or that the policy blocks, is recorded on the worker's pages.
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { violations: string[] }).violations.push(event.violatedDirective);
    });
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { violations: string[] }).violations);

  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Sam Sample"));
  await page.getByRole("link", { name: "The Example family (demo)", exact: true }).click();
  await page.getByRole("link", { name: "Comments and views (Module 8)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comments and views");
  const item = page.locator("section.app-view-item", { hasText: marker });
  await expect(item).toContainText("</script><script>alert(1)</script>");
  await expect(item).toContainText("<svg onload=alert(2)>");
  await expect(item).toContainText("\u202Egnp.exe");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  expect(await violations()).toEqual([]);

  await page.goto("/home");
  await page.getByRole("link", { name: "Supervision pack" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Supervision pack");
  await expect(page.getByText("</script><script>alert(1)</script>", { exact: false }).first()).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  expect(await violations()).toEqual([]);
  expect(dialogs).toBe(0);
});
