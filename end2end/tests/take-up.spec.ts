// Take-up figures in Chromium: a team manager finds "Who is using the portal" from their
// home, reads the figures for their team (the demo team is small, so its figures show as
// "fewer than 5"), and downloads them by keyboard; a head of service sees every team of
// the council and works with no family.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  addVirtualAuthenticator,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  issueCode,
  tabTo,
  takeCode,
} from "./support";

test("a team manager reads who is using the portal and downloads the figures by keyboard", { tag: "@laptop" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Morgan Sample"));
  await page.getByRole("link", { name: "Who is using the portal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Who is using the portal");
  const main = page.getByRole("main");
  await expect(main).toContainText("Figures for Family Safeguarding Team North (demo)");
  await expect(main).toContainText("members of open families");
  const byTeam = page.getByRole("table", { name: "By team" });
  await expect(byTeam.getByRole("rowheader")).toHaveText(["Family Safeguarding Team North (demo)"]);
  await expect(byTeam).toContainText("fewer than 5");
  await expect(page.getByRole("img", { name: /Members signed up by the end of each month/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Month by month, newest first" })).toBeVisible();
  await expect(main).toContainText("does not record anyone's gender");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  await tabTo(page, page.getByRole("link", { name: "Download these figures as CSV (for a spreadsheet)" }));
  const waiting = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const download = await waiting;
  expect(download.suggestedFilename()).toMatch(/^take-up-\d{4}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path()).toString("utf8");
  expect(csv.split("\r\n")[0]).toBe("split,group,members,given_a_code,signed_up,active");
  expect(csv).toContain("Everyone,Family Safeguarding Team North (demo),fewer than 5,");
  // Counts only: no member of the demo family is named.
  for (const name of ["Alex Example", "Jordan Example", "Robin Example", "Charlie Example"]) {
    expect(csv).not.toContain(name);
  }
});

test("a head of service sees every team and no family", { tag: "@laptop" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Rowan Head-Example"));
  await expect(page.getByRole("main")).toContainText("You are not working with any families");
  await page.getByRole("link", { name: "Who is using the portal" }).click();
  await expect(page.getByRole("main")).toContainText("Figures for every team in Exampleshire Council (demo)");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});
