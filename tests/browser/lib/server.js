'use strict';
// A tiny static file server on loopback that serves one built site from a
// sub-folder (/school/), the way a school puts the protocol under its website.
const fs = require('fs');
const http = require('http');
const path = require('path');

const PREFIX = '/school/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Serves `root` under http://127.0.0.1:PORT/school/. Resolves to
 * { server, port, origin, base, log } once listening on a random port.
 */
function startServer(root) {
  root = path.resolve(root);
  const log = [];
  const notFoundFile = path.join(root, '404.html');

  function send(req, res, status, headers, body) {
    headers['Content-Length'] = Buffer.byteLength(body);
    headers['Cache-Control'] = 'no-store';
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function notFound(req, res) {
    let body = 'Not found\n';
    let type = 'text/plain; charset=utf-8';
    try {
      body = fs.readFileSync(notFoundFile);
      type = TYPES['.html'];
    } catch (_) { /* site has no 404.html */ }
    send(req, res, 404, { 'Content-Type': type }, body);
  }

  function redirect(req, res, location) {
    send(req, res, 301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, `Moved to ${location}\n`);
  }

  const server = http.createServer((req, res) => {
    let status = 0;
    const origEnd = res.writeHead.bind(res);
    res.writeHead = (code, ...rest) => { status = code; return origEnd(code, ...rest); };
    res.on('finish', () => log.push({ method: req.method, url: req.url, status }));

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
      return;
    }
    let url;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
    } catch (_) {
      send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request\n');
      return;
    }
    const pathname = url.pathname;
    if (pathname === PREFIX.slice(0, -1)) {
      redirect(req, res, PREFIX + url.search);
      return;
    }
    if (!pathname.startsWith(PREFIX)) {
      notFound(req, res);
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(PREFIX.length));
    } catch (_) {
      notFound(req, res);
      return;
    }
    if (rel.includes('\0')) {
      notFound(req, res);
      return;
    }
    let file = path.join(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      notFound(req, res);
      return;
    }
    let stat;
    try {
      stat = fs.statSync(file);
    } catch (_) {
      notFound(req, res);
      return;
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        redirect(req, res, pathname + '/' + url.search);
        return;
      }
      file = path.join(file, 'index.html');
      try {
        stat = fs.statSync(file);
      } catch (_) {
        notFound(req, res);
        return;
      }
    }
    if (!stat.isFile()) {
      notFound(req, res);
      return;
    }
    send(req, res, 200, { 'Content-Type': contentType(file) }, fs.readFileSync(file));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        server,
        port,
        origin,
        base: origin + PREFIX,
        log,
        close: () => new Promise((r) => {
          server.closeAllConnections?.();
          server.close(() => r());
        }),
      });
    });
  });
}

module.exports = { startServer, PREFIX, contentType };
