// Storms on the channel page: one live card per incident above the queue. Its members' acknowledgements
// and report-backs collapse into the card's counts; only the held ones stay ordinary cards.
// Loaded before channel.js and called from it; it uses channel.js's el, api, ago, put, cards at run time.
"use strict";
const incidents = new Map();      // incidentId -> {id, detail, el, samples, answer, failed, keepOn, timer, dirty, statementEls}
const members = new Map();        // draftId -> pending draft of an incident (statement, acknowledgement, report-back)
const COLLAPSED = ["acknowledgement", "report-back"];
const RATE_WINDOW_MS = 10 * 60 * 1000;

function incidentState(id) {
  if (!incidents.has(id)) incidents.set(id, {id, detail: null, el: null, samples: [], answer: "", failed: false, keepOn: false, statementEls: new Map()});
  return incidents.get(id);
}

const isHeld = d => !!incidents.get(d.incidentId)?.detail?.held.some(h => h.draftId === d.id);

/** True when the draft is not a card of its own: a statement, or a member's acknowledgement or report-back that is not held. */
function claimed(d) {
  if (!d.incidentId || !(d.purpose === "statement" || COLLAPSED.includes(d.purpose))) return false;
  members.set(d.id, d);
  if (!incidents.get(d.incidentId)?.detail) { touchIncident(d.incidentId); return true; }
  return d.purpose === "statement" || !isHeld(d);
}

/** A decided member draft leaves the collapsed set; the incident's counts follow. */
function memberDecided(d) {
  members.delete(d.id);
  if (d.incidentId) touchIncident(d.incidentId);
}

/** The draft card's line saying which incident it belongs to and why a person must decide it. */
function incidentNote(d) {
  if (!d.incidentId) return null;
  const st = incidents.get(d.incidentId);
  const held = st?.detail?.held.find(h => h.draftId === d.id);
  return el("div", {class: "incident-note"}, el("span", {class: "tag incident-tag"}, `Incident: ${st?.detail?.title || "storm"}`),
    held ? ` held for a person: ${held.reason}` : null);
}

/** Where approve/edit find a statement inside an incident card (ordinary drafts live in cards). */
function statementEntry(id) {
  for (const st of incidents.values()) {
    const e = st.statementEls.get(id);
    if (e) return {draft: members.get(id) || statementDraft(st, id), el: e};
  }
  return undefined;
}

/** An approved statement: its edit panel closes so the next redraw shows it decided. */
function statementDecided(id) {
  const e = statementEntry(id);
  if (!e) return;
  e.el.querySelector(".panel").hidden = true;
  touchIncident(e.draft.incidentId);
}

const statementDraft = (st, id) => {
  const s = st.detail.statements.find(x => x.draftId === id);
  return {id, text: s.text, language: s.language, purpose: "statement", incidentId: st.id, complaint: null};
};

// Live updates: the incident event carries the detail; member drafts refresh it at most once a second.
function touchIncident(id) {
  const st = incidentState(id);
  if (st.timer) { st.dirty = true; return; }
  fetchIncident(id);
  st.timer = setTimeout(() => {
    st.timer = null;
    if (st.dirty) { st.dirty = false; touchIncident(id); }
  }, 1000);
}

async function fetchIncident(id) {
  const res = await api("GET", `/api/incidents/${id}`);
  if (res.ok) showIncident(res.body);
}

async function loadIncidents() {
  const res = await api("GET", "/api/incidents?status=open");
  if (!res.ok) return;
  await Promise.all(res.body.map(i => fetchIncident(i.id)));
}

function showIncident(detail) {
  if (detail.status === "merged") return mergedAway(detail);
  const st = incidentState(detail.id);
  const grew = st.detail?.size !== detail.size;
  st.detail = detail;
  drawIncident(st);
  resyncMembers(st);
  if (grew && st.samples.length < 3) fetchSamples(st);
  redrawMergeChoices();
  header();
}

