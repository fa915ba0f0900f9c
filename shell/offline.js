// Working offline (docs/offline.md): registers the service worker (dist/sw.js),
// which keeps the site's files after the first visit. When a new version
// has been deployed, the page says so and reloads only when asked, after
// storing the open plan: never under a person's feet.
//
// window.PlannerOffline.start({keeping}): keeping is the page's (shell/keeping.js).
(function () {
  'use strict';

  function start({ keeping }) {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const banner = document.getElementById('update-message');
    let takingOver = false;

    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (takingOver) window.location.reload();
    });

    function offer(worker) {
      // On the first visit there is no older version to replace.
      if (!navigator.serviceWorker.controller || !banner) return;
      const words = document.createElement('p');
      words.textContent = 'A new version of the planner is ready. Your plan is kept: reloading brings it back.';
      const reload = document.createElement('button');
      reload.type = 'button';
      reload.textContent = 'Reload to update';
      reload.addEventListener('click', async () => {
        await keeping.settle();
        if (!keeping.allStored() && !window.confirm('Your latest changes are not kept in this browser, so reloading would lose them. ' +
          'Press Cancel, then File > Save to file to keep them; or OK to reload anyway.')) return;
        takingOver = true;
        worker.postMessage({ type: 'take-over' });
      });
      const later = document.createElement('button');
      later.type = 'button';
      later.textContent = 'Later';
      later.addEventListener('click', () => { banner.hidden = true; });
      banner.replaceChildren(words, reload, later);
      banner.hidden = false;
    }

    async function register() {
      let registration;
      try {
        registration = await navigator.serviceWorker.register('sw.js');
      } catch (error) {
        return;  // the planner still works, only not offline
      }
      if (registration.waiting) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
      });
      // A tab kept open for days still hears of new versions.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    }

    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }

  window.PlannerOffline = { start };
})();
