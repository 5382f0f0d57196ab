// Brukarröst – small progressive enhancements. Every page works without this file.
"use strict";

// Validator: single-key shortcuts (J/N/A/V). WCAG 2.1.4: they can be turned off (checkbox,
// remembered in localStorage) and never fire while typing in a field.
(function () {
  const form = document.getElementById("beslut-form");
  if (!form) return;
  const toggle = document.getElementById("kortkommandon");
  const KEY = "brukarrost.kortkommandon";
  if (toggle) {
    toggle.checked = localStorage.getItem(KEY) !== "av";
    toggle.addEventListener("change", () => localStorage.setItem(KEY, toggle.checked ? "pa" : "av"));
  }
  document.addEventListener("keydown", (ev) => {
    if (toggle && !toggle.checked) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
    const button = form.querySelector(`button[data-key="${ev.key.toLowerCase()}"]`);
    if (!button) return;
    ev.preventDefault();
    if (button.value === "other" && !form.elements["annan_etikett"].value) {
      form.elements["annan_etikett"].focus();  // choose the label first, then press the button
      return;
    }
    form.requestSubmit(button);
  });
})();

// Job progress: poll the API and update the progress bar; go to the report when done.
(function () {
  const box = document.getElementById("jobb");
  if (!box) return;
  const bar = document.getElementById("jobb-progress");
  const text = document.getElementById("jobb-status");  // a live region: changed only per stage
  const count = document.getElementById("jobb-antal");  // not live: would be read every second
  const say = (msg) => { if (text.textContent !== msg) text.textContent = msg; };
  const url = box.dataset.url;
  const times = document.getElementById("jobb-tider");
  // Seconds per stage so far (the running one included), so a user sees where the minutes go.
  function showTimes(seconds) {
    if (!times) return;
    const names = JSON.parse(times.dataset.namn || "{}");
    const parts = Object.keys(names).filter((k) => k in seconds)
      .map((k) => `${names[k]} ${Math.round(seconds[k])} s`);
    times.hidden = parts.length === 0;
    document.getElementById("jobb-tider-lista").textContent = parts.join(", ");
  }
  async function poll() {
    let job;
    try {
      const resp = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!resp.ok) throw new Error(String(resp.status));
      job = await resp.json();
    } catch (e) {
      setTimeout(poll, 3000);
      return;
    }
    if (job.status === "klar" && job.run_id) {
      say("Analysen är klar. Rapporten öppnas …");
      window.location.assign(`/korningar/${job.run_id}/rapport`);
      return;
    }
    if (job.status === "fel") {
      say("Analysen misslyckades: " + (job.error || "okänt fel"));
      count.textContent = "";
      box.classList.add("error");
      return;
    }
    const total = job.progress_total || 0;
    // One bar over all stages, so it only moves forward: (stage index + share done) / stages.
    const stages = (box.dataset.stages || "").split("|").filter(Boolean);
    const idx = stages.indexOf(job.stage);
    if (idx >= 0) {
      bar.max = 1000;
      bar.value = Math.round(1000 * (idx + (total > 0 ? Math.min(job.progress_n / total, 1) : 0)) / stages.length);
    } else if (total > 0) {
      bar.max = total;
      bar.value = Math.min(job.progress_n, total);
    } else {
      bar.removeAttribute("value");
    }
    const step = idx >= 0 ? `Steg ${idx + 1} av ${stages.length}: ${job.stage}` : `Steg: ${job.stage || job.status}`;
    say(job.status === "vantar" ? "Analysen väntar på sin tur." : step);
    count.textContent = total > 0 ? `(${job.progress_n} av ${total})` : "";
    showTimes(job.tider_s || {});
    setTimeout(poll, 1000);
  }
  poll();
})();
