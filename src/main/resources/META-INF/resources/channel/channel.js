// The built-in approval channel: the queue, live over server-sent events. No build step.
"use strict";
const MOVES = ["acknowledge", "apologise", "fix", "report-back"];
const queue = document.getElementById("queue");
const cards = new Map();          // draftId -> {draft, el}
let presence = {};                // draftId -> [names]
let me = {name: "", login: ""};
let selected = null;
let skew = 0;                     // server clock minus this browser's clock, in ms
let view = "pending";             // the queue, or a history view: sent, rejected, spam, withdrawn

// The page's words come from prompts/ui/<locale>.properties (GET /api/channel/texts); keys stand in until they load.
let T = {};
const t = (key, vars = {}) => (T[key] ?? key).replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? m);

// The session's CSRF token: every call that changes something carries it (another origin cannot).
const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
// Only web addresses become links; a "javascript:" or "data:" address from a webhook stays text.
const webLink = url => typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;

const api = async (method, path, body) => {
  const headers = {"X-CSRF-Token": csrf};
  if (body) headers["Content-Type"] = "application/json";
  try {
    const res = await fetch(path, {method, credentials: "same-origin", headers, body: body ? JSON.stringify(body) : undefined});
    const text = await res.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = {detail: text}; }
    return {ok: res.ok, status: res.status, body: parsed};
  } catch (e) {
    return {ok: false, status: 0, body: {detail: t("error.network")}};
  }
};
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v; else if (k === "style") e.style.cssText = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c.nodeType ? c : String(c));
  return e;
};
const now = () => Date.now() + skew;
const ago = iso => {
  const s = Math.max(0, Math.round((now() - new Date(iso)) / 1000));
  return s < 60 ? t("time.seconds", {n: s}) : s < 3600 ? t("time.minutes", {n: Math.round(s / 60)}) : s < 172800 ? t("time.hours", {n: Math.round(s / 3600)}) : t("time.days", {n: Math.round(s / 86400)});
};
// A time that keeps ticking: every [data-ago] element is rewritten by tick().
const since = iso => el("time", {datetime: iso, title: iso, "data-ago": iso}, t("time.ago", {when: ago(iso)}));
const tick = () => document.querySelectorAll("[data-ago]").forEach(e => { e.textContent = t("time.ago", {when: ago(e.dataset.ago)}); });
const rank = d => ({complaint: 0, question: 1, praise: 2})[d.complaint?.triage?.kind] ?? 3;
const sev = d => ({critical: 0, high: 1, medium: 2})[d.complaint?.triage?.severity] ?? 3;
const order = (a, b) => rank(a) - rank(b) || sev(a) - sev(b) || new Date(a.complaint.receivedAt) - new Date(b.complaint.receivedAt);
// What the customer will read: the placeholder becomes the approving agent's own name.
const signed = text => (text || "").replaceAll("{agent}", me.name);

function tone(report, kind) {
  const box = el("div", {class: "tone", "aria-label": t("tone.label")});
  if (kind === "complaint") for (const m of MOVES) box.append(el("span", {class: report.moves.includes(m) ? "move" : "move missing"}, t(`move.${m}`)));
  for (const f of report.findings) box.append(el("span", {class: "finding"}, `${f.message}: “${f.excerpt}”`));
  return box;
}

function drafterLabel(drafter) {
  return {guidelines: t("drafter.guidelines"), llm: t("drafter.llm"), incident: t("drafter.incident")}[drafter] || t("drafter.other", {who: drafter});
}

