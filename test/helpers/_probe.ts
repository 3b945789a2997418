import {generateReference} from '/work/main/src/generator/generate';
import * as runtime from 'react/jsx-runtime';
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
(async () => {
const {compile, run} = await import('@mdx-js/mdx');
let total=0;
for (const v of ['0.20.0','0.21.0','0.22.0']) {
  const r = await generateReference('/work/shared/charts/vcluster/'+v, v);
  const t = performance.now();
  let bytes=0, n=0;
  for (const [f, text] of r.files) { if (!f.endsWith('.mdx')) continue; bytes+=text.length; n++;
    const code = String(await compile(text, {outputFormat:'function-body'}));
    const mod = await run(code, {...runtime, baseUrl: import.meta.url} as any);
    const C = mod.default as any;
    const html = renderToStaticMarkup(createElement(C, {components: {ConfigField: (p:any)=>createElement('section',{id:p.f.anchor},createElement('h2',null,p.f.name),p.children), ConfigSection: (p:any)=>createElement('div',null,p.children)}}));
  }
  const ms = performance.now()-t; total+=ms;
  console.log(v, n, bytes, ms.toFixed(0)+'ms');
}
console.log(total);
})();
