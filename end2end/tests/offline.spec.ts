// On a home screen and offline: the portal can be added to a phone under a neutral name,
// its service worker keeps only files that hold no one's data, a page that cannot be
// reached says so plainly (with "Exit this page"), and words sent while offline are held
// on the page and sent when the phone is back online.
import { expect, test, type Page } from "@playwright/test";
import {
  addVirtualAuthenticator,
  answerNeutralSite,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  issueCode,
  takeCode,
  uniquePhrase,
  waitForHydration,
} from "./support";

// The service worker is what is tested here; elsewhere it is blocked (playwright.config.ts).
test.use({ serviceWorkers: "allow" });

/** Every address the page's service worker has kept. */
async function kept(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) found.push(new URL(request.url).pathname);
    }
    return found;
  });
}

test("a parent's phone offline keeps no one's words, says so plainly, and holds what was typed", { tag: "@phone" }, async ({ page, context }) => {
  test.setTimeout(60_000);
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--member", "Alex Example"));
  await waitForHydration(page);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  // The worker starts, and from the next page on keeps this build's files.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await waitForHydration(page);
  await expect.poll(async () => (await kept(page)).some((p) => p.startsWith("/build/"))).toBe(true);

  // Offline, a page says so: it is never a copy of a page someone saw.
  await context.setOffline(true);
  await page.goto("/home");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are offline");
  await expect(page.getByText("Your space")).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  for (const path of await kept(page)) {
    expect(
      path.startsWith("/build/") || ["/offline.html", "/pkg/portal.css", "/scripts/exit.js"].includes(path),
      `kept ${path}`,
    ).toBe(true);
  }
  // "Exit this page" still leaves, to an empty page that says nothing about the portal.
  await page.getByRole("button", { name: "Exit this page" }).click();
  await expect(page).toHaveURL(/\/exit$/);
  await expect(page).toHaveTitle("New tab");
  await expect(page.locator("body")).toHaveText("");
  // Until the server hears of it, every page is that empty page; the moment it can, the
  // session ends and the phone goes on to the neutral site.
  await page.goto("/home");
  await expect(page).toHaveTitle("New tab");
  await answerNeutralSite(page);
  await context.setOffline(false);
  await page.goto("/home");
  await expect(page).toHaveTitle("Weather");
  expect((await page.request.get("/home")).status()).toBe(401);

  // Words sent while offline stay on the page, and go when the phone is back online.
  // (The other parent, so that this phone's screen lock makes a new passkey.)
  await takeCode(page, issueCode("--member", "Jordan Example"));
  await page.getByRole("button", { name: "Add a goal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What do you want to change?");
  await waitForHydration(page);
  const question = page.url();
  const words = uniquePhrase("Sent on a train (demo)");
  await context.setOffline(true);
  await page.getByLabel("What do you want to change?").fill(words);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You are offline" })).toHaveText(
    "You are offline. What you typed is still here, and it will be sent when your phone is back online.",
  );
  expect(page.url()).toBe(question);
  await expect(page.getByLabel("What do you want to change?")).toHaveValue(words);
  await context.setOffline(false);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Why does it matter to you? (optional)");
  // Thrown away, so the next test starts with no draft.
  await page.goto("/goals/new?q=discard");
  await page.getByRole("button", { name: "Yes, throw it away" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your space");
});
