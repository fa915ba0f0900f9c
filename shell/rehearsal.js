// Rehearsing the open. Browsers first compile WebAssembly quickly and
// optimise a function only once it has run hot, so a person's first open
// of a large plan used to run unoptimised code, at over twice the cost of
// the next open. While nobody is using the page, it opens a small plan on
// a scratch state inside the module and writes it out as the page keeps
// it after each change, again and again; every fourth time another small
// plan, with its governance view drawn and an edit made and undone
// (src/app/rehearsal.hpp). Nothing shown or kept changes, and no frame is
// drawn. docs/performance.md, "Rehearsing the open".
//
// Last, in one more idle period, makeRoom() touches memory for a large
// plan's open.
//
// window.PlannerRehearsal.begin({ rehearse(text, withGovernance), openText, governanceText, makeRoom })
//   -> a Promise of each rehearsal's time in ms, once all are done.
(function () {
  'use strict';

  // Enough for V8 to optimise what opening a plan runs (on these machines
  // the rehearsals' times stop falling after about 20), at about 0.3 s of
  // idle time in all. The governance example is a small one, so that no
  // rehearsal holds the page for long (the first, compiling as it goes, 45-70 ms).
  const rehearsals = 40;
  const governanceEvery = 4;
  const enoughIdle = 8;  // ms of idle time that a rehearsal may start in

  function nextIdle() {
    return new Promise((resolve) => {
      if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(resolve);
      else setTimeout(() => resolve({ timeRemaining: () => enoughIdle }), 50);
    });
  }

  async function begin({ rehearse, openText, governanceText, makeRoom }) {
    const [open, governance] = await Promise.all([openText, governanceText]);
    const times = [];
    while (times.length < rehearsals) {
      const deadline = await nextIdle();
      // As many as the idle time allows (up to 50 ms at a time).
      while (times.length < rehearsals && deadline.timeRemaining() >= enoughIdle) {
        const withGovernance = times.length % governanceEvery === governanceEvery - 1;
        const start = performance.now();
        rehearse(withGovernance ? governance : open, withGovernance);
        times.push(performance.now() - start);
      }
    }
    await nextIdle();
    makeRoom();
    return times;
  }

  window.PlannerRehearsal = { begin };
})();
