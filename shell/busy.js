// "Opening…" and "Making the picture…": a note the page shows while it works
// on something slow, painted before the work starts (the work blocks the
// page while it runs).
//
// window.PlannerBusy.show(text) -> the note (remove() it when done);
// window.PlannerBusy.opening(size, work) -> a Promise of work()'s answer.
(function () {
  'use strict';

  // Plans larger than this take over 0.3 s to open in the page (about
  // 0.3 s per MB for the national plan, docs/performance.md): they get the note.
  const slowPlanCharacters = 800 * 1000;

  function show(text) {
    const note = document.createElement('div');
    note.className = 'storage-message busy-message';
    note.setAttribute('role', 'status');
    note.textContent = text;
    document.body.append(note);
    return note;
  }

  // Resolves once the browser has painted what is on the page now.
  function painted() {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  async function opening(size, work) {
    if (size < slowPlanCharacters) return work();
    const note = show('Opening\u2026');
    try {
      await painted();
      return work();
    } finally {
      note.remove();
    }
  }

  window.PlannerBusy = { show, opening, slowPlanCharacters };
})();
