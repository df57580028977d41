/* The ops dashboard: reads the ops API of the same origin and draws it with Chart.js (served locally, no CDN). */
'use strict';

const CHANNELS = { email: 'Email', whatsapp: 'WhatsApp', web_form: 'Web form' };
const COLORS = { email: '#2e90fa', whatsapp: '#12b76a', web_form: '#9e77ed', p95: '#f79009', agent: '#667085', dlq: '#d92d20', threshold: '#d92d20' };
const REASONS = {
  pricing: 'Pricing', refund: 'Refund', legal: 'Legal', human_requested: 'Asked for a human', negative_sentiment: 'Negative sentiment',
  no_kb_match: 'No answer in the KB', unsupported_claim: 'Unsupported answer', processing_failure: 'Processing failure', unspecified: 'Unspecified',
};
const charts = {};
let hours = Number(new URLSearchParams(location.search).get('hours')) || 24;

function token() { return sessionStorage.getItem('opsToken') || ''; }

async function api(path) {
  const headers = token() ? { authorization: `Bearer ${token()}` } : {};
  const res = await fetch(path, { headers });
  if (res.status === 401 || res.status === 403) throw Object.assign(new Error((await res.json()).message), { auth: true });
  if (!res.ok && res.status !== 503) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

const ms = (v) => (v === null || v === undefined ? '–' : v >= 10000 ? `${(v / 1000).toFixed(0)} s` : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);
const pct = (v) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)} %`);
const num = (v) => (v === null || v === undefined ? '–' : Number(v).toLocaleString('en'));
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function renderAlerts(report) {
  const total = (name) => report.alerts.find((a) => a.alert === name && a.scope === 'total');
  const firingChannels = (name) => report.alerts.filter((a) => a.alert === name && a.scope !== 'total' && a.firing).map((a) => CHANNELS[a.scope]);
  const cards = [
    ['first_response_p95', 'First response p95', (a) => ms(a.value), (a) => `alert above ${ms(a.threshold)}`],
    ['escalation_rate', 'Escalation rate', (a) => pct(a.value), (a) => `alert above ${pct(a.threshold)}`],
    ['dlq_growth', 'Dead letters in range', (a) => num(a.value), (a) => (a.threshold === 0 ? 'alert on any' : `alert above ${a.threshold}`)],
  ];
  const section = document.getElementById('alerts');
  section.replaceChildren(...cards.map(([name, label, value, threshold]) => {
    const a = total(name);
    const channels = firingChannels(name);
    return el('div', { class: `card${a.firing || channels.length ? ' firing' : ''}`, 'data-alert': name },
      el('div', { class: 'label' }, label), el('div', { class: 'value' }, value(a)),
      el('div', { class: 'threshold' }, threshold(a) + (channels.length ? ` · firing: ${channels.join(', ')}` : '')));
  }));
}

function renderChannels(report) {
  const firing = new Set(report.alerts.filter((a) => a.firing).map((a) => `${a.alert}/${a.scope}`));
  const row = (scope, label, f) => {
    const cls = (alert) => (firing.has(`${alert}/${scope}`) ? 'bad' : '');
    return el('tr', scope === 'total' ? { class: 'total' } : {},
      el('td', {}, label), el('td', {}, num(f.conversations)), el('td', {}, num(f.inboundMessages)), el('td', {}, num(f.outboundMessages)),
      el('td', {}, num(f.aiResolved)), el('td', { class: cls('escalation_rate') }, pct(f.escalations.rate)),
      el('td', { class: cls('first_response_p95') }, `${ms(f.firstResponseMs.p50)} / ${ms(f.firstResponseMs.p95)}`),
      el('td', {}, `${ms(f.agentLatencyMs.p50)} / ${ms(f.agentLatencyMs.p95)}`),
      el('td', {}, f.averageSentiment === null ? '–' : f.averageSentiment.toFixed(2)), el('td', { class: cls('dlq_growth') }, num(f.deadLetters)));
  };
  document.querySelector('#channels tbody').replaceChildren(
    ...Object.entries(CHANNELS).map(([c, label]) => row(c, label, report.channels[c])), row('total', 'All channels', report.total));
}

function draw(id, config) {
  charts[id]?.destroy();
  config.options = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, ...config.options };
  charts[id] = new Chart(document.getElementById(id), config);
}

function renderCharts(report, series) {
  const daily = series.bucket === 'day';
  const labels = series.points.map((p) => {
    const d = new Date(p.at);
    return daily ? d.toISOString().slice(5, 10) : d.toISOString().slice(11, 16);
  });
  draw('chart-volume', {
    type: 'bar',
    data: { labels, datasets: Object.entries(CHANNELS).map(([c, label]) => ({ label, data: series.points.map((p) => p.inbound[c]), backgroundColor: COLORS[c] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const threshold = report.thresholds.firstResponseP95Ms / 1000;
  draw('chart-latency', {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'First response p95 (s)', data: series.points.map((p) => (p.firstResponseP95Ms === null ? null : p.firstResponseP95Ms / 1000)), borderColor: COLORS.p95, backgroundColor: COLORS.p95, spanGaps: true, tension: 0.2 },
        { label: 'Agent p95 (s)', data: series.points.map((p) => (p.agentLatencyP95Ms === null ? null : p.agentLatencyP95Ms / 1000)), borderColor: COLORS.agent, backgroundColor: COLORS.agent, spanGaps: true, tension: 0.2 },
        { label: `Alert (${threshold} s)`, data: labels.map(() => threshold), borderColor: COLORS.threshold, borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5 },
      ],
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'seconds' } } } },
  });
  const reasons = Object.entries(report.total.escalations.byReason).sort((a, b) => b[1].count - a[1].count);
  draw('chart-reasons', {
    type: 'bar',
    data: { labels: reasons.map(([r]) => REASONS[r] || r), datasets: [{ label: 'Escalations', data: reasons.map(([, v]) => v.count), backgroundColor: '#f79009' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  draw('chart-dlq', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'Dead letters', data: series.points.map((p) => p.deadLetters), backgroundColor: COLORS.dlq, yAxisID: 'y' },
        { type: 'line', label: 'Escalation rate (%)', data: series.points.map((p) => (p.escalationRate === null ? null : p.escalationRate * 100)), borderColor: '#7a5af8', backgroundColor: '#7a5af8', spanGaps: true, yAxisID: 'rate', tension: 0.2 },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'dead letters' } }, rate: { position: 'right', beginAtZero: true, suggestedMax: 100, grid: { display: false }, title: { display: true, text: '%' } } } },
  });
}

function renderHealth(health) {
  const badge = document.getElementById('health');
  badge.className = `badge ${health.status}`;
  badge.textContent = health.status;
  document.getElementById('components').replaceChildren(...health.components.map((c) =>
    el('li', {}, el('span', { class: `dot ${c.status}` }), el('span', {}, c.name), el('span', { class: 'detail' }, c.detail || c.status))));
}

function renderDeadLetters(list) {
  const rows = list.deadLetters.slice(0, 8).map((d) => el('tr', {},
    el('td', {}, new Date(d.failedAt).toISOString().replace('T', ' ').slice(0, 16)), el('td', {}, d.code), el('td', {}, d.eventId || '–'), el('td', {}, String(d.attempts))));
  document.querySelector('#dead-letters tbody').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: '4', class: 'muted' }, 'No dead letters'))]));
}

async function load() {
  document.body.removeAttribute('data-ready');
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3600_000);
  const range = `from=${from.toISOString()}&to=${to.toISOString()}`;
  try {
    const [report, series, health, deadLetters] = await Promise.all([
      api(`/api/v1/metrics/channels?${range}`), api(`/api/v1/metrics/series?${range}`), api('/api/v1/health'), api('/api/v1/dead-letters?limit=8'),
    ]);
    document.getElementById('login').hidden = true;
    document.getElementById('dashboard').hidden = false;
    renderAlerts(report);
    renderChannels(report);
    renderCharts(report, series);
    renderHealth(health);
    renderDeadLetters(deadLetters);
    document.getElementById('updated').textContent = `updated ${to.toLocaleTimeString('en-GB')}`;
    document.body.setAttribute('data-ready', 'true');
  } catch (err) {
    if (err.auth) {
      document.getElementById('dashboard').hidden = true;
      document.getElementById('login').hidden = false;
      document.getElementById('login-error').textContent = err.message;
    } else {
      document.getElementById('updated').textContent = `could not load: ${err.message}`;
    }
  }
}

document.getElementById('range').addEventListener('click', (e) => {
  const button = e.target.closest('button');
  if (!button) return;
  hours = Number(button.dataset.hours);
  for (const b of document.querySelectorAll('#range button')) b.classList.toggle('active', b === button);
  void load();
});
document.getElementById('login').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem('opsToken', document.getElementById('token').value.trim());
  void load();
});
for (const b of document.querySelectorAll('#range button')) b.classList.toggle('active', Number(b.dataset.hours) === hours);
void load();
setInterval(load, 60_000);
