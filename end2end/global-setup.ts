// Waits until the server cargo-leptos started answers /readyz, so no test races its start,
// then adds the fictional demo family the identity tests use.
import { serverCommand } from "./tests/support";
const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

export default async function globalSetup(): Promise<void> {
  const deadline = Date.now() + 120_000;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseURL}/readyz`);
      if (response.ok) {
        serverCommand(["seed-demo"]);
        return;
      }
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The portal at ${baseURL} was not ready after 2 minutes (${last}).`);
}
