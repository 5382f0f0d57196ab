// Brukarröst – small progressive enhancements. Every page works without this file.
"use strict";

// Validator page: its own file, api/static/validera.js (decisions saved in place, shortcuts).

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
    const what = box.dataset.what || "Analysen";
    // Done: the report of an analysis, or the page named by data-done (a training's versions).
    const done = job.run_id ? `/korningar/${job.run_id}/rapport` : box.dataset.done;
    if (job.status === "klar" && done) {
      say(`${what} är klar. Sidan öppnas …`);
      window.location.assign(done);
      return;
    }
    if (["fel", "avbruten", "utgangen", "uppladdad"].includes(job.status)) {
      if (job.status !== "fel") return;  // nothing runs: the page says so already
      say(`${what} misslyckades: ` + (job.error || "okänt fel"));
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
    say(job.status === "vantar" ? `${what} väntar på sin tur.` : step);
    count.textContent = total > 0 ? `(${job.progress_n} av ${total})` : "";
    showTimes(job.tider_s || {});
    setTimeout(poll, 1000);
  }
  poll();
})();