/** Merged into another incident: its card goes, its members' drafts belong to the other one, whose card grows. */
function mergedAway(detail) {
  const st = incidents.get(detail.id);
  if (st?.el) st.el.remove();
  incidents.delete(detail.id);
  for (const d of members.values()) if (d.incidentId === detail.id) d.incidentId = detail.mergedInto;
  if (detail.mergedInto) touchIncident(detail.mergedInto);
  redrawMergeChoices();
  header();
}

/** Which open incidents a card can be merged into changes as incidents form and go: the cards' choices follow. */
let openKey = "";
function redrawMergeChoices() {
  const key = [...incidents.values()].filter(o => o.detail?.status === "open").map(o => `${o.id}:${o.detail.title}`).sort().join("|");
  if (key === openKey) return;
  openKey = key;
  for (const o of incidents.values()) if (o.detail && o.el) part(o, "incident-actions").replaceChildren(...actions(o));
}

async function fetchSamples(st) {
  const res = await api("GET", `/api/incidents/${st.id}/complaints?offset=0&limit=3`);
  if (!res.ok) return;
  st.samples = res.body.complaints;
  st.el.querySelector(".incident-samples").replaceChildren(...samples(st));
}

/** Held members become ordinary cards; the rest leave the queue quietly. */
function resyncMembers(st) {
  for (const d of members.values()) {
    if (d.incidentId !== st.id || !COLLAPSED.includes(d.purpose)) continue;
    if (isHeld(d)) put(d);
    else if (cards.has(d.id)) { cards.get(d.id).el.remove(); cards.delete(d.id); }
  }
}

// Drawing: a stable shell whose parts are redrawn, so an open edit or resolve note survives a live update.
function incidentShell(id) {
  return el("section", {class: "incident", id: `incident-${id}`, "aria-label": "Incident"},
    el("div", {class: "incident-head"}),
    el("div", {class: "incident-samples"}),
    el("div", {class: "incident-statements"}),
    el("div", {class: "incident-counts"}),
    el("div", {class: "actions incident-actions"}),
    el("p", {class: "incident-answer", role: "status", "aria-live": "polite"}),
    el("div", {class: "panel resolve-panel", hidden: ""}),
    el("div", {class: "incident-held"}));
}

function drawIncident(st) {
  if (!st.el) {
    st.el = incidentShell(st.id);
    document.getElementById("incidents").prepend(st.el);
  }
  const d = st.detail;
  st.el.classList.toggle("resolved", d.status !== "open");
  part(st, "incident-head").replaceChildren(...head(d));
  part(st, "incident-samples").replaceChildren(...samples(st));
  drawStatements(st);
  part(st, "incident-counts").replaceChildren(...counts(d));
  part(st, "incident-actions").replaceChildren(...actions(st));
  const answer = part(st, "incident-answer");
  answer.textContent = st.answer;
  answer.classList.toggle("error", st.failed);
  part(st, "incident-held").replaceChildren(...heldList(d));
}

const part = (st, name) => st.el.querySelector(`.${name}`);

/** The clock moves on: "since" and the ten-minute rate are redrawn now and then, between live updates. */
function retickIncidents() {
  for (const st of incidents.values()) if (st.detail) part(st, "incident-head").replaceChildren(...head(st.detail));
}

/** Complaints that arrived in the last ten minutes, from the arrivals per minute. */
const recentRate = d => d.perMinute.filter(m => Date.now() - Date.parse(m.minute) < RATE_WINDOW_MS).reduce((n, m) => n + m.count, 0);

const languages = d => Object.entries(d.languages).map(([lang, n]) => `${lang} ${n}`).join(" · ") || "–";