function render(d) {
  const c = d.complaint, t0 = c.triage || {};
  const lang = t0.language || d.language;
  const card = el("article", {class: "message", tabindex: "0", id: `draft-${d.id}`, "data-draft": d.id, onfocus: () => select(d.id),
      "aria-label": t("card.label", {who: c.author?.name || c.author?.handle || t("card.someone")})},
    el("div", {class: "meta"},
      el("button", {class: "author link", type: "button", title: t("customer.open"), onclick: () => customer(c)},
        c.author?.name || c.author?.handle || t("card.someone")),
      el("span", {}, c.source), webLink(c.url) ? el("a", {href: webLink(c.url), target: "_blank", rel: "noopener noreferrer"}, t("card.link")) : null,
      since(c.receivedAt),
      el("span", {class: "tag"}, lang), el("span", {class: `tag ${t0.kind}`}, t0.kind ? t(`kind.${t0.kind}`) : "?"),
      t0.severity ? el("span", {class: `tag ${t0.severity}`}, t(`severity.${t0.severity}`)) : null,
      ...(t0.flags || []).map(f => el("span", {class: "tag high"}, f))),
    incidentNote(d),
    t0.reasons?.length ? el("p", {class: "reading"}, t("card.readAs", {kind: t(`kind.${t0.kind}`), reasons: t0.reasons.join("; ")})) : null,
    c.conversation?.length ? el("details", {class: "conversation"},
      el("summary", {}, t("card.conversation", {n: c.conversation.length})),
      ...c.conversation.map(m => el("p", {class: m.ours ? "ours" : "theirs", lang: m.ours ? d.language : lang},
        el("b", {}, m.ours ? `${t("card.us")}${m.who ? ` (${m.who})` : ""}: ` : `${m.who || t("card.customer")}: `), m.text))) : null,
    c.subject ? el("div", {class: "subject", lang}, c.subject) : null,
    el("blockquote", {lang}, c.text),
    el("div", {class: "draft-label"}, `${drafterLabel(d.drafter)}${d.fallback ? ` (${t("card.stoodIn", {why: d.fallback})})` : ""} · `,
      el("span", {class: "signed"}, t("card.signed", {name: me.name}))),
    el("div", {class: "draft", lang: d.language}, signed(d.text)),
    d.note && d.status === "pending" ? el("p", {class: "reading"}, d.note) : null,
    tone(d.toneCheck, t0.kind),
    el("div", {class: "presence", role: "status"}, lookers(d.id)),
    el("div", {class: "taken", role: "status"}, takenLine(d)),
    el("div", {class: "card-error error", role: "alert"}),
    el("div", {class: "actions"},
      el("button", {class: "approve", onclick: () => approve(d.id)}, t("action.approve")),
      el("button", {class: "edit", onclick: () => edit(d.id)}, t("action.edit")),
      el("button", {class: "reject", onclick: () => ask(d.id, "reject")}, t("action.reject")),
      el("button", {class: "redraft", onclick: () => ask(d.id, "redraft")}, t("action.redraft")),
      takeButton(d)),
    el("div", {class: "panel", hidden: ""}),
    el("ol", {class: "thread"}, el("li", {}, t("thread.drafted", {who: drafterLabel(d.drafter)}), " ", since(d.createdAt))));
  return card;
}

// Taking a draft: colleagues see who has it, and it leaves their queue until released or idle.
const takenByOther = d => d.takenBy && d.takenBy !== me.login && Date.parse(d.takenUntil) > now();
const takenLine = d => !d.takenBy ? "" : d.takenBy === me.login ? t("taken.mine") : t("taken.theirs", {who: d.takenByName});
const takeButton = d => d.takenBy === me.login
  ? el("button", {class: "release", onclick: () => takeOrRelease(d.id, "release")}, t("action.release"))
  : el("button", {class: "take", onclick: () => takeOrRelease(d.id, "take")}, t("action.take"));

async function takeOrRelease(id, action) {
  const res = await api("POST", `/api/drafts/${id}/${action}`);
  if (!res.ok) return showError(id, res.body?.detail || t("error.status", {status: res.status}));
  retaken(res.body);
}

// Taken or released (here or by a colleague): the card is updated in place, so an edit in progress stays.
function retaken(d) {
  const c = cards.get(d.id);
  if (!c) { if (d.status === "pending") offer(d); return; }
  c.draft = d;
  c.el.querySelector(".taken").textContent = takenLine(d);
  c.el.querySelector(".take, .release")?.replaceWith(takeButton(d));
  filter(c.el, d);
  header();
}

function lookers(id) {
  const looking = (presence[id] || []).filter(n => n !== me.name);
  return looking.length ? t(looking.length > 1 ? "presence.many" : "presence.one", {names: looking.join(", ")}) : "";
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
  cards.set(d.id, {draft: d, el: card});
  if (old) old.el.remove();
  // The queue is kept in order: a new card goes before the first that should come after it.
  const next = [...queue.children].find(e => e !== card && cards.get(e.dataset.draft) && order(d, cards.get(e.dataset.draft).draft) < 0);
  queue.insertBefore(card, next || null);
  if (selected === d.id) card.classList.add("selected");
  filter(card, d);
  header();
}

