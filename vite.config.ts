import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The web app lives in src/web and is built to dist/web, which the Fastify server serves (index.html for every
 * unknown non-/api GET, so client-side routes work on reload). `npm run dev:web` proxies /api to a server started
 * with PORT=3200 (see README); the session cookie is Secure, which Chromium accepts on http://localhost.
 */
export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3200", changeOrigin: false } },
  },
});
