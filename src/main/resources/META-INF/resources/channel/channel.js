// The built-in approval channel: the queue, live over server-sent events. No build step.
"use strict";
const MOVES = ["acknowledge", "apologise", "fix", "report-back"];
const queue = document.getElementById("queue");
const cards = new Map();          // draftId -> {draft, el}
let presence = {};                // draftId -> [names]
let me = "";
let selected = null;

// The session's CSRF token: every call that changes something carries it (another origin cannot).
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
// Only web addresses become links; a "javascript:" or "data:" address from a webhook stays text.
const webLink = url => typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;

const api = async (method, path, body) => {
  const headers = {"X-CSRF-Token": csrf};
  if (body) headers["Content-Type"] = "application/json";
  const res = await fetch(path, {method, credentials: "same-origin", headers, body: body ? JSON.stringify(body) : undefined});
  const text = await res.text();
  return {ok: res.ok, status: res.status, body: text ? JSON.parse(text) : null};
};
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k === "style") e.style.cssText = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c.nodeType ? c : String(c));
  return e;
};
const ago = iso => {
  const s = Math.max(0, Math.round((Date.now() - new Date(iso)) / 1000));
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
};
const rank = d => ({complaint: 0, question: 1, praise: 2})[d.complaint?.triage?.kind] ?? 3;
const sev = d => ({critical: 0, high: 1, medium: 2})[d.complaint?.triage?.severity] ?? 3;
const order = (a, b) => rank(a) - rank(b) || sev(a) - sev(b) || new Date(a.complaint.receivedAt) - new Date(b.complaint.receivedAt);

function tone(report, kind) {
  const box = el("div", {class: "tone", "aria-label": "Tone check"});
  if (kind === "complaint") for (const m of MOVES) box.append(el("span", {class: report.moves.includes(m) ? "move" : "move missing"}, m));
  for (const f of report.findings) box.append(el("span", {class: "finding"}, `${f.message}: “${f.excerpt}”`));
  return box;
}

function drafterLabel(drafter) {
  return {guidelines: "Drafted from the guidelines", llm: "Drafted by the model", incident: "Composed from the incident's wording"}[drafter]
    || `Drafted by ${drafter}`;
}

function render(d) {
  const c = d.complaint, t = c.triage || {};
  const card = el("article", {class: "message", tabindex: "0", id: `draft-${d.id}`, "data-draft": d.id, onfocus: () => select(d.id)},
    el("div", {class: "meta"},
      el("span", {class: "author"}, c.author?.name || c.author?.handle || "Someone"),
      el("span", {}, c.source), webLink(c.url) ? el("a", {href: webLink(c.url), target: "_blank", rel: "noopener noreferrer"}, "link") : null,
      el("time", {datetime: c.receivedAt, title: c.receivedAt}, ago(c.receivedAt) + " ago"),
      el("span", {class: "tag"}, t.language || d.language), el("span", {class: `tag ${t.kind}`}, t.kind || "?"),
      el("span", {class: `tag ${t.severity}`}, t.severity || ""),
      ...(t.flags || []).map(f => el("span", {class: "tag high"}, f))),
    incidentNote(d),
    t.reasons?.length ? el("p", {class: "reading"}, `Read as ${t.kind}: ${t.reasons.join("; ")}`) : null,
    c.conversation?.length ? el("details", {class: "conversation"},
      el("summary", {}, `Answers an earlier message: the conversation so far (${c.conversation.length})`),
      ...c.conversation.map(m => el("p", {class: m.ours ? "ours" : "theirs"},
        el("b", {}, m.ours ? `Us${m.who ? ` (${m.who})` : ""}: ` : `${m.who || "Customer"}: `), m.text))) : null,
    c.subject ? el("div", {class: "subject"}, c.subject) : null,
    el("blockquote", {lang: t.language || d.language}, c.text),
    el("div", {class: "draft-label"}, `${drafterLabel(d.drafter)}${d.fallback ? ` (stood in: ${d.fallback})` : ""}`),
    el("div", {class: "draft"}, d.text),
    d.note && d.status === "pending" ? el("p", {class: "reading"}, d.note) : null,
    tone(d.toneCheck, t.kind),
    el("div", {class: "presence", role: "status"}, lookers(d.id)),
    el("div", {class: "actions"},
      el("button", {class: "approve", onclick: () => approve(d.id)}, "Approve"),
      el("button", {onclick: () => edit(d.id)}, "Edit"),
      el("button", {onclick: () => ask(d.id, "reject")}, "Reject"),
      el("button", {onclick: () => ask(d.id, "redraft")}, "Redraft")),
    el("div", {class: "panel", hidden: ""}),
    el("ol", {class: "thread"}, el("li", {}, `drafted ${ago(d.createdAt)} ago by ${d.drafter}`)));
  return card;
}