// Many drafts at once (the page opening on a long queue): rendered off the page, sorted once, added in one go.
function putAll(list) {
  const f = filters();
  const fresh = document.createDocumentFragment();
  for (const d of list.filter(x => !cards.has(x.id) && !claimed(x)).sort(order)) {
    const card = render(d);
    cards.set(d.id, {draft: d, el: card});
    filter(card, d, f);
    fresh.append(card);
  }
  queue.append(fresh);
  const sorted = [...cards.values()].sort((a, b) => order(a.draft, b.draft)).map(c => c.el);
  if (sorted.some((e, i) => queue.children[i] !== e)) queue.append(...sorted);
  header();
}

// The whole queue, 500 drafts a request, all requests at once; the first page is drawn as soon as it
// arrives, the rest in slices so that the page answers keys and clicks meanwhile. Null if a request failed.
async function loadPending() {
  const page = offset => api("GET", `/api/drafts?status=pending&limit=500&offset=${offset}`);
  const [status, first] = await Promise.all([api("GET", "/api/channel/status"), page(0)]);
  if (!first.ok) return null;
  putAll(first.body.slice(0, 100));        // more than a screenful, at once; the rest follows in slices
  performance.mark("ydmyk:first-page");
  const all = [...first.body];
  const offsets = [];
  for (let o = 500; first.body.length === 500 && o < (status.body?.pending || 0) + 500; o += 500) offsets.push(o);
  const rest = await Promise.all(offsets.map(page));
  if (rest.some(r => !r.ok)) return null;
  let last = first.body;
  for (const r of rest) { all.push(...r.body); last = r.body; }
  for (let o = 500 * (offsets.length + 1); last.length === 500; o += 500) {   // the queue grew meanwhile
    const r = await page(o);
    if (!r.ok) return null;
    all.push(...r.body);
    last = r.body;
  }
  for (let i = Math.min(100, first.body.length); i < all.length; i += 250) {
    await new Promise(resolve => setTimeout(resolve));
    putAll(all.slice(i, i + 250));
  }
  performance.mark("ydmyk:queue-drawn");
  return all;
}

// A decided draft leaves the queue. An edit in progress stays, read-only, with its text kept to copy.
function remove(id, note, byMe) {
  const c = cards.get(id);
  if (!c) return;
  cards.delete(id);
  const area = c.el.querySelector(".panel:not([hidden]) textarea");
  if (area && !byMe) {
    c.el.classList.add("overtaken");
    area.readOnly = true;
    c.el.querySelectorAll(".actions button, .panel button").forEach(b => { b.disabled = true; });
    const warning = el("div", {class: "warning", role: "alert"}, t("overtaken", {what: note}),
      el("button", {class: "close", onclick: () => c.el.remove()}, t("action.close")));
    c.el.querySelector(".panel").prepend(warning);
    header();
    return;
  }
  c.el.querySelector(".thread").append(el("li", {}, note));
  c.el.classList.add("leaving");
  setTimeout(() => c.el.remove(), 700);
  if (selected === id) selected = null;
  header();
}

