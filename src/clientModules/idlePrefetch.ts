import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type {ClientModule} from '@docusaurus/types';
import {idleQueue} from '../lib/idleQueue';

/**
 * Docusaurus prefetches the chunks of each internal link as it scrolls into
 * view, all in the one task the browser gives the links' IntersectionObserver
 * callbacks: on a page whose sidebar and reference show dozens of links,
 * 100–300 ms of main thread at load, in one long task. This hands each
 * prefetch to the browser's idle time instead (hovering a link still loads its
 * page at once: that is `preload`).
 */
let deferred = false;
const whenIdle = idleQueue(2000);

function deferPrefetching(): void {
  if (deferred) return;
  deferred = true;
  const {prefetch, preload} = window.docusaurus;
  window.docusaurus = {
    prefetch: (url) => {
      whenIdle(() => void prefetch(url));
      return false;
    },
    preload,
  };
}

const clientModule: ClientModule = {
  // The first call comes after the first render, before any link's observer reports (Docusaurus sets window.docusaurus after the client modules load).
  onRouteDidUpdate() {
    if (ExecutionEnvironment.canUseDOM) deferPrefetching();
  },
};

export default clientModule;
