// reinstate: progressive enhancement only. Every page works without this script.
(function () {
  "use strict";
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

  // "+ Add a ..." buttons clone the last row of their list, emptied.
  document.querySelectorAll(".add-row").forEach((button) => {
    button.addEventListener("click", () => {
      const list = document.querySelector(`[data-rows="${button.dataset.for}"]`);
      const last = list.lastElementChild;
      const copy = last.cloneNode(true);
      // A row cloned from a phrase-bank entry becomes a blank free-text row.
      copy.querySelectorAll(".phrase-view").forEach((view) => view.remove());
      copy.querySelectorAll("[hidden]").forEach((field) => { field.hidden = false; });
      copy.querySelectorAll("input, textarea").forEach((field) => { field.value = ""; });
      copy.querySelectorAll("select").forEach((field) => { field.selectedIndex = 0; });
      list.appendChild(copy);
      const first = copy.querySelector("input, textarea");
      if (first) first.focus();
    });
  });

  // Copy buttons: the text of the element named by data-copy.
  document.querySelectorAll(".copy").forEach((button) => {
    button.addEventListener("click", async (event) => {
      event.preventDefault();
      const source = document.getElementById(button.dataset.copy);
      try {
        await navigator.clipboard.writeText(source.value !== undefined ? source.value : source.innerText);
        const before = button.textContent;
        button.textContent = "✓";
        setTimeout(() => { button.textContent = before; }, 1200);
      } catch (error) {
        window.getSelection().selectAllChildren(source);
      }
    });
  });

  // The review editor: review as the seller types (debounced), without reloading the page.
  const editor = document.getElementById("review-text");
  const result = document.getElementById("review-result");
  if (editor && result) {
    let timer = null;
    const escape = (text) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
    const band = (score) => (score >= 90 ? "good" : score >= 75 ? "fair" : "poor");
    const zh = document.documentElement.lang.startsWith("zh");
    const show = (review) => {
      const findings = review.findings.map((f) =>
        `<li class="${f.severity}"><code>${f.code}</code> ${escape(zh ? f.message_zh : f.message)}` +
        `<div class="muted">→ ${escape(zh ? f.suggestion_zh : f.suggestion)}</div></li>`).join("");
      const letter = review.segments.map((s) => s.finding
        ? `<mark class="${s.finding.severity}" title="${s.finding.code}">${escape(s.text)}</mark>` : escape(s.text)).join("");
      const meaning = review.band ? (zh ? review.band.label_zh : review.band.label) : "";
      const explain = review.band ? (zh ? review.band.meaning_zh : review.band.meaning) : "";
      result.innerHTML = `<p class="score score-${band(review.score)}">${review.score}/100 <span class="band">${escape(meaning)}</span></p>` +
        `<p class="muted band-meaning">${escape(explain)}</p>` +
        `<ul class="findings">${findings}</ul><pre class="letter-text">${letter}</pre>`;
    };
    let sent = 0; // answers can arrive out of order: only the newest request's answer is shown
    const fail = (message) => {
      result.innerHTML = `<p class="note">${escape(message)}</p>`;
    };
    editor.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (!editor.value.trim()) return;
        const mine = ++sent;
        try {
          const response = await fetch("/api/review", {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
            // on a draft's page, review with the draft's own context (its reasons, the case's notice),
            // so the live score is the score the draft page and `reinstate draft` give the same text
            body: JSON.stringify({ text: editor.value, case_id: editor.dataset.case || null, draft: editor.dataset.draft || null }),
          });
          if (mine !== sent) return;
          const body = await response.json();
          if (response.ok) show(body);
          else fail(body.error || `HTTP ${response.status}`);
        } catch (error) {
          if (mine === sent) fail(zh ? "无法连接到 reinstate：它还在运行吗？" : "Cannot reach reinstate: is it still running?");
        }
      }, 400);
    });
  }

  // Deadline countdowns (web/deadlines.py, templates/_countdown.html): the server counted from its own
  // day; count again in the browser's time zone with the same rule (whole calendar days from today to
  // the deadline day), so the case list and the case page say the same. Refreshed once a minute.
  const daysUntil = (iso) => {
    const [year, month, day] = iso.split("-").map(Number);
    const now = new Date();
    return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / 86400000);
  };
  document.querySelectorAll(".countdown[data-deadline]").forEach((node) => {
    const words = node.dataset;
    const tick = () => {
      const days = daysUntil(words.deadline);
      node.textContent = days > 1 ? words.left.replace("%(n)s", String(days)) : days === 1 ? words.one : days === 0 ? words.today : words.overdue;
      node.classList.toggle("late", days < Number(words.urgent));
    };
    if (words.left && /^\d{4}-\d{2}-\d{2}$/.test(words.deadline)) {
      tick();
      setInterval(tick, 60000);
    }
  });
})();