function header() {
  const shown = [...cards.values()];
  document.getElementById("depth").textContent = shown.length || incidents.size
    ? t("header.waiting", {n: shown.length}) : t("header.nothing");
  const complaints = shown.map(c => c.draft).filter(d => d.complaint?.triage?.kind === "complaint");
  const oldest = complaints.map(d => d.complaint.receivedAt).sort()[0];
  document.getElementById("oldest").textContent = oldest ? t("header.oldest", {when: ago(oldest)}) : t("header.noComplaint");
  document.getElementById("empty").hidden = view !== "pending" || shown.length > 0 || incidents.size > 0;
  const hidden = shown.filter(c => c.el.hidden).length;
  document.getElementById("filtered").textContent = hidden ? t("filter.hidden", {n: hidden}) : "";
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

function closePanel(id) {
  const e = id && entry(id);
  const p = e?.el.querySelector(".panel");
  if (p && !e.el.classList.contains("overtaken")) { p.hidden = true; p.replaceChildren(); }
  if (cards.has(id)) cards.get(id).el.focus();
}

// Errors are said on the card, where the agent is looking; never in a pop-up.
function showError(id, message) {
  const box = entry(id)?.el.querySelector(".card-error") || entry(id)?.el.querySelector(".panel");
  if (box) box.replaceChildren(el("span", {class: "error", role: "alert"}, message));
}

async function approve(id, text, override) {
  const body = {};
  if (text !== undefined) body.text = text;
  if (override) body.override = override;
  const res = await api("POST", `/api/drafts/${id}/approve`, body);
  if (res.ok) { statementDecided(id); return sending(res.body); }
  if (res.status === 422) return edit(id, text, res.body.findings, t("error.flagged"));
  showError(id, res.body?.detail || t("error.status", {status: res.status}));
}

// "Sending in 9 s — Undo": an approval waits for its undo window before publishing starts.
const countdowns = new Map();
function sending(d) {
  const e = entry(d.id);
  const until = d.undoUntil ? Date.parse(d.undoUntil) : 0;
  const who = d.decidedBy === me.login ? t("you") : (d.decidedByName || d.decidedBy);
  if (!e || until <= now()) {
    if (cards.has(d.id)) remove(d.id, t("thread.approved", {who}), d.decidedBy === me.login);
    return;
  }
  if (countdowns.has(d.id)) return;
  const mine = d.decidedBy === me.login;
  if (!mine && e.el.querySelector(".panel:not([hidden]) textarea")) {
    // A colleague approved what this agent is editing: the edit stays, read-only, to copy.
    remove(d.id, t("thread.approved", {who}), false);
    return;
  }
  e.el.classList.add("sending");
  const label = el("span", {class: "countdown"});
  const undoButton = d.decidedBy === me.login ? el("button", {class: "undo", onclick: () => undo(d.id)}, t("action.undo")) : null;
  const bar = el("div", {class: "sending-bar", role: "status"}, label, undoButton);
  e.el.querySelector(".actions")?.before(bar);
  const update = () => {
    const left = Math.ceil((until - now()) / 1000);
    if (left <= 0) { stopCountdown(d.id); if (cards.has(d.id)) remove(d.id, t("thread.approved", {who}), mine); return; }
    label.textContent = d.decidedBy === me.login ? t("sending.mine", {n: left}) : t("sending.theirs", {who, n: left});
  };
  countdowns.set(d.id, {timer: setInterval(update, 250), bar});
  update();
  if (undoButton) undoButton.focus();
}

function stopCountdown(id) {
  const c = countdowns.get(id);
  if (!c) return;
  clearInterval(c.timer);
  c.bar.remove();
  countdowns.delete(id);
  entry(id)?.el.classList.remove("sending");
}

async function undo(id) {
  const res = await api("POST", `/api/drafts/${id}/undo`);
  if (!res.ok) return showError(id, res.body?.detail || t("error.status", {status: res.status}));
  undone(res.body);
}

function undone(d) {
  stopCountdown(d.id);
  if (d.purpose === "statement" && d.incidentId) { touchIncident(d.incidentId); return; }
  offer(d);
  cards.get(d.id)?.el.focus();
}

// Approving from the keyboard first shows what will be sent, signed; Enter sends.
function confirmApprove(id) {
  const d = entry(id).draft;
  const p = panel(id);
  const send = el("button", {class: "primary confirm-send", onclick: () => { p.hidden = true; approve(id); }}, t("action.send"));
  p.append(el("p", {class: "preview-label"}, t("confirm.label", {name: me.name})),
    el("div", {class: "draft preview", lang: d.language}, signed(d.text)),
    el("div", {class: "actions"}, send, el("button", {onclick: () => closePanel(id)}, t("action.cancel"))));
  send.focus();
}

let toneTimer;
function edit(id, text, findings, error) {
  const d = entry(id).draft;
  const p = panel(id);
  const areaId = `edit-${id}`, overrideId = `override-${id}`;
  const area = el("textarea", {id: areaId, class: "edit-text", lang: d.language});
  area.value = text ?? signed(d.text);
  const notes = el("div", {class: "live-tone", "aria-live": "polite"});
  const override = el("input", {id: overrideId, class: "override"});
  const overrideBox = el("div", {class: "field", hidden: ""}, el("label", {for: overrideId}, t("edit.overrideLabel")), override);
  const problem = el("div", {class: "edit-error error", role: "alert"}, error || "");
  let flagged = false;
  const show = report => {
    notes.replaceChildren(tone(report, d.complaint?.triage?.kind));
    flagged = report.findings.length > 0;
    overrideBox.hidden = !flagged;
    if (!flagged) problem.textContent = "";
  };
  const check = async () => {
    const res = await api("POST", "/api/tone-check", {text: area.value, language: d.language, complaintText: d.complaint?.text});
    if (res.ok) show(res.body);
  };
  const send = async () => {
    if (flagged && !override.value.trim()) {
      clearTimeout(toneTimer);
      await check();      // the text may have changed since the last check
      if (flagged) {
        problem.textContent = t("error.flagged");
        override.focus();
        return;
      }
    }
    approve(id, area.value, override.value.trim() || undefined);
  };
  area.addEventListener("input", () => { clearTimeout(toneTimer); toneTimer = setTimeout(check, 250); });
  p.append(el("label", {for: areaId}, t("edit.label", {name: me.name})), area, notes, overrideBox, problem,
    el("div", {class: "actions"},
      el("button", {class: "primary send-edit", onclick: send}, t("action.sendEdited")),
      el("button", {class: "cancel", onclick: () => closePanel(id)}, t("action.cancel"))));
  if (findings) { show({moves: [], findings}); override.focus(); } else { check(); area.focus(); }
}

function ask(id, action) {
  const p = panel(id);
  const field = action === "reject" ? "reason" : "hint";
  const inputId = `${action}-${id}`;
  const input = el("input", {id: inputId, class: `${action}-input`});
  const problem = el("div", {class: "error", role: "alert"});
  const go = async () => {
    if (!input.value.trim()) { problem.textContent = t(`${action}.required`); input.focus(); return; }
    const res = await api("POST", `/api/drafts/${id}/${action}`, {[field]: input.value});
    if (res.ok) remove(id, t(action === "reject" ? "thread.rejected" : "thread.redraft", {who: t("you")}), true);
    else problem.textContent = res.body?.detail || t("error.status", {status: res.status});
  };
  input.addEventListener("keydown", e => { if (e.key === "Enter") go(); });
  p.append(el("label", {for: inputId}, t(`${action}.label`)), input, problem, el("div", {class: "actions"},
    el("button", {class: "primary", onclick: go}, t(action === "reject" ? "action.reject" : "action.askRedraft")),
    el("button", {class: "cancel", onclick: () => closePanel(id)}, t("action.cancel"))));
  input.focus();
}

document.addEventListener("keydown", e => {
  // Ctrl+A, Ctrl+R, Cmd+… belong to the browser: a shortcut never fires with a modifier held.
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
  if (e.key === "Escape") {
    // The innermost thing open closes first: a customer's history, the tray, then a card's panel.
    const customerBox = document.querySelector("aside.customer");
    if (customerBox) { customerBox.remove(); return; }
    if (!document.getElementById("tray").hidden) { toggleTray(false); return; }
    const open = e.target.closest?.("article, .statement");
    const id = open?.dataset.draft || selected;
    if (id) closePanel(id);
    return;
  }
  if (e.target.matches("textarea, input, select, [contenteditable]")) return;
  if (e.target.matches("button, a, summary") && e.key === "Enter") return;
  if (view !== "pending") return;
  const ids = [...queue.querySelectorAll("article.message:not([hidden])")].map(a => a.dataset.draft).filter(id => cards.has(id));
  const i = ids.indexOf(selected);
  const focus = id => id && cards.get(id).el.focus();
  if (e.key === "j") focus(ids[Math.min(ids.length - 1, i + 1)] ?? ids[0]);
  else if (e.key === "k") focus(ids[Math.max(0, i - 1)]);
  else if (e.key === "/") { e.preventDefault(); document.getElementById("search").focus(); }
  else if (!selected || !cards.has(selected)) return;
  else if (e.key === "a") { e.preventDefault(); confirmApprove(selected); }
  else if (e.key === "e") { e.preventDefault(); edit(selected); }
  else if (e.key === "r") { e.preventDefault(); ask(selected, "reject"); }
  else if (e.key === "d") { e.preventDefault(); ask(selected, "redraft"); }
  else if (e.key === "t") { e.preventDefault(); takeOrRelease(selected, cards.get(selected).draft.takenBy === me.login ? "release" : "take"); }
});

// Filters and search over the queue: everything is already on the page, so they answer at once.
const filters = () => ({
  q: document.getElementById("search").value.trim().toLowerCase(),
  kind: document.getElementById("f-kind").value, severity: document.getElementById("f-severity").value,
  language: document.getElementById("f-language").value, source: document.getElementById("f-source").value,
  older: Number(document.getElementById("f-older").value || 0), mine: document.getElementById("f-mine").checked});

function filter(card, d, f = filters()) {
  const c = d.complaint || {}, tr = c.triage || {};
  const hay = `${c.text} ${d.text} ${c.author?.name || ""} ${c.author?.handle || ""}`.toLowerCase();
  card.hidden = !((f.mine ? d.takenBy === me.login : !takenByOther(d)) && (!f.q || hay.includes(f.q)) && (!f.kind || tr.kind === f.kind) && (!f.severity || tr.severity === f.severity)
    && (!f.language || (tr.language || d.language) === f.language) && (!f.source || c.source === f.source)
    && (!f.older || now() - Date.parse(c.receivedAt) >= f.older * 60000));
}

function refilter() {
  const f = filters();
  for (const c of cards.values()) filter(c.el, c.draft, f);
  if (view !== "pending") history(view);
  header();
}

// History: what was sent, rejected, kept as spam or withdrawn, with who did what (GET /api/complaints).
async function history(status) {
  const list = document.getElementById("history");
  const q = document.getElementById("search").value.trim();
  const res = await api("GET", `/api/complaints?status=${status}&limit=50${q ? `&q=${encodeURIComponent(q)}` : ""}`);
  if (!res.ok) { list.replaceChildren(el("p", {class: "error", role: "alert"}, res.body?.detail || t("error.status", {status: res.status}))); return; }
  const items = res.body.items;
  list.replaceChildren(el("p", {class: "history-count"}, t("history.count", {n: res.body.total})),
    ...items.map(c => el("article", {class: "past", lang: c.triage?.language},
      el("div", {class: "meta"},
        el("button", {class: "author link", type: "button", onclick: () => customer(c)}, c.author?.name || c.author?.handle || t("card.someone")),
        el("span", {}, c.source), since(c.receivedAt),
        c.triage?.kind ? el("span", {class: `tag ${c.triage.kind}`}, t(`kind.${c.triage.kind}`)) : null),
      el("blockquote", {lang: c.triage?.language}, c.text),
      c.reply ? el("div", {class: "draft", lang: c.reply.language}, c.reply.text) : null,
      el("p", {class: "who"}, c.decision ? t(`history.${c.decision.action}`, {who: c.decision.by, note: c.decision.note || ""}) : "",
        c.decision?.at ? " · " : "", c.decision?.at ? since(c.decision.at) : null))));
  tick();
}

function show(which) {
  view = which;
  document.querySelectorAll("#views button").forEach(b => b.setAttribute("aria-pressed", String(b.dataset.view === which)));
  queue.hidden = which !== "pending";
  document.getElementById("incidents").hidden = which !== "pending";
  document.getElementById("history").hidden = which === "pending";
  if (which !== "pending") history(which);
  header();
}

// A customer's earlier posts and our replies to them.
async function customer(c) {
  document.querySelector(".customer")?.remove();
  const handle = c.author?.handle;
  if (!handle) return;
  const res = await api("GET", `/api/complaints?source=${encodeURIComponent(c.source)}&handle=${encodeURIComponent(handle)}&limit=20`);
  const close = el("button", {class: "close", onclick: () => box.remove()}, t("action.close"));
  const box = el("aside", {class: "customer", role: "dialog", "aria-label": t("customer.title", {who: c.author?.name || handle}), tabindex: "-1"},
    el("h2", {}, t("customer.title", {who: c.author?.name || handle}), " ", close),
    ...(res.ok ? res.body.items : []).map(p => el("div", {class: "past"},
      el("div", {class: "meta"}, since(p.receivedAt), el("span", {}, p.status)),
      el("blockquote", {lang: p.triage?.language}, p.text),
      p.reply ? el("div", {class: "draft", lang: p.reply.language}, p.reply.text) : el("p", {class: "who"}, t("customer.noReply")))));
  document.body.append(box);
  tick();
  close.focus();
}

// The Altibox lesson in one glance: are complaints answered as fast as praise?
async function fairness() {
  const res = await api("GET", "/api/reports/response?days=7");
  if (!res.ok) return;
  const rows = res.body.days;
  const max = Math.max(60, ...rows.map(r => r.medianSeconds || 0));
  const fmt = s => s == null ? "–" : s < 90 ? `${s}s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
  const table = el("table", {class: "chart"},
    el("thead", {}, el("tr", {}, el("th", {}, t("chart.day")), el("th", {}, t("chart.kind")), el("th", {}, t("chart.answered")), el("th", {}, t("chart.median")))),
    el("tbody", {}, rows.map(r => el("tr", {class: r.kind},
      el("td", {}, r.day), el("td", {}, t(`kind.${r.kind}`)), el("td", {}, `${r.answered}/${r.arrived}`),
      el("td", {}, el("span", {class: "bar", style: `width:${Math.round(100 * (r.medianSeconds || 0) / max)}%`}),
        ` ${fmt(r.medianSeconds)} · ${fmt(r.p90Seconds)}`)))));
  document.getElementById("chart").replaceChildren(rows.length ? table : el("p", {}, t("chart.nothing")));
}

function connect() {
  const status = document.getElementById("connection");
  const source = new EventSource("/api/channel/events");
  source.addEventListener("hello", async ev => {
    status.textContent = t("connection.live"); status.className = "online"; status.dataset.state = "live";
    presence = JSON.parse(ev.data).presence;
    await loadIncidents();
    const pending = await loadPending();
    const complete = pending !== null;
    const ids = new Set((pending || []).map(d => d.id));
    if (complete) for (const c of [...cards.values()]) if (!ids.has(c.draft.id)) remove(c.draft.id, t("thread.elsewhere"));
    loadNotices();
    header();
  });
  source.addEventListener("draft", ev => {
    const {change, actor, draft} = JSON.parse(ev.data);
    const who = actor === me.login ? t("you") : (draft.decidedByName || actor);
    if (change === "created" && draft.status === "pending") offer(draft);
    else if (change === "undone") undone(draft);
    else if (change === "taken" || change === "released") retaken(draft);
    else if (change === "approved" && draft.undoUntil) { sending(draft); memberDecided(draft); }
    else if (draft.status !== "pending") {
      stopCountdown(draft.id);
      remove(draft.id, t(`thread.${change}`, {who}), actor === me.login);
      memberDecided(draft);
    }
  });
  source.addEventListener("incident", ev => showIncident(JSON.parse(ev.data).incident));
  source.addEventListener("presence", ev => {
    presence = JSON.parse(ev.data).presence;
    for (const [id, c] of cards) c.el.querySelector(".presence").textContent = lookers(id);
  });
  source.addEventListener("notice", ev => addNotice(JSON.parse(ev.data)));
  source.onerror = () => { status.textContent = t("connection.reconnecting"); status.className = "offline"; status.dataset.state = "offline"; };
}

// The notices tray: on-call pings, deadlines, incidents, mailbox trouble… grouped by kind, kept until dismissed.
const notices = new Map();        // id -> notice
function noticeText(n) {
  return n.author !== undefined && n.author !== null && T[`notice.${n.kind}`] ? t(`notice.${n.kind}`, {author: n.author || t("card.customer")}) : n.title;
}

async function loadNotices() {
  const res = await api("GET", "/api/notices");
  if (!res.ok) return;
  // Notices that arrived live while this was on its way are newer than the answer: they stay.
  const kept = new Set(res.body.notices.map(n => n.id));
  const newest = Math.max(0, ...kept);
  for (const id of [...notices.keys()]) if (id <= newest && !kept.has(id)) notices.delete(id);
  for (const n of res.body.notices) notices.set(n.id, n);
  drawTray();
}

function addNotice(n) {
  notices.set(n.id, n);
  drawTray();
}

async function dismiss(ids) {
  const res = await api("POST", "/api/notices/dismiss", {ids});
  if (res.ok) { ids.forEach(id => notices.delete(id)); drawTray(); }
}

function drawTray() {
  const count = notices.size;
  const button = document.getElementById("tray-button");
  button.textContent = t("tray.button", {n: count});
  button.classList.toggle("urgent", [...notices.values()].some(n => n.urgent));
  const groups = new Map();
  for (const n of [...notices.values()].sort((a, b) => b.at.localeCompare(a.at))) {
    if (!groups.has(n.kind)) groups.set(n.kind, []);
    groups.get(n.kind).push(n);
  }
  const tray = document.getElementById("tray");
  tray.replaceChildren(el("h2", {}, t("tray.title")),
    ...(count ? [] : [el("p", {class: "muted"}, t("tray.empty"))]),
    ...[...groups].map(([kind, list]) => el("section", {class: `notice-group ${kind}`, "data-kind": kind},
      el("h3", {}, el("span", {class: "group-title"}, `${T[`kind-title.${kind}`] ? t(`kind-title.${kind}`) : kind} (${list.length})`),
        el("button", {class: "link dismiss-all", onclick: () => dismiss(list.map(n => n.id))}, t("tray.dismissAll"))),
      el("ul", {}, list.slice(0, 20).map(n => el("li", {class: "notice", "data-notice": n.id},
        el("b", {}, noticeText(n)), " ", since(n.at),
        ...(n.lines || []).map(l => el("div", {class: "line"}, l)),
        n.draftId ? el("a", {href: `#draft-${n.draftId}`, onclick: () => toggleTray(false)}, t("tray.open")) : null, " ",
        el("button", {class: "link dismiss", onclick: () => dismiss([n.id])}, t("tray.dismiss"))))),
      list.length > 20 ? el("p", {class: "muted"}, t("tray.more", {n: list.length - 20})) : null)));
}

