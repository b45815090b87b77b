// The app's trap guard. A WebAssembly trap (a Rust panic ends in `unreachable`; a stack overflow
// or an out-of-bounds access trap directly) leaves the app's wasm instance in an unknown state:
// every later call into it may fail or misbehave. This plain script, loaded before the app's wasm
// and independent of it, watches for one — an uncaught `WebAssembly.RuntimeError` in an event
// handler or task, or an unhandled promise rejection with one — and then puts a notice at the top
// of the page, makes the rest inert (no input can reach the broken instance), and offers Reload.
// The scenario survives: every edit is in the address bar's link (`#s=…`), which Reload reopens.
(function () {
  "use strict";
  let stopped = false;
  const isTrap = (err) =>
    err instanceof WebAssembly.RuntimeError ||
    (err && err.name === "RuntimeError" && /unreachable|out of bounds|stack|memory/i.test(String(err.message)));
  const stop = (err) => {
    if (stopped) return;
    stopped = true;
    const box = document.createElement("div");
    box.id = "app-stopped";
    box.setAttribute("role", "alert");
    const text = document.createElement("p");
    text.textContent =
      "restake-lab stopped after an internal error (" +
      String((err && err.message) || err).slice(0, 200) +
      "). The figures on this page may be wrong and no input reaches the model any more. " +
      "Your scenario is kept in the link in the address bar: Reload reopens it as of your last edit.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => location.reload());
    box.append(text, reload);
    for (const child of Array.from(document.body.children)) child.inert = true;
    document.body.prepend(box);
    reload.focus();
  };
  window.addEventListener("error", (e) => {
    if (isTrap(e.error)) stop(e.error);
  });
  window.addEventListener("unhandledrejection", (e) => {
    if (isTrap(e.reason)) stop(e.reason);
  });
})();
