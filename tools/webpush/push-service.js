#!/usr/bin/env node
// A Web Push service for Kith's tests and benchmarks (RFC 8030, loopback only). Each subscription
// has its own P-256 key pair and auth secret. Every message is decrypted with http_ece (RFC 8188 /
// RFC 8291) and its VAPID token (RFC 8292) is verified with Node's own crypto: nothing of Kith's
// code takes part. Started with a port (0 picks one); prints "push service listening on <port>"
// once it accepts connections.
//
//   POST /subscribe            {applicationServerKey}  -> {id, endpoint, keys: {p256dh, auth}}
//   POST /push/<id>            a push message          -> 201; 404 unknown; 410 gone; or a scripted status
//   GET  /messages/<id>                                 -> [{plaintext, ttl, urgency, topic, vapid: {aud, exp, sub}}]
//   POST /control/<id>         {gone: 404|410, fail: [429, 500, ...], retryAfter: "1"}
//   POST /subscribe-many       {count, applicationServerKey} -> [subscriptions] (benchmarks)
//   GET  /stats                                         -> {accepted, refused, errors: [...], lastAcceptedAt}
'use strict';
const http = require('http');
const crypto = require('crypto');
const ece = require('http_ece');

const port = Number(process.argv[2] || 0);
const subs = new Map();
const stats = {accepted: 0, refused: 0, errors: [], lastAcceptedAt: 0};

const b64u = (buf) => Buffer.from(buf).toString('base64url');
const fromB64u = (s) => Buffer.from(s, 'base64url');

function publicKeyFromRaw(raw) {
  // an uncompressed P-256 point wrapped as SubjectPublicKeyInfo
  const prefix = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
  return crypto.createPublicKey({key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki'});
}

function verifyVapid(header, endpointOrigin, appKey) {
  const m = /^vapid\s+t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header || '');
  if (!m) throw new Error('Authorization is not "vapid t=..., k=...": ' + header);
  const [token, k] = [m[1], m[2]];
  if (appKey && k !== appKey) throw new Error('k is not the key the subscription was made for');
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('the VAPID token is not a JWT');
  const head = JSON.parse(fromB64u(parts[0]).toString('utf8'));
  if (head.alg !== 'ES256') throw new Error('the JWT alg is ' + head.alg);
  const ok = crypto.verify('sha256', Buffer.from(parts[0] + '.' + parts[1]),
      {key: publicKeyFromRaw(fromB64u(k)), dsaEncoding: 'ieee-p1363'}, fromB64u(parts[2]));
  if (!ok) throw new Error('the VAPID signature does not verify');
  const claims = JSON.parse(fromB64u(parts[1]).toString('utf8'));
  const now = Date.now() / 1000;
  if (claims.aud !== endpointOrigin) throw new Error('aud ' + claims.aud + ' is not ' + endpointOrigin);
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new Error('exp is not within 24 hours: ' + claims.exp);
  if (!/^(mailto:|https:)/.test(claims.sub || '')) throw new Error('sub is missing or not mailto:/https:');
  return {aud: claims.aud, exp: claims.exp, sub: claims.sub};
}

function json(res, status, value) {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': body.length});
  res.end(body);
}

function handle(req, res, body) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const [, kind, id] = url.pathname.split('/');
  if (req.method === 'POST' && kind === 'subscribe') {
    const options = body.length ? JSON.parse(body.toString('utf8')) : {};
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const sid = b64u(crypto.randomBytes(12));
    const auth = crypto.randomBytes(16);
    subs.set(sid, {ecdh, auth, appKey: options.applicationServerKey, messages: [], gone: 0, fail: [], retryAfter: null});
    const host = req.headers.host;
    return json(res, 200, {id: sid, endpoint: 'http://' + host + '/push/' + sid,
      keys: {p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth)}});
  }
  if (req.method === 'POST' && kind === 'subscribe-many') { // benchmarks: {count, applicationServerKey}
    const options = JSON.parse(body.toString('utf8'));
    const out = [];
    for (let i = 0; i < options.count; i++) {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const sid = b64u(crypto.randomBytes(12));
      const auth = crypto.randomBytes(16);
      subs.set(sid, {ecdh, auth, appKey: options.applicationServerKey, messages: [], gone: 0, fail: [], retryAfter: null});
      out.push({id: sid, endpoint: 'http://' + req.headers.host + '/push/' + sid,
        keys: {p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth)}});
    }
    return json(res, 200, out);
  }
  if (req.method === 'POST' && kind === 'push') {
    const sub = subs.get(id);
    if (!sub) { stats.refused++; return json(res, 404, {error: 'no such subscription'}); }
    if (sub.gone) { stats.refused++; return json(res, sub.gone, {error: 'subscription gone'}); }
    if (sub.fail.length) {
      const status = sub.fail.shift();
      stats.refused++;
      if (sub.retryAfter) res.setHeader('Retry-After', sub.retryAfter);
      return json(res, status, {error: 'scripted failure'});
    }
    try {
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('Content-Encoding is ' + req.headers['content-encoding']);
      if (!/^[0-9]+$/.test(req.headers.ttl || '')) throw new Error('TTL is missing');
      if (body.length > 4096) throw new Error('the body has ' + body.length + ' bytes, over 4096');
      const vapid = verifyVapid(req.headers.authorization, 'http://' + req.headers.host, sub.appKey);
      const plaintext = ece.decrypt(body, {version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.auth});
      sub.messages.push({plaintext: plaintext.toString('utf8'), ttl: Number(req.headers.ttl),
        urgency: req.headers.urgency || null, topic: req.headers.topic || null, bodyLength: body.length, vapid});
      stats.accepted++;
      stats.lastAcceptedAt = Date.now();
      res.writeHead(201, {'Location': '/message/' + crypto.randomBytes(6).toString('hex'), 'Content-Length': 0});
      return res.end();
    } catch (e) {
      stats.errors.push(String(e.message || e));
      return json(res, 400, {error: String(e.message || e)});
    }
  }
  if (req.method === 'GET' && kind === 'messages') {
    const sub = subs.get(id);
    return sub ? json(res, 200, sub.messages) : json(res, 404, {error: 'no such subscription'});
  }
  if (req.method === 'POST' && kind === 'control') {
    const sub = subs.get(id);
    if (!sub) return json(res, 404, {error: 'no such subscription'});
    const c = JSON.parse(body.toString('utf8'));
    if (c.gone) sub.gone = c.gone;
    if (c.fail) sub.fail.push(...c.fail);
    if (c.retryAfter) sub.retryAfter = c.retryAfter;
    return json(res, 200, {});
  }
  if (req.method === 'GET' && kind === 'stats') return json(res, 200, stats);
  return json(res, 404, {error: 'unknown path ' + url.pathname});
}

const server = http.createServer((req, res) => {
  const chunks = [];
  let size = 0;
  req.on('data', (c) => { size += c.length; if (size <= 65536) chunks.push(c); });
  req.on('end', () => {
    try { handle(req, res, Buffer.concat(chunks)); } catch (e) { json(res, 500, {error: String(e)}); }
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => {
  process.stdout.write('push service listening on ' + server.address().port + '\n');
});
process.stdin.on('end', () => process.exit(0)); // the test that started us went away
process.stdin.resume();