function toggleTray(open) {
  const tray = document.getElementById("tray");
  const button = document.getElementById("tray-button");
  tray.hidden = open === undefined ? !tray.hidden : !open;
  button.setAttribute("aria-expanded", String(!tray.hidden));
  if (!tray.hidden) tray.focus();
}

// The page's words, in the agent's language (their setting, else the browser's), switchable in the header.
async function texts(locale) {
  const res = await api("GET", `/api/channel/texts${locale ? `?locale=${encodeURIComponent(locale)}` : ""}`);
  if (!res.ok) return;
  T = res.body.texts;
  document.documentElement.lang = res.body.locale;
  document.getElementById("locale").value = res.body.locale;
  document.querySelectorAll("[data-t]").forEach(e => { e.textContent = t(e.dataset.t); });
  document.querySelectorAll("[data-t-label]").forEach(e => e.setAttribute("aria-label", t(e.dataset.tLabel)));
  document.querySelectorAll("option[data-t]").forEach(o => { o.textContent = t(o.dataset.t); });
}

function redrawAll() {
  for (const c of [...cards.values()]) put(c.draft);
  drawTray();
  fairness();
  if (view !== "pending") history(view);
  header();
}

(async () => {
  // Without a choice of its own the page takes the server's (the agent's setting, else the browser's).
  const [s] = await Promise.all([api("GET", "/api/channel/status"), texts(localStorage.getItem("ydmyk.locale"))]);
  if (s.status === 401) { location.reload(); return; }
  me = {name: s.body.agent, login: s.body.login};
  skew = Date.parse(s.body.now) - Date.now();
  const hours = () => {
    document.getElementById("hours").textContent = s.body.officeHours ? t("header.officeHours")
      : `${t("header.outOfHours")}${s.body.onCall ? ` · ${t("header.onCall", {name: s.body.onCall})}` : ""}`;
    const c = document.getElementById("connection");
    if (c.dataset.state === "live") c.textContent = t("connection.live");
  };
  hours();
  // On a phone the queue comes first; the filters open on demand.
  if (window.matchMedia("(max-width: 40rem)").matches) document.getElementById("filter-box").open = false;
  document.getElementById("me").textContent = me.name;
  document.getElementById("locale").addEventListener("change", async e => {
    localStorage.setItem("ydmyk.locale", e.target.value);
    await texts(e.target.value);
    hours();
    redrawAll();
  });
  const compact = document.getElementById("compact");
  compact.checked = localStorage.getItem("ydmyk.compact") === "1";
  document.body.classList.toggle("compact", compact.checked);
  compact.addEventListener("change", () => { document.body.classList.toggle("compact", compact.checked); localStorage.setItem("ydmyk.compact", compact.checked ? "1" : "0"); });
  for (const id of ["search", "f-kind", "f-severity", "f-language", "f-source", "f-older", "f-mine"]) {
    document.getElementById(id).addEventListener("input", refilter);
    document.getElementById(id).addEventListener("change", refilter);
  }
  document.querySelectorAll("#views button").forEach(b => b.addEventListener("click", () => show(b.dataset.view)));
  document.getElementById("tray-button").addEventListener("click", () => toggleTray());
  document.getElementById("filters").addEventListener("submit", e => e.preventDefault());
  connect();
  fairness();
  document.getElementById("fairness").addEventListener("toggle", fairness);
  setInterval(() => { tick(); header(); retickIncidents(); }, 15000);
  setInterval(() => selected && api("POST", "/api/channel/presence", {draftId: selected}), 20000);
})();
