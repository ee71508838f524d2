/**
 * For trying the built web app by hand or with screenshots: `npx tsx test/e2e/dev-server.ts`
 * (fresh in-memory database with the demo municipality; prints the URL; Ctrl+C stops it).
 */
import { startWebApp } from "../helpers/browser.js";

const web = await startWebApp();
console.log(`tsunagu web app: ${web.baseUrl}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await web.close();
    process.exit(0);
  });
}