function lookers(id) {
  const looking = (presence[id] || []).filter(n => n !== me);
  return looking.length ? `${looking.join(", ")} ${looking.length > 1 ? "are" : "is"} looking at this` : "";
}

// A draft becomes a card unless its incident's card speaks for it (incidents.js).
function offer(d) {
  if (claimed(d)) {
    if (cards.has(d.id)) { cards.get(d.id).el.remove(); cards.delete(d.id); header(); }
    return;
  }
  put(d);
}

function put(d) {
  const old = cards.get(d.id);
  const card = render(d);
  if (old) old.el.replaceWith(card); else queue.append(card);
  cards.set(d.id, {draft: d, el: card});
  const sorted = [...cards.values()].sort((a, b) => order(a.draft, b.draft));
  for (const c of sorted) queue.append(c.el);
  if (selected === d.id) card.classList.add("selected");
  header();
}

function remove(id, note) {
  const c = cards.get(id);
  if (!c) return;
  cards.delete(id);
  c.el.querySelector(".thread").append(el("li", {}, note));
  c.el.classList.add("leaving");
  setTimeout(() => c.el.remove(), 700);
  if (selected === id) selected = null;
  header();
}

function header() {
  document.getElementById("depth").textContent = cards.size;
  const complaints = [...cards.values()].map(c => c.draft).filter(d => d.complaint?.triage?.kind === "complaint");
  const oldest = complaints.map(d => d.complaint.receivedAt).sort()[0];
  document.getElementById("oldest").textContent = oldest ? ago(oldest) : "none";
  document.getElementById("empty").hidden = cards.size > 0 || incidents.size > 0;
}

function select(id) {
  if (selected === id) return;
  document.querySelectorAll("article.selected").forEach(a => a.classList.remove("selected"));
  selected = id;
  cards.get(id)?.el.classList.add("selected");
  api("POST", "/api/channel/presence", {draftId: id});
}

// A draft's card, or a statement inside an incident card: approve and edit work the same on both.
const entry = id => cards.get(id) ?? statementEntry(id);

function panel(id) {
  const p = entry(id).el.querySelector(".panel");
  p.hidden = false;
  p.replaceChildren();
  return p;
}

async function approve(id, text, override) {
  const body = {};
  if (text !== undefined) body.text = text;
  if (override) body.override = override;
  const res = await api("POST", `/api/drafts/${id}/approve`, body);
  if (res.ok) { statementDecided(id); return remove(id, `approved by you`); }
  if (res.status === 422) return edit(id, text, res.body.findings);
  alert(res.body?.detail || `Could not approve (${res.status})`);
}

let toneTimer;
function edit(id, text, findings) {
  const d = entry(id).draft;
  const p = panel(id);
  const area = el("textarea", {"aria-label": "Reply text", class: "edit-text"});
  area.value = text ?? d.text;
  const notes = el("div", {class: "live-tone", "aria-live": "polite"});
  const override = el("input", {placeholder: "Send anyway? Give the reason (kept in the audit trail)", class: "override", hidden: ""});
  const show = report => {
    notes.replaceChildren(tone(report, d.complaint?.triage?.kind));
    override.hidden = report.findings.length === 0;
  };
  const check = async () => {
    const res = await api("POST", "/api/tone-check", {text: area.value, language: d.language, complaintText: d.complaint?.text});
    if (res.ok) show(res.body);
  };
  area.addEventListener("input", () => { clearTimeout(toneTimer); toneTimer = setTimeout(check, 250); });
  p.append(area, notes, override,
    el("div", {class: "actions"},
      el("button", {class: "primary send-edit", onclick: () => approve(id, area.value, override.value || undefined)}, "Send edited reply"),
      el("button", {onclick: () => { p.hidden = true; }}, "Cancel")));
  if (findings) show({moves: [], findings}); else check();
  area.focus();
}

function ask(id, action) {
  const p = panel(id);
  const field = action === "reject" ? "reason" : "hint";
  const input = el("input", {placeholder: action === "reject" ? "Why? (kept in the audit trail)" : "What should the new draft do differently?", class: `${action}-input`});
  const go = async () => {
    const res = await api("POST", `/api/drafts/${id}/${action}`, {[field]: input.value});
    if (res.ok) remove(id, action === "reject" ? "rejected by you" : "redraft requested by you");
    else alert(res.body?.detail || res.status);
  };
  input.addEventListener("keydown", e => { if (e.key === "Enter") go(); });
  p.append(input, el("div", {class: "actions"},
    el("button", {class: "primary", onclick: go}, action === "reject" ? "Reject" : "Ask for a redraft"),
    el("button", {onclick: () => { p.hidden = true; }}, "Cancel")));
  input.focus();
}

