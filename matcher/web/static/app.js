// matcher web app: drag-and-drop uploads (files, folders, .zip) and skill suggestions.
// Served from this server only (the Content-Security-Policy forbids inline script); text from
// the server is only ever put in the page as text (textContent), never as HTML.
"use strict";

(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const BATCH_FILES = 25;
  const BATCH_BYTES = 50 * 1000 * 1000;
  const TYPES = /\.(pdf|docx|txt|zip)$/i;

  function readEntry(entry, out) {
    return new Promise((resolve) => {
      if (entry.isFile) {
        entry.file((file) => { out.push(file); resolve(); }, () => resolve());
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        const all = [];
        const more = () => reader.readEntries((batch) => {
          if (!batch.length) {
            Promise.all(all.map((e) => readEntry(e, out))).then(resolve);
          } else { all.push(...batch); more(); }
        }, () => resolve());
        more();
      } else { resolve(); }
    });
  }

  function batches(files) {
    const out = [];
    let current = [], size = 0;
    for (const file of files) {
      if (current.length && (current.length >= BATCH_FILES || size + file.size > BATCH_BYTES)) {
        out.push(current); current = []; size = 0;
      }
      current.push(file); size += file.size;
    }
    if (current.length) out.push(current);
    return out;
  }

  function line(list, text) {
    const li = document.createElement("li");
    li.textContent = text;
    list.appendChild(li);
  }

  async function upload(form, files) {
    const result = document.getElementById("upload-result");
    result.textContent = "";
    const summary = document.createElement("p");
    summary.className = "upload-summary";
    const failures = document.createElement("ul");
    failures.className = "failures";
    result.append(summary, failures);
    let accepted = 0, duplicates = 0, failed = 0, sent = 0;
    const chosen = files.filter((f) => TYPES.test(f.name) || !f.name.includes("."));
    for (const f of files) {
      if (!chosen.includes(f)) { failed += 1; line(failures, f.name + ": unsupported: not a .pdf, .docx, .txt or .zip"); }
    }
    for (const group of batches(chosen)) {
      const data = new FormData();
      for (const f of group) data.append("files", f, f.name);
      summary.textContent = "Uploading " + (sent + group.length) + " of " + chosen.length + "…";
      let response;
      try {
        response = await fetch(form.dataset.api, { method: "POST", body: data, headers: { "X-CSRF-Token": csrf } });
      } catch (err) {
        failed += group.length; line(failures, "upload failed: " + err); continue;
      }
      sent += group.length;
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        failed += group.length;
        line(failures, (body.error && body.error.message) || ("upload failed: HTTP " + response.status));
        continue;
      }
      accepted += body.accepted; duplicates += body.duplicates || 0;
      for (const f of body.failures) { failed += 1; line(failures, f.name + ": " + f.kind + ": " + f.message); }
      startProgress(form);
    }
    summary.textContent = accepted + " accepted" + (duplicates ? ", " + duplicates + " already there" : "") +
      (failed ? ", " + failed + " not taken" : "") + ".";
    startProgress(form);
  }

  function startProgress(form) {
    const target = document.getElementById("progress");
    if (target && window.htmx) {
      window.htmx.ajax("GET", form.dataset.progress, { target: target, swap: "outerHTML" });
    }
  }

  function setUpUploads() {
    const form = document.getElementById("upload-form");
    if (!form) return;
    const zone = document.getElementById("dropzone");
    const files = document.getElementById("files-input");
    const folder = document.getElementById("folder-input");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      upload(form, [...files.files, ...folder.files]).then(() => { files.value = ""; folder.value = ""; });
    });
    folder.addEventListener("change", () => upload(form, [...folder.files]).then(() => { folder.value = ""; }));
    zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", async (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      const out = [];
      const items = [...(event.dataTransfer.items || [])];
      const entries = items.map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
      if (entries.length) {
        await Promise.all(entries.map((e) => readEntry(e, out)));
      } else {
        out.push(...event.dataTransfer.files);
      }
      upload(form, out);
    });
  }

  function setUpSuggestions() {
    const input = document.getElementById("add-skill");
    const list = document.getElementById("skill-options");
    if (!input || !list) return;
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (!q) return;
        const response = await fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q));
        if (!response.ok) return;
        const names = await response.json();
        list.textContent = "";
        for (const name of names) {
          const option = document.createElement("option");
          option.value = name;
          list.appendChild(option);
        }
      }, 120);
    });
  }

  document.addEventListener("DOMContentLoaded", () => { setUpUploads(); setUpSuggestions(); });
})();
