// The evaluation export, in Chromium: a council's admin finds "Evaluation data" from
// their home, reads what the file holds and never holds, and downloads it by keyboard.
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

test("an admin downloads the evaluation data and its dictionary by keyboard", { tag: "@laptop" }, async ({ page }) => {
  await addVirtualAuthenticator(page);
  await takeCode(page, issueCode("--staff", "Drew Admin-Example"));
  await page.getByRole("link", { name: "Evaluation data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evaluation data");
  await expect(page.getByRole("main")).toContainText("anyone's name");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);

  for (const [name, file] of [
    ["Download as CSV (for a spreadsheet)", /^evaluation-\d{4}-\d{2}\.csv$/],
    ["Download as Parquet (for analysis software)", /^evaluation-\d{4}-\d{2}\.parquet$/],
    ["Download the data dictionary: what each column means", /^evaluation-dictionary\.csv$/],
  ] as const) {
    await tabTo(page, page.getByRole("link", { name }));
    const waiting = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    const download = await waiting;
    expect(download.suggestedFilename()).toMatch(file);
    const text = readFileSync(await download.path());
    if (name.startsWith("Download as CSV")) {
      expect(text.toString("utf8").split("\r\n")[0]).toMatch(/^person,month,team,role,age_band,/);
    } else if (name.startsWith("Download as Parquet")) {
      // A Parquet file starts and ends with "PAR1".
      expect(text.subarray(0, 4).toString()).toBe("PAR1");
    } else {
      expect(text.toString("utf8")).toContain("check_ins_missed");
    }
  }
});
