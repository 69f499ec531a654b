import type { DashboardData, DashboardFilters } from '../../store/review-event-log.js';

export const DASHBOARD_SCRIPT_PATH = '/dashboard/dashboard.js';
export const CHART_LIBRARY_PATH = '/dashboard/chart.umd.js';

const escape = (v: unknown) => String(v).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const table = (caption: string, head: string[], rows: (string | number)[][], empty = 'No reviews in this range yet.') =>
  `<table><caption>${escape(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.length ? rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('') : `<tr><td colspan="${head.length}">${escape(empty)}</td></tr>`
  }</tbody></table>`;

/** The team filter's value for the events with no team (no Teams id or conversation kind is ever "none"). */
export const NO_TEAM = 'none';
/** The query's value for a team: its id or conversation kind, or NO_TEAM. */
export const teamParam = (team: string | null): string => team ?? NO_TEAM;

/** What the team filter shows: Teams' name where known, else what the id stands for. */
function teamLabel(t: { team: string | null; name?: string }): string {
  if (t.name) return t.name;
  if (t.team === null) return 'no team (web chat, API, CLI, older events)';
  return { personal: 'personal chats', groupChat: 'group chats', channel: 'channels (team not given)' }[t.team] ?? `team ${t.team}`;
}

/**
 * The supervisors' dashboard, rendered on the server: every figure is in a table (readable without colour,
 * without script); the charts above them are drawn from the same data by Chart.js, served by this server.
 */
