// End-to-end tests in Debian's Chromium (never a downloaded browser), against the server
// that `cargo leptos end-to-end` builds and starts. The address comes from E2E_BASE_URL,
// which scripts/test.sh sets along with the server's own listen address.
import { defineConfig } from "@playwright/test";
import { launchOptions } from "./browser.cjs";

const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Two cores: one for the browser, one for the server.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions,
    trace: "off",
    // The portal's service worker forwards pages itself, and Playwright's routes do not
    // see what a service worker fetches: tests that hold or watch a request would pass
    // without testing anything. It is allowed where it is what is tested (offline.spec.ts).
    serviceWorkers: "block",
  },
  projects: [
    // Parents use cheap phones; practitioners use laptops; children use a practitioner's
    // tablet during a visit, or a phone.
    // A test tagged @phone is a parent's journey and runs on the phone only; one tagged
    // @laptop is staff work and runs on the laptop only; one tagged @child runs on the
    // tablet and the phone; the rest run on the phone and the laptop.
    {
      name: "phone",
      grepInvert: /@laptop/,
      use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true },
    },
    { name: "laptop", grepInvert: /@phone|@child/, use: { viewport: { width: 1280, height: 800 } } },
    {
      name: "tablet",
      grep: /@child/,
      use: { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true },
    },
  ],
});
