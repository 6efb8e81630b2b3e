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