export function renderDashboard(data: DashboardData, filters: DashboardFilters, nonce: string): string {
  const share = data.caught.serious ? Math.round((100 * data.caught.fixed) / data.caught.serious) : 0;
  const totals = new Map<string, number>();
  for (const r of data.rules) totals.set(r.rule, (totals.get(r.rule) ?? 0) + r.count);
  const topRules = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
  const option = (value: string, label: string, current?: string) => `<option value="${escape(value)}"${current === value ? ' selected' : ''}>${escape(label)}</option>`;
  const query = new URLSearchParams({ days: String(filters.days), ...(filters.team !== undefined ? { team: teamParam(filters.team) } : {}), ...(filters.lang ? { lang: filters.lang } : {}), ...(filters.channel ? { channel: filters.channel } : {}) });
  // The team chosen stays in the list even when the range holds none of its events (its tables are then empty).
  const teams = filters.team === undefined || data.teams.some((t) => t.team === filters.team) ? data.teams : [...data.teams, { team: filters.team }];
  const currentTeam = filters.team === undefined ? '' : teamParam(filters.team);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Warmline: team dashboard</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f5f5f4; color: #1c1917; }
  header { padding: .75rem 1rem; background: #7c2d12; color: #fff7ed; }
  header h1 { margin: 0; font-size: 1.25rem; }
  main { max-width: 1000px; margin: 0 auto; padding: 1rem; background: #fff; }
  form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
  section { margin: 1.5rem 0; }
  .chart { position: relative; height: 260px; }
  table { border-collapse: collapse; width: 100%; margin-top: .5rem; font-size: .9rem; }
  caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border: 1px solid #d6d3d1; padding: .25rem .5rem; text-align: left; }
  .figure { font-size: 2rem; font-weight: 700; }
</style>
</head>
<body>
<header><h1>Warmline: what the second read caught</h1></header>
<main>
<form method="get" action="/dashboard">
  <label>Days <select name="days">${[7, 30, 90].map((d) => option(String(d), `last ${d}`, String(filters.days))).join('')}</select></label>
  <label>Team <select name="team">${option('', 'all', currentTeam)}${teams.map((t) => option(teamParam(t.team), teamLabel(t), currentTeam)).join('')}</select></label>
  <label>Language <select name="lang">${option('', 'all', filters.lang ?? '')}${['fi', 'pl', 'hu', 'en'].map((l) => option(l, l, filters.lang)).join('')}</select></label>
  <label>Channel <select name="channel">${option('', 'all', filters.channel ?? '')}${['msteams', 'directline', 'api', 'cli'].map((c) => option(c, c, filters.channel)).join('')}</select></label>
  <button type="submit">Show</button>
  <a href="/dashboard.csv?${escape(query.toString())}">Download CSV</a>
</form>
<section aria-labelledby="caught">
  <h2 id="caught">Caught before sending</h2>
  <p><span class="figure" data-figure="caught">${share}%</span> of ${data.caught.serious} drafts with a major or critical finding went out as an alternative or a reviewed preview (${data.caught.fixed}).</p>
</section>
<section aria-labelledby="per-day">
  <h2 id="per-day">Reviews per day</h2>
  <div class="chart"><canvas id="chart-per-day" role="img" aria-label="Reviews per day; the same figures are in the table below"></canvas></div>
  ${table('Reviews per day', ['Day', 'Reviews', 'With something to fix'], data.perDay.map((d) => [d.day, d.reviews, d.flagged]))}
</section>
<section aria-labelledby="rules">
  <h2 id="rules">Rules found most</h2>
  <div class="chart"><canvas id="chart-rules" role="img" aria-label="Rules found most; the same figures are in the table below"></canvas></div>
  ${table('Rules found most (all weeks and languages)', ['Rule', 'Findings'], topRules)}
  ${table('By week and language', ['Week', 'Language', 'Rule', 'Findings'], data.rules.map((r) => [r.week, r.lang, r.rule, r.count]))}
</section>
<section aria-labelledby="agents">
  <h2 id="agents">Findings per review, by agent (pseudonymous unless your tenant maps names)</h2>
  ${table('Findings per review by agent and week', ['Agent', 'Week', 'Reviews', 'Findings per review'], data.agents.map((a) => [a.name ? `${a.name} (${a.agent})` : a.agent, a.week, a.reviews, a.findingsPerReview]))}
</section>
<section aria-labelledby="practice">
  <h2 id="practice">Practice scores</h2>
  <div class="chart"><canvas id="chart-practice" role="img" aria-label="Average practice score and answers per week; the same figures are in the table below"></canvas></div>
  ${table('Practice answers and average score (0-100) per week', ['Week', 'Answers', 'Average score'], data.practice.map((p) => [p.week, p.answers, p.averageScore]), 'No practice in this range yet.')}
  <a href="/dashboard.csv?${escape(new URLSearchParams([...query, ['table', 'practice']]).toString())}">Practice CSV</a>
</section>
</main>
<script type="application/json" id="dashboard-data" nonce="${nonce}">${JSON.stringify({ perDay: data.perDay, topRules, practice: data.practice }).replace(/</g, '\\u003c')}</script>
<script nonce="${nonce}" src="${CHART_LIBRARY_PATH}"></script>
<script nonce="${nonce}" src="${DASHBOARD_SCRIPT_PATH}"></script>
</body>
</html>
`;
}

/** Draws the two charts from the embedded data; shapes and dashes, not colour alone, tell the series apart. */
export const DASHBOARD_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  if (!window.Chart) return;
  new window.Chart(document.getElementById('chart-per-day'), {
    type: 'line',
    data: {
      labels: data.perDay.map(function (d) { return d.day; }),
      datasets: [
        { label: 'Reviews', data: data.perDay.map(function (d) { return d.reviews; }), borderColor: '#7c2d12', pointStyle: 'circle' },
        { label: 'With something to fix', data: data.perDay.map(function (d) { return d.flagged; }), borderColor: '#1d4ed8', borderDash: [6, 4], pointStyle: 'triangle' }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  new window.Chart(document.getElementById('chart-rules'), {
    type: 'bar',
    data: { labels: data.topRules.map(function (r) { return r[0]; }), datasets: [{ label: 'Findings', data: data.topRules.map(function (r) { return r[1]; }), backgroundColor: '#7c2d12' }] },
    options: { animation: false, maintainAspectRatio: false, indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  // Two scales: the score (0-100) as a line with square points, the answers as bars on their own axis.
  new window.Chart(document.getElementById('chart-practice'), {
    data: {
      labels: data.practice.map(function (p) { return p.week; }),
      datasets: [
        { type: 'line', label: 'Average score', data: data.practice.map(function (p) { return p.averageScore; }), borderColor: '#7c2d12', pointStyle: 'rect', yAxisID: 'score' },
        { type: 'bar', label: 'Answers', data: data.practice.map(function (p) { return p.answers; }), backgroundColor: 'rgba(29, 78, 216, 0.35)', borderColor: '#1d4ed8', borderWidth: 1, yAxisID: 'answers' }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { score: { position: 'left', min: 0, max: 100 }, answers: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false } } } }
  });
})();
`;

/** The same tables as CSV (one per request: perDay, rules, agents or practice). */
export function dashboardCsv(data: DashboardData, which: string): string {
  const cell = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines =
    which === 'rules'
      ? [['week', 'lang', 'rule', 'findings'], ...data.rules.map((r) => [r.week, r.lang, r.rule, r.count])]
      : which === 'agents'
        ? [['agent', 'name', 'week', 'reviews', 'findings_per_review'], ...data.agents.map((a) => [a.agent, a.name ?? '', a.week, a.reviews, a.findingsPerReview])]
        : which === 'practice'
          ? [['week', 'answers', 'average_score'], ...data.practice.map((p) => [p.week, p.answers, p.averageScore])]
          : [['day', 'reviews', 'flagged'], ...data.perDay.map((d) => [d.day, d.reviews, d.flagged])];
  return `${lines.map((l) => l.map(cell).join(',')).join('\n')}\n`;
}