document.addEventListener("keydown", e => {
  // Ctrl+A, Ctrl+R, Cmd+… belong to the browser: a shortcut never fires with a modifier held.
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  if (e.target.matches("textarea, input, select, [contenteditable]")) { if (e.key === "Escape") { e.target.closest(".panel").hidden = true; cards.get(selected)?.el.focus(); } return; }
  const ids = [...queue.querySelectorAll("article.message")].map(a => a.dataset.draft).filter(id => cards.has(id));
  const i = ids.indexOf(selected);
  const focus = id => id && cards.get(id).el.focus();
  if (e.key === "j") focus(ids[Math.min(ids.length - 1, i + 1)] ?? ids[0]);
  else if (e.key === "k") focus(ids[Math.max(0, i - 1)]);
  else if (!selected) return;
  else if (e.key === "a") approve(selected);
  else if (e.key === "e") { e.preventDefault(); edit(selected); }
  else if (e.key === "r") { e.preventDefault(); ask(selected, "reject"); }
  else if (e.key === "d") { e.preventDefault(); ask(selected, "redraft"); }
});

// The Altibox lesson in one glance: are complaints answered as fast as praise?
async function fairness() {
  const res = await api("GET", "/api/reports/response?days=7");
  if (!res.ok) return;
  const rows = res.body.days;
  const max = Math.max(60, ...rows.map(r => r.medianSeconds || 0));
  const fmt = s => s == null ? "–" : s < 90 ? `${s}s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
  const table = el("table", {class: "chart"},
    el("thead", {}, el("tr", {}, el("th", {}, "day"), el("th", {}, "kind"), el("th", {}, "answered"), el("th", {}, "median (bar) · p90"))),
    el("tbody", {}, rows.map(r => el("tr", {class: r.kind},
      el("td", {}, r.day), el("td", {}, r.kind), el("td", {}, `${r.answered}/${r.arrived}`),
      el("td", {}, el("span", {class: "bar", style: `width:${Math.round(100 * (r.medianSeconds || 0) / max)}%`}),
        ` ${fmt(r.medianSeconds)} · ${fmt(r.p90Seconds)}`)))));
  document.getElementById("chart").replaceChildren(rows.length ? table : el("p", {}, "Nothing yet."));
}

function connect() {
  const status = document.getElementById("connection");
  const source = new EventSource("/api/channel/events");
  source.addEventListener("hello", async ev => {
    status.textContent = "live"; status.className = "online";
    presence = JSON.parse(ev.data).presence;
    await loadIncidents();
    const res = await api("GET", "/api/drafts?status=pending&limit=500");
    if (res.ok) { for (const d of res.body) if (!cards.has(d.id)) offer(d); }
    for (const c of [...cards.values()]) if (!res.body.some(d => d.id === c.draft.id)) remove(c.draft.id, "decided elsewhere");
  });
  source.addEventListener("draft", ev => {
    const {change, actor, draft} = JSON.parse(ev.data);
    if (change === "created" && draft.status === "pending") offer(draft);
    else if (draft.status !== "pending") { remove(draft.id, `${change} by ${actor}`); memberDecided(draft); }
  });
  source.addEventListener("incident", ev => showIncident(JSON.parse(ev.data).incident));
  source.addEventListener("presence", ev => {
    presence = JSON.parse(ev.data).presence;
    for (const [id, c] of cards) c.el.querySelector(".presence").textContent = lookers(id);
  });
  source.addEventListener("escalation", ev => {
    const e = JSON.parse(ev.data);
    const why = {"sla-breach": "has waited past its first-response deadline", "engagement-growing": "is drawing reactions fast, out of hours", "critical": "is critical (health, safety, grief, threats or the law): answer it first"}[e.reason] || "is severe, out of hours";
    const what = e.reason === "incident-formed"
      ? `an incident formed, “${(e.author || "").replace(/^Incident: /, "")}”: its public statement waits for approval. `
      : `a complaint from ${e.author || "a customer"} ${why}. `;
    const banner = el("div", {class: "banner"},
      `${e.onCall ? e.onCall + ", you are on call: " : ""}${what}`,
      e.draftId ? el("a", {href: `#draft-${e.draftId}`}, "Open it") : null,
      el("button", {class: "link", onclick: () => banner.remove()}, " Dismiss"));
    document.getElementById("banners").prepend(banner);
  });
  source.onerror = () => { status.textContent = "reconnecting…"; status.className = "offline"; };
}

(async () => {
  const s = await api("GET", "/api/channel/status");
  if (s.status === 401) { location.reload(); return; }
  me = s.body.agent;
  document.getElementById("hours").textContent = s.body.officeHours ? "office hours"
    : `out of hours${s.body.onCall ? ` · on call: ${s.body.onCall}` : ""}`;
  document.getElementById("me").textContent = me;
  connect();
  fairness();
  document.getElementById("fairness").addEventListener("toggle", fairness);
  setInterval(() => { header(); retickIncidents(); }, 15000);
  setInterval(() => selected && api("POST", "/api/channel/presence", {draftId: selected}), 20000);
})();