// Chinese typed into a box that goes into the English letter: say so at once, beside the box.
(() => {
  const form = document.getElementById("plan-form");
  if (!form) return;
  const message = form.dataset.notEnglish;
  const chinese = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  const check = (field) => {
    let note = field.nextElementSibling;
    if (!note || !note.classList.contains("not-english")) {
      note = document.createElement("p");
      note.className = "not-english";
      note.setAttribute("role", "status");
      field.after(note);
    }
    note.textContent = chinese.test(field.value) ? message : "";
  };
  form.addEventListener("input", (event) => {
    const field = event.target;
    if (field.matches("textarea[name$='_text'], input[name$='_evidence'], input[name=fact]")) check(field);
  });
  form.querySelectorAll("textarea[name$='_text']").forEach((field) => { if (field.value) check(field); });
})();

// The draft page keeps every edit: "Save as a new version" posts the letter (web/routes/letters.py); an
// export with unsaved edits saves them as a new version first and downloads that version's file, so every
// export is the text on screen; leaving the page with unsaved edits asks first.
(() => {
  const form = document.getElementById("version-form");
  const editor = document.getElementById("review-text");
  if (!form || !editor) return;
  const state = document.getElementById("unsaved-state");
  let leaving = false;
  const unsaved = () => editor.value !== editor.defaultValue;
  const show = () => { if (state) state.hidden = !unsaved(); };
  editor.addEventListener("input", show);
  form.addEventListener("submit", () => { leaving = true; });
  form.querySelectorAll("a[data-export]").forEach((link) => {
    link.addEventListener("click", (event) => {
      if (!unsaved()) return; // the stored version is the text on screen: download it as it is
      event.preventDefault();
      form.elements.then.value = link.dataset.export;
      leaving = true;
      form.submit();
    });
  });
  window.addEventListener("beforeunload", (event) => {
    if (leaving || !unsaved()) return;
    event.preventDefault();
    event.returnValue = editor.dataset.unsaved || "";
  });
  // Arrived here from "save, then export": download the file of the version just saved.
  const auto = document.querySelector("a[data-auto-export]");
  if (auto) auto.click();
})();

// Times are stored in UTC; show them in the seller's own time zone ("2026-12-03 17:27").
const localTime = (iso) => {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return null;
  const two = (n) => String(n).padStart(2, "0");
  return `${when.getFullYear()}-${two(when.getMonth() + 1)}-${two(when.getDate())} ${two(when.getHours())}:${two(when.getMinutes())}`;
};
const showLocalTimes = (root) => {
  root.querySelectorAll("time.local-time[datetime]").forEach((node) => {
    const text = localTime(node.getAttribute("datetime"));
    if (text) node.textContent = text;
  });
};
showLocalTimes(document);

