// Recouvrement: in « Priorités du jour », opening a task takes it. A collector works down the agenda
// task by task; Tasklist would make him press « Prendre en charge » before the form accepts anything,
// for every call of the day. Elsewhere (the team's list, « À approuver ») opening a task only shows it.
// Loaded by scripts/config.js (customScripts); plain JavaScript, no build. It presses Tasklist's own
// claim button, so Tasklist's state, its error message when a colleague was quicker, and « Rendre au
// groupe » all work as usual. Each task is claimed at most once per page: a task given back stays given back.
const AGENDA = 'Priorités du jour';
const tried = new Set();

function openTaskId() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function inAgenda() {
  const focused = document.querySelector('.task-filters .task-filter.active .name a, [cam-tasklist-filters] .active .name a');
  return focused !== null && focused.textContent.trim().startsWith(AGENDA);
}

function claimOnOpen() {
  const id = openTaskId();
  if (id === null || tried.has(id) || !inAgenda()) {
    return;
  }
  const claim = document.querySelector('.task-details button.claim, [cam-tasklist-task] button.claim');
  if (claim === null || claim.disabled) {
    return;
  }
  tried.add(id);
  claim.click();
}

new MutationObserver(claimOnOpen).observe(document.documentElement, {childList: true, subtree: true});
