// The council's case system, in Chromium: an admin finds "The council's case system" from
// their home, is told plainly what a form is missing, and gives a system a secret (shown
// once), which works only after the head of service approves it on their own device;
// then the system reads the demo family's Module 8 with it. The admin gives Alex a
// reference in the case system, by which the system finds the same family, then revokes
// the secret, which stops working at once.
import { expect, test } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  issueCode,
  takeCode,
} from "./support";

test("an admin gives the case system a secret, shown once, a head of service approves it, and the admin revokes it", { tag: "@laptop" }, async ({ page, browser }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Drew Admin-Example"));
  await page.getByRole("link", { name: "The council's case system" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The council's case system");
  await expect(page.getByRole("main")).toContainText("No system can call the API yet.");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Missing teams: the problem is named, and what was typed is still there.
  await page.getByLabel("Name of the system").fill("Example LCS (demo)");
  await page.getByRole("button", { name: "Create the secret" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Select the teams whose families it may read");
  await expect(page.getByLabel("Name of the system")).toHaveValue("Example LCS (demo)");
  await expectNoAxeViolations(page);

  await page.getByLabel("Family Safeguarding Team North (demo)").check();
  await page.getByLabel("Days the secret works for").fill("30");
  await page.getByRole("button", { name: "Create the secret" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The secret for Example LCS (demo)");
  const secret = (await page.locator(".app-secret").textContent()) ?? "";
  expect(secret).toMatch(/^fpapi_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  // Until a head of service approves it, the secret does not work.
  const module8 = "/api/v1/families/DEMO-0001/module-8";
  const authorised = { headers: { authorization: `Bearer ${secret}` } };
  expect((await page.request.get(module8, authorised)).status()).toBe(401);
  const headsDevice = await browser.newContext();
  const head = await headsDevice.newPage();
  await addVirtualAuthenticator(head);
  await takeCode(head, issueCode("--staff", "Rowan Head-Example"));
  await head.getByRole("link", { name: "Case systems: approve their access" }).click();
  await expect(head.getByRole("heading", { level: 1 })).toHaveText("Case systems");
  await expect(head.getByRole("main")).toContainText("Created by Drew Admin-Example");
  await expectNoAxeViolations(head);
  await expectNoSidewaysScroll(head);
  await head.getByRole("button", { name: "Approve Example LCS (demo)" }).click();
  await expect(head.getByRole("alert")).toContainText("The system is approved.");
  await expect(head.getByRole("main")).toContainText("In use");
  await headsDevice.close();

  // The case system, holding only the secret, reads the family's Module 8.
  const answered = await page.request.get(module8, authorised);
  expect(answered.status()).toBe(200);
  const body = await answered.json();
  expect(body.family.case_reference).toBe("DEMO-0001");
  expect(body.members.map((m: { name: string }) => m.name)).toContain("Alex Example");

  // Shown once: the page never shows it again.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This secret has already been shown");
  await expect(page.locator(".app-secret")).toHaveCount(0);

  // Alex's reference in the case system, found by the family's case reference.
  await page.getByRole("link", { name: "Back to the case system" }).click();
  await page.getByLabel("Family's case reference").fill("DEMO-0001");
  await page.getByRole("button", { name: "Find the family" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Family members' references");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Alex Example (Parent or carer)").fill("not a reference!");
  await page.getByRole("button", { name: "Save the reference for Alex Example" }).click();
  await expect(summary).toContainText("The reference can only have letters, numbers");
  await expect(page.getByLabel("Alex Example (Parent or carer)")).toHaveValue("not a reference!");
  await expectNoAxeViolations(page);
  await page.getByLabel("Alex Example (Parent or carer)").fill("LCS-DEMO-0042");
  await page.getByRole("button", { name: "Save the reference for Alex Example" }).click();
  await expect(page.getByRole("alert")).toContainText("The reference is saved.");
  await expect(page.getByLabel("Alex Example (Parent or carer)")).toHaveValue("LCS-DEMO-0042");
  const byPerson = await page.request.get("/api/v1/families/LCS-DEMO-0042/module-8", authorised);
  expect(byPerson.status()).toBe(200);
  expect((await byPerson.json()).family.case_reference).toBe("DEMO-0001");

  // Revoked: the secret stops working at once.
  await page.getByRole("link", { name: "Back to the case system" }).click();
  await expect(page.getByRole("main")).toContainText("In use. Works until");
  await page.getByRole("button", { name: "Revoke the secret of Example LCS (demo)" }).click();
  await expect(page.getByRole("alert")).toContainText("The system's secret no longer works.");
  await expect(page.getByRole("main")).toContainText("Revoked");
  await expectNoAxeViolations(page);
  expect((await page.request.get(module8, authorised)).status()).toBe(401);
});
