import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { exported, onScenarios } from "./roundtrip.mjs";

// Work budgets in the browser (#22): the heaviest valid link for a page must not freeze it.
// Long tasks are measured in the page with a PerformanceObserver (entry type "longtask", every
// main-thread task over 50 ms), installed before the app's own scripts run.

/** The performance issue's limit for a main-thread task after the first load, ms. */
const TASK_LIMIT_MS = 50;

/**
 * The demo document with a network at the size limits: 500 operators and 200 AVSs, each
 * operator allocating 0.05 of its stake to 20 AVSs (10,000 allocations), and ether.fi, Renzo
 * and Kelp each delegating 0.002 of their restaked ETH to every operator; the default risk
 * options (100,000 paths). The sections that name the demo's operators and AVSs are left out.
 */
function heavy(demo) {
  const d = structuredClone(demo);
  const n = d.network;
  n.operators = Array.from({ length: 500 }, (_, i) => ({ id: `o${i}`, name: `Operator ${i}`, otherDelegatedEth: 1000, otherNativeShare: 0.5 }));
  n.avss = Array.from({ length: 200 }, (_, i) => ({ id: `a${i}`, name: `AVS ${i}` }));
  n.allocations = n.operators.flatMap((o, i) =>
    Array.from({ length: 20 }, (_, k) => ({ operator: o.id, avs: `a${(i + k * 10) % 200}`, magnitude: 0.05 })),
  );
  n.delegations = ["etherfi", "renzo", "kelp"].flatMap((protocol) =>
    n.operators.map((o) => ({ protocol, operator: o.id, weight: 0.002, queuedWithdrawalEth: 0 })),
  );
  delete d.slashing;
  delete d.security;
  d.name = "Heaviest network";
  return d;
}
const link = (doc) => "#s=s2." + deflateRawSync(Buffer.from(JSON.stringify(doc))).toString("base64url");

/** Every long task the page has had so far (durations, ms), and clears the list. */
const takeLongTasks = (page) => page.evaluate(() => window.__longTasks.splice(0));
const observeLongTasks = (context) =>
  context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask", buffered: true });
  });

export const budgets = onScenarios("budgets", async (page, origin) => {
    const doc = heavy(JSON.parse((await exported(page)).text));
    const fragment = link(doc);

    // The home page: the custom column's run is over the page's budget, so it is refused with
    // the budget and what to reduce, and the rest of the matrix is shown.
    const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 800 } });
    await observeLongTasks(context);
    const home = await context.newPage();
    await home.goto(origin + "/" + fragment);
    await home.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 60_000 });
    const note = home.locator("#custom-budget");
    await note.waitFor({ timeout: 60_000 });
    assert.match(await note.textContent(), /over this page's budget of 1\.5e7 .*make the network smaller/);
    await home.getByRole("table", { name: /Sourced and computed figures/ }).waitFor();
    const load = await takeLongTasks(home);
    // After the first load: typing in the exit-queue field.
    await home.locator("#exit-queue").fill("115200");
    await home.waitForTimeout(500);
    const after = await takeLongTasks(home);
    console.log(`        home, heaviest link: longest task ${Math.max(0, ...load)} ms on load, ${Math.max(0, ...after)} ms after`);
    assert.ok(after.every((t) => t <= TASK_LIMIT_MS), `main-thread tasks after load: ${after.join(", ")} ms`);

    // The Risk page without a worker (the worker script refused): slices sized from the work,
    // none over the limit, progress shown, and the run finishes.
    await context.route("**/risk-worker*", (r) => r.abort());
    const risk = await context.newPage();
    await risk.goto(origin + "/risk" + fragment);
    await risk.getByText(/Runs on the page in short slices/).first().waitFor({ timeout: 60_000 });
    await takeLongTasks(risk);
    await risk.waitForFunction(() => /Running: [\d,]+ of 100,000 paths/.test(document.body.innerText), null, { timeout: 60_000 });
    await risk.waitForTimeout(3000);
    const slices = await takeLongTasks(risk);
    console.log(`        risk without a worker, heaviest link: ${slices.length} long tasks in 3 s of the run, longest ${Math.max(0, ...slices)} ms`);
    assert.ok(slices.every((t) => t <= TASK_LIMIT_MS), `main-thread tasks during the run: ${slices.join(", ")} ms`);
    await context.close();
});
