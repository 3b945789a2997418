import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
(async () => {
  const file = path.resolve('src/components/ConfigField/index.tsx');
  const m: any = await import(pathToFileURL(file).href);
  console.log(Object.keys(m));
  console.log(renderToStaticMarkup(createElement(m.ConfigField, {f: {name:'a',path:'a',anchor:'a',level:2,depth:0,type:'string',yamlKeys:['a'],default:'x'}}, 'hi')));
})();
