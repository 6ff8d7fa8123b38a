// What every browser the end-to-end tests and the phone benchmark start shares: Debian's
// Chromium (never a downloaded one) with the flags this machine needs, and a passkey-capable
// authenticator like a phone's screen lock. Plain CommonJS, so that the tests (TypeScript,
// compiled by Playwright) and bench/phone.mjs (run by node) both read this one copy.

/** Where Chromium is, and how it is started. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

/** A platform authenticator with user verification, for `WebAuthn.addVirtualAuthenticator`. */
const virtualAuthenticator = {
  protocol: "ctap2",
  transport: "internal",
  hasResidentKey: true,
  hasUserVerification: true,
  isUserVerified: true,
  automaticPresenceSimulation: true,
};

module.exports = { launchOptions, virtualAuthenticator };