function head(d) {
  const open = d.status === "open";
  return [
    el("div", {class: "meta"},
      el("span", {class: `tag ${open ? "critical" : "praise"}`}, open ? "Incident" : "Resolved"),
      el("time", {datetime: d.firstAt, title: d.firstAt}, `since ${ago(d.firstAt)} ago`),
      ...(d.topics || []).map(t => el("span", {class: "tag"}, t))),
    el("h2", {class: "incident-title"}, d.title),
    el("dl", {class: "incident-stats"},
      stat(d.size, d.size === 1 ? "complaint" : "complaints", "incident-size"),
      stat(recentRate(d), "in the last 10 min", "incident-rate"),
      stat(languages(d), "languages", "incident-languages")),
    open ? null : el("p", {class: "incident-resolution"}, `Resolved by ${d.resolvedBy || "someone"}: `, el("q", {}, d.note || ""))
  ].filter(Boolean);
}

const stat = (value, label, cls) => el("div", {class: `stat ${cls}`}, el("dt", {}, label), el("dd", {}, String(value)));

function samples(st) {
  if (!st.samples.length) return [];
  return [el("div", {class: "section-label"}, `What customers write (${st.samples.length} of ${st.detail?.size ?? st.samples.length})`),
    ...st.samples.map(m => el("blockquote", {class: "sample"}, el("b", {}, `${m.authorName || "Someone"}: `), m.text))];
}

function drawStatements(st) {
  const box = part(st, "incident-statements");
  const list = st.detail.statements;
  const keep = new Map();
  for (const s of list) {
    const old = st.statementEls.get(s.draftId);
    const editing = old && !old.querySelector(".panel").hidden;
    keep.set(s.draftId, editing ? old : statement(s));
  }
  st.statementEls = keep;
  box.replaceChildren(...(list.length ? [el("div", {class: "section-label"}, list.length > 1 ? "Public statements" : "Public statement")] : []),
    ...keep.values());
}

function statement(s) {
  const pending = s.status === "pending";
  const link = webLink(s.url);
  return el("div", {class: "statement", id: `draft-${s.draftId}`, "data-draft": s.draftId},
    el("div", {class: "meta"}, el("span", {class: "tag"}, s.language), el("span", {class: `tag ${pending ? "" : "praise"}`}, s.status),
      link ? el("a", {href: link, target: "_blank", rel: "noopener noreferrer"}, "posted") : null),
    el("div", {class: "draft", lang: s.language}, s.status === "pending" ? signed(s.text) : s.text),
    pending ? el("div", {class: "actions"},
      el("button", {class: "approve approve-statement", onclick: () => approve(s.draftId)}, "Approve"),
      el("button", {class: "edit-statement", onclick: () => edit(s.draftId)}, "Edit")) : null,
    el("div", {class: "panel", hidden: ""}));
}

function counts(d) {
  const line = (label, c) => el("div", {class: "count-line"}, el("b", {}, `${label}: `),
    `${c.pending} waiting · ${c.held} held · ${c.approved} approved · ${c.sent} sent`);
  return [line("Acknowledgements", d.acknowledgements),
    d.status === "open" && !hasAny(d.reportBacks) ? null : line("Report-backs", d.reportBacks)].filter(Boolean);
}

const hasAny = c => c.pending + c.held + c.approved + c.sent + c.withdrawn > 0;

function actions(st) {
  const d = st.detail;
  if (d.status !== "open") return [bulkButton(st, "report-back", d.reportBacks.pending, "report-back", "report-backs")];
  return [
    bulkButton(st, "acknowledgement", d.acknowledgements.pending, "acknowledgement", "acknowledgements"),
    d.autoApproveBy ? autoOn(st) : keepOnBox(st),
    el("button", {class: "resolve", onclick: () => resolvePanel(st)}, "Resolve…"),
    mergeChoice(st)].filter(Boolean);
}

