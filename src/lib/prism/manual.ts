// Read by Prism's core when it loads (it must run first): no highlighting of the page's own
// code elements behind React's back, no message handler in a worker.
(globalThis as {Prism?: object}).Prism = {manual: true, disableWorkerMessageHandler: true};

export {};
