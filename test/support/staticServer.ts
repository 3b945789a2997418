import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export interface StaticSite {
  /** e.g. `http://127.0.0.1:41234/pr-7/` — always ends with the base path. */
  origin: string;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves a Docusaurus build on 127.0.0.1 the way a static host does: the
 * site under `baseUrl`, `/a/b` answered by `a/b.html` or `a/b/index.html`,
 * anything else by 404.html with status 404.
 */
export async function serveBuild(dir: string, baseUrl = '/'): Promise<StaticSite> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    let file: string | undefined;
    if (pathname.startsWith(baseUrl) || `${pathname}/` === baseUrl) {
      pathname = pathname.slice(baseUrl.length - 1) || '/';
      const base = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
      for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
        if (await isFile(candidate)) {
          file = candidate;
          break;
        }
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(dir, '404.html');
    response.writeHead(status, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'});
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}${baseUrl}`,
    baseUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
