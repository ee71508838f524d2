import "./styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { config as zodConfig } from "zod/v4/core";
import { setUnauthorizedHandler } from "./api";
import { createQueryClient, keys } from "./queries";
import { createAppRouter } from "./router";

// The forms check input with the server's zod schemas. Unless told not to, zod probes whether it may compile its
// checks with `new Function`: the page's policy (script-src 'self', no eval) refuses that and reports a violation.
zodConfig({ jitless: true });

const queryClient = createQueryClient();
// a 401 from any call means the session ended: forget everything and show the login page. The municipality list is
// public and the login page's own: removing it while that page waits for it would leave the page waiting for good
const publicQueries = new Set<unknown>([keys.session[0], keys.municipalities[0]]);
setUnauthorizedHandler(() => {
  queryClient.removeQueries({ predicate: (q) => !publicQueries.has(q.queryKey[0]) });
  queryClient.setQueryData(keys.session, null);
});
const router = createAppRouter(queryClient);

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
