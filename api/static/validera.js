// Brukarröst – the validator page (validera.html), saved in place. Progressive enhancement:
// without this file the form posts and the page reloads; with it the same form is sent with
// fetch (the CSRF token is in the form), the server answers with the next answer's part of
// the page (validera_svar.html, header X-Granskning), and focus moves to its first action.
"use strict";

(function () {
  const root = () => document.getElementById("granskning");
  if (!root()) return;
  const live = document.getElementById("granskning-meddelande");
  const toggle = document.getElementById("kortkommandon");
  const KEY = "brukarrost.kortkommandon";
  let busy = false;

  // WCAG 2.1.4: single-key shortcuts can be turned off (remembered) and never fire while
  // typing in a field. Check boxes are not typing: J still saves when one has focus.
  if (toggle) {
    toggle.checked = localStorage.getItem(KEY) !== "av";
    toggle.addEventListener("change", () => localStorage.setItem(KEY, toggle.checked ? "pa" : "av"));
  }
  const typing = (t) =>
    t && (t.isContentEditable || ["TEXTAREA", "SELECT"].includes(t.tagName) ||
      (t.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes(t.type)));

  function fallback(form, submitter) {
    // The plain form post, as without JavaScript (submit() leaves out the pressed button).
    if (submitter && submitter.name) {
      const field = document.createElement("input");
      field.type = "hidden";
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  function show(next) {
    root().replaceWith(document.adoptNode(next));
    const progress = document.getElementById("framsteg");
    const said = next.dataset.fel || next.dataset.meddelande || "";
    // The progress (read, not shown twice) differs each time, so a screen reader reads
    // the same message again after the next decision.
    const extra = document.createElement("span");
    extra.className = "sr-only";
    extra.textContent = said && progress ? ` ${progress.textContent}` : "";
    live.replaceChildren(said, extra);
    live.classList.toggle("error", Boolean(next.dataset.fel));
    const first = next.querySelector('button[data-key="j"]') || next.querySelector("h2");
    if (first) {
      if (first.tagName === "H2") first.tabIndex = -1;
      // The answer at the top of the screen, the focused action below it; at 200 % zoom
      // the action wins if both do not fit, since focus must stay in view.
      const answer = next.querySelector("#svar-rubrik");
      if (answer) answer.scrollIntoView({ block: "start" });
      first.focus({ preventScroll: true });
      const r = first.getBoundingClientRect();
      if (r.bottom > window.innerHeight || r.top < 0) first.scrollIntoView({ block: "nearest" });
    }
  }

  async function send(form, submitter) {
    if (busy) return;
    busy = true;
    try {
      const resp = await fetch(form.action, {
        method: "POST",
        // URL-encoded like the plain form, so the server reads the token the same way.
        body: new URLSearchParams(new FormData(form, submitter)),
        credentials: "same-origin",
        headers: { "X-Granskning": "1", "X-CSRF-Token": form.elements["csrf_token"].value },
      });
      const next = resp.ok
        ? new DOMParser().parseFromString(await resp.text(), "text/html").getElementById("granskning")
        : null;
      if (next) show(next);
      else fallback(form, submitter);  // e.g. signed out meanwhile: the server's own page
    } catch (e) {
      fallback(form, submitter);
    } finally {
      busy = false;
    }
  }

  document.addEventListener("submit", (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.closest("#granskning")) return;
    ev.preventDefault();
    send(form, ev.submitter);
  });

  document.addEventListener("keydown", (ev) => {
    if (toggle && !toggle.checked) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    const el = root().querySelector(`[data-key="${CSS.escape(ev.key.toLowerCase())}"]`);
    if (!el) return;
    ev.preventDefault();
    if (busy) return;
    if (el.tagName === "A") {  // "Andra områden": to the labels, with the rest shown
      const more = document.getElementById("fler-omraden");
      if (more) more.open = true;
      const box = root().querySelector("#etiketter input[type=checkbox]");
      if (box) box.focus();
      return;
    }
    el.form.requestSubmit(el);
  });
})();
