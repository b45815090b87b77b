// End-to-end tests against the release build in dist/, served on 127.0.0.1, driven by
// playwright-core in Debian's /usr/bin/chromium. For every page and two viewports it checks the
// content, runs axe-core (zero serious or critical violations allowed; again after a page's
// interactions, in the state they leave it) and saves a screenshot to
// artifacts/screenshots/ (test artefacts, not committed). Page-specific interactions live in
// tests/e2e/pages/*.mjs. `E2E_ONLY=slashing,bridge node tests/e2e/run.mjs` runs only those pages.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";
import { PAGES } from "./pages/index.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const shots = join(root, "artifacts/screenshots");
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

const { server, origin } = await serve(join(root, "dist"));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-quic", "--no-first-run",
    "--disable-component-update", "--disable-sync"],
});

const failures = [];
let passed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`  ok    ${name}`);
  } catch (e) {
    failures.push(name);
    console.log(`  FAIL  ${name}\n        ${String(e?.stack ?? e).split("\n").slice(0, 4).join("\n        ")}`);
  }
}

async function axe(page) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (an inline <script> tag would be refused by it, as it should be).
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    (await axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    })));
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length) throw new Error(`axe: ${JSON.stringify(bad, null, 1)}`);
}

// At phone width the page never scrolls sideways, and every chart's smallest text, as rendered
// (its font size × the SVG's rendered width ÷ its view box width), is at least 11 CSS px.
async function phoneLayout(page, spec) {
  const m = await page.evaluate(() => {
    let smallest = Infinity;
    let where = "";
    for (const svg of document.querySelectorAll("figure.chart svg")) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll("text")) {
        if (!t.textContent.trim() || t.getBoundingClientRect().width === 0) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < smallest) { smallest = px; where = `${svg.querySelector("title")?.textContent}: “${t.textContent}”`; }
      }
    }
    return { scroll: document.documentElement.scrollWidth, width: window.innerWidth, smallest, where };
  });
  assert.ok(m.scroll <= m.width, `the page is ${m.scroll} px wide in a ${m.width} px window`);
  if (m.smallest !== Infinity) console.log(`        smallest chart text ${m.smallest.toFixed(1)} px (${m.where})`);
  assert.ok(m.smallest >= 11, `chart text of ${m.smallest.toFixed(1)} px: ${m.where}`);
  // A tooltip fits the viewport and opening it never moves the page: the rightmost source or
  // glossary button in view is focused (as a keyboard user would reach it) and its bubble measured.
  const tip = await page.evaluate(() => {
    const inView = [...document.querySelectorAll(".tip-button")].filter((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.right <= window.innerWidth;
    });
    if (!inView.length) return null;
    const b = inView.reduce((x, y) => (y.getBoundingClientRect().right > x.getBoundingClientRect().right ? y : x));
    b.scrollIntoView({ block: "end" });
    const before = [window.scrollX, window.scrollY, document.documentElement.scrollWidth, document.documentElement.scrollHeight];
    b.focus({ preventScroll: true });
    const r = document.getElementById(b.getAttribute("aria-describedby")).getBoundingClientRect();
    const after = [window.scrollX, window.scrollY, document.documentElement.scrollWidth, document.documentElement.scrollHeight];
    b.blur();
    return { r: [r.left, r.top, r.right, r.bottom], shown: r.width > 0, view: [window.innerWidth, window.innerHeight], before, after, label: b.getAttribute("aria-label") };
  });
  if (tip) {
    const [left, top, right, bottom] = tip.r;
    assert.ok(tip.shown, `the tooltip of “${tip.label}” did not open`);
    assert.ok(left >= 0 && top >= 0 && right <= tip.view[0] && bottom <= tip.view[1], `the tooltip of “${tip.label}” at ${tip.r.map(Math.round)} leaves the ${tip.view} viewport`);
    assert.deepEqual(tip.after, tip.before, `opening the tooltip of “${tip.label}” moved the page`);
  }
  // A results page (`summary: true`) shows its headline figures above the inputs, and they stay
  // in view (sticky at the top) when the reader scrolls down to the last input.
  if (spec.summary) {
    const s = await page.evaluate(() => {
      const el = document.querySelector(".panel-summary");
      const inputs = document.querySelector(".panel.inputs");
      if (!el || !inputs) return null;
      window.scrollTo(0, 0);
      const above = el.getBoundingClientRect().bottom <= inputs.getBoundingClientRect().top + 1;
      const end = inputs.getBoundingClientRect().bottom + window.scrollY;
      window.scrollTo(0, end - window.innerHeight);
      const r = el.getBoundingClientRect();
      const figures = [...el.querySelectorAll("dd")].map((d) => d.textContent);
      window.scrollTo(0, 0);
      return { above, top: r.top, bottom: r.bottom, figures };
    });
    assert.ok(s, "no results summary above the inputs");
    assert.ok(s.above, "the results summary is not above the inputs");
    assert.ok(s.top >= 0 && s.bottom <= 844 / 2, `the results summary left the screen while the inputs scrolled (${Math.round(s.top)}–${Math.round(s.bottom)} px)`);
    assert.ok(s.figures.length >= 3 && s.figures.every((t) => t && t !== "—"), `summary figures: ${s.figures}`);
    console.log(`        results summary: ${s.figures.join(" · ")}`);
  }
}

const only = process.env.E2E_ONLY?.split(",").filter(Boolean);
const selected = only?.length ? PAGES.filter((p) => only.includes(p.name)) : PAGES;
if (!selected.length) throw new Error(`E2E_ONLY=${process.env.E2E_ONLY} matches no page`);

try {
  for (const spec of selected) {
    for (const vp of VIEWPORTS.filter((v) => !spec.viewports || spec.viewports.includes(v.name))) {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await check(`${spec.name} @ ${vp.name}: loads and shows its content`, async () => {
        await page.goto(origin + spec.path);
        await page.getByRole("heading", { level: 1, name: spec.heading }).waitFor({ timeout: 30_000 });
        // Each page names the browser tab after itself.
        assert.equal(await page.title(), `${spec.heading} — restake-lab`);
        // The release build carries the Content-Security-Policy (scripts/csp.mjs); anything it
        // refuses is logged as a console error, which the last check of the page fails on.
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        assert.match(csp, /default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
        await spec.content(page);
      });
      await check(`${spec.name} @ ${vp.name}: axe finds no serious or critical violation`, () => axe(page));
      if (vp.name === "phone") {
        await check(`${spec.name} @ ${vp.name}: no sideways scroll, chart text ≥ 11 CSS px, a tooltip fits and moves nothing`, () => phoneLayout(page, spec));
      }
      await page.screenshot({ path: join(shots, `${spec.name}-${vp.width}x${vp.height}.png`), fullPage: true });
      if (vp.name === "desktop" && spec.interact) {
        await check(`${spec.name}: interactions`, () => spec.interact(page, origin));
        await check(`${spec.name} @ ${vp.name}: axe finds no serious or critical violation after the interactions`, () => axe(page));
      }
      await check(`${spec.name} @ ${vp.name}: no console or page errors`, async () => {
        if (errors.length) throw new Error(errors.join("\n"));
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\ne2e: ${passed} passed, ${failures.length} failed; screenshots in artifacts/screenshots/`);
if (failures.length) process.exit(1);