/** One storm the detector told as two: this card's complaints join another open incident, whose statement speaks for all. */
function mergeChoice(st) {
  const others = [...incidents.values()].filter(o => o.id !== st.id && o.detail?.status === "open");
  if (!others.length) return null;
  const pick = el("select", {class: "merge-into", "aria-label": "The open incident this one is part of"},
    ...others.map(o => el("option", {value: o.id}, `${o.detail.title} (${o.detail.size})`)));
  return el("span", {class: "merge"}, el("label", {}, "Same storm as ", pick),
    el("button", {class: "merge-go", onclick: () => merge(st, pick.value)}, "Merge into it"));
}

async function merge(st, into) {
  const res = await api("POST", `/api/incidents/${st.id}/merge`, {into});
  if (!res.ok) return answer(st, res.body?.detail || `Could not merge (${res.status})`, true);
  fetchIncident(st.id);
}

function bulkButton(st, purpose, n, one, many) {
  return el("button", {class: `primary approve-${many}`, ...(n ? {} : {disabled: ""}), onclick: () => bulkApprove(st, purpose)},
    `Approve ${n} ${n === 1 ? one : many}`);
}

function keepOnBox(st) {
  const box = el("input", {type: "checkbox", class: "keep-on"});
  box.checked = st.keepOn;
  box.addEventListener("change", () => { st.keepOn = box.checked; });
  return el("label", {class: "check"}, box, "also approve later ones on arrival");
}

function autoOn(st) {
  return el("span", {class: "auto-on"}, el("span", {class: "auto-note"}, `Approving later ones on arrival (${st.detail.autoApproveBy})`),
    el("button", {class: "stop-auto", onclick: () => stopAuto(st)}, "Stop approving on arrival"));
}

function heldList(d) {
  if (!d.held.length) return [];
  return [el("div", {class: "section-label"}, `Held for a person (${d.held.length}), in the queue below:`),
    el("ul", {}, d.held.map(h => el("li", {},
      el("a", {href: `#draft-${h.draftId}`}, members.get(h.draftId)?.complaint?.author?.name || "a customer"), ` · ${h.reason}`)))];
}

// Decisions on the whole incident.
function answer(st, text, failed) {
  st.answer = text;
  st.failed = failed;
  drawIncident(st);
}

async function bulkApprove(st, purpose) {
  st.el.querySelectorAll(".incident-actions button").forEach(b => { b.disabled = true; });
  const body = {purpose, except: [], continue: purpose === "acknowledgement" && st.keepOn};
  const res = await api("POST", `/api/incidents/${st.id}/approve`, body);
  if (res.ok) answer(st, `Approved ${res.body.approved} · ${res.body.held} held`, false);
  else answer(st, res.body?.detail || `Could not approve (${res.status})`, true);
  fetchIncident(st.id);
}

async function stopAuto(st) {
  const res = await api("POST", `/api/incidents/${st.id}/stop-auto`);
  if (res.ok) { st.keepOn = false; showIncident(res.body); answer(st, "Later ones wait for a person again", false); }
  else answer(st, res.body?.detail || `Could not stop (${res.status})`, true);
}

function resolvePanel(st) {
  const p = part(st, "resolve-panel");
  const note = el("input", {class: "resolve-note", "aria-label": "What was wrong and what was done",
    placeholder: "What was wrong and what was done? (goes into the update and every report-back)"});
  const go = () => resolve(st, note.value, p);
  note.addEventListener("keydown", e => { if (e.key === "Enter") go(); });
  p.replaceChildren(note, el("div", {class: "actions"},
    el("button", {class: "primary resolve-go", onclick: go}, "Resolve incident"),
    el("button", {onclick: () => { p.hidden = true; }}, "Cancel")));
  p.hidden = false;
  note.focus();
}

async function resolve(st, note, p) {
  if (!note.trim()) return answer(st, "Say what was wrong and what was done first", true);
  const res = await api("POST", `/api/incidents/${st.id}/resolve`, {note});
  if (!res.ok) return answer(st, res.body?.detail || `Could not resolve (${res.status})`, true);
  p.hidden = true;
  st.answer = "Resolved: the update and the report-backs are being drafted";
  st.failed = false;
  showIncident(res.body);
}
