import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import type {ClientModule} from '@docusaurus/types';
import {revealHash} from '../lib/revealField';

// In-page links and the back button change only the hash.
if (ExecutionEnvironment.canUseDOM) {
  window.addEventListener('hashchange', () => revealHash(document, window.location.hash));
}

const clientModule: ClientModule = {
  // Called after the first render (a deep link loaded cold) and after each navigation.
  onRouteDidUpdate({location}) {
    if (location.hash) requestAnimationFrame(() => revealHash(document, location.hash));
  },
};

export default clientModule;