// The plan form: rows can be removed, "done" actions cannot be dated in the future (the letter would
// say it happened), and every change is saved by itself a moment after typing stops (debounced), with
// the state shown beside the form. The version travels with each save, so a tab left open elsewhere
// cannot overwrite newer work: the server refuses it and the page says so. Buttons that leave the plan
// (draft, ready sentences, a finding as a cause) submit the form, so the plan is saved first; a save
// still on its way is awaited before they go.
(() => {
  const form = document.getElementById("plan-form");
  if (!form) return;
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;
  const state = document.getElementById("plan-state");
  const words = form.dataset;
  const say = (kind, text) => {
    if (!state) return;
    state.className = `save-state ${kind}`;
    state.textContent = text;
  };
  let timer = null;
  let saving = null; // the save on its way, a promise
  let dirty = false;
  let leaving = false;

  const renumber = (list) => {
    // a phrase row's "remove" checkbox names its position: keep it true after a row goes
    Array.from(list.children).forEach((row, index) => {
      row.querySelectorAll("input[type=checkbox][name$='_remove']").forEach((box) => { box.value = String(index); });
    });
  };
  const changed = () => {
    dirty = true;
    say("unsaved", words.unsaved);
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  };
  const save = async () => {
    clearTimeout(timer);
    if (saving) await saving; // one save at a time, each with the version the last one returned
    if (!dirty) return;
    dirty = false;
    say("saving", words.saving);
    saving = (async () => {
      try {
        const response = await fetch(form.action, {
          method: "POST",
          body: new FormData(form),
          headers: { Accept: "application/json", "X-CSRF-Token": csrf() },
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok && body.version) {
          form.elements.version.value = String(body.version);
          say("saved", words.saved.replace("%(time)s", (localTime(body.updated_at) || "").slice(11)));
        } else {
          dirty = true;
          say("failed", `${words.failed} ${body.error || `HTTP ${response.status}`}`);
        }
      } catch (error) {
        dirty = true;
        say("failed", words.offline);
      }
    })();
    await saving;
    saving = null;
  };

  form.addEventListener("input", changed);
  form.addEventListener("change", (event) => {
    const field = event.target;
    if (field.name === "action_done") {
      const date = field.closest(".row").querySelector("input[name=action_date]");
      if (date) {
        if (field.value === "yes") date.max = new Date().toISOString().slice(0, 10);
        else date.removeAttribute("max");
      }
    }
    changed();
  });
  form.querySelectorAll(".remove-row").forEach((button) => { button.hidden = false; });
  form.addEventListener("click", (event) => {
    const button = event.target.closest(".remove-row");
    if (!button) return;
    const row = button.closest(".row");
    const list = row.parentElement;
    if (list.children.length > 1) {
      row.remove();
      renumber(list);
      const next = list.querySelector("input:not([type=hidden]), textarea");
      if (next) next.focus();
    } else {
      // the last row stays, emptied, so there is always a box to type in
      row.querySelectorAll(".phrase-view").forEach((view) => view.remove());
      row.querySelectorAll("[hidden]:not(.remove-row)").forEach((field) => { field.hidden = false; });
      row.querySelectorAll("input:not([type=checkbox]), textarea").forEach((field) => { field.value = ""; });
      row.querySelectorAll("select").forEach((field) => { field.selectedIndex = 0; });
    }
    changed();
  });
  form.addEventListener("submit", (event) => {
    if (saving) {
      // wait for the autosave on its way, then send this submit with the version it returned
      event.preventDefault();
      const submitter = event.submitter;
      saving.then(() => { dirty = false; form.requestSubmit(submitter); });
      return;
    }
    clearTimeout(timer);
    leaving = true;
  });
  window.addEventListener("beforeunload", (event) => {
    if (leaving || (!dirty && !saving)) return;
    save();
    event.preventDefault();
    event.returnValue = words.unsaved || "";
  });
})();

// Uploads: drop files on the box or choose several; each goes in its own request with its own
// progress bar; then the reports section is redrawn in place (the plan being typed is not touched)
// and, while the analysis runs, redrawn again when it is done.
(() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]').content;
  const section = () => document.getElementById("reports");
  if (!section()) return;
  const caseId = section().dataset.case;
  const escape = (text) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  const redraw = async () => {
    const response = await fetch(`/cases/${caseId}`, { headers: { Accept: "text/html" } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = page.getElementById("reports");
    if (!fresh) return;
    section().replaceWith(document.importNode(fresh, true));
    bind();
  };
  const follow = () => {
    // ask every two seconds whether the analysis is stored; stop after ten minutes
    let tries = 0;
    const tick = async () => {
      tries += 1;
      try {
        const response = await fetch(`/cases/${caseId}/analysis`, { headers: { Accept: "application/json" } });
        const body = await response.json();
        if (response.ok && !body.analysing) { await redraw(); return; }
      } catch (error) { /* the server is busy or restarting: ask again */ }
      if (tries < 300) setTimeout(tick, 2000);
    };
    setTimeout(tick, 1000);
  };
  const send = (form, file, row) => new Promise((resolve) => {
    const words = form.dataset;
    const bar = row.querySelector("progress");
    const status = row.querySelector(".upload-status");
    const data = new FormData();
    data.append("csrf_token", csrf());
    data.append("file", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.setRequestHeader("X-CSRF-Token", csrf());
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) bar.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener("load", () => {
      let body = {};
      try { body = JSON.parse(request.responseText); } catch (error) { /* not JSON: said below */ }
      const ok = request.status >= 200 && request.status < 300;
      const skipped = (body.skipped || [])[0];
      bar.value = 100;
      row.classList.add(ok && !skipped ? "done" : "failed");
      status.textContent = ok && !skipped ? words.done : `${words.failed}: ${skipped ? skipped.message : body.error || `HTTP ${request.status}`}`;
      resolve(ok && !skipped);
    });
    request.addEventListener("error", () => {
      row.classList.add("failed");
      status.textContent = words.offline;
      resolve(false);
    });
    request.send(data);
  });
  const upload = async (form, files) => {
    const list = form.querySelector(".upload-progress");
    const rows = files.map((file) => {
      const row = document.createElement("li");
      row.innerHTML = `<span class="upload-name">${escape(file.name)}</span> <progress max="100" value="0"></progress> <span class="upload-status">${escape(form.dataset.waiting)}</span>`;
      list.appendChild(row);
      return row;
    });
    let any = false;
    for (let i = 0; i < files.length; i += 1) {
      if (await send(form, files[i], rows[i])) any = true;
    }
    if (any) {
      const failed = list.querySelectorAll("li.failed");
      await redraw();
      // keep the rows that failed in view, with their reasons
      const again = document.querySelector("#reports .upload-progress");
      failed.forEach((row) => again.appendChild(row));
    }
  };
  const bind = () => {
    const form = document.getElementById("upload-form");
    showLocalTimes(section());
    if (section().dataset.analysing) follow();
    if (!form) return;
    const input = form.querySelector("input[type=file]");
    const zone = form.querySelector(".dropzone");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const files = Array.from(input.files);
      if (!files.length) { input.click(); return; }
      input.value = "";
      upload(form, files);
    });
    ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    }));
    ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, () => zone.classList.remove("dragging")));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      const files = Array.from(event.dataTransfer.files || []);
      if (files.length) upload(form, files);
    });
  };
  bind();
})();
