// The whole client side of passkeys: base64url <-> bytes around navigator.credentials, and four requests.
const b64 = {
  decode: s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0)),
  encode: b => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
};
const log = m => { document.getElementById('log').textContent += m + '\n'; };
const field = id => document.getElementById(id).value;

async function call(path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  const r = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body || {}) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) throw new Error(path + ' ' + r.status + ' ' + text);
  return json;
}

function credentialJson(c) {
  if (typeof c.toJSON === 'function') return c.toJSON();
  const r = c.response, out = { id: c.id, rawId: b64.encode(c.rawId), type: c.type,
    authenticatorAttachment: c.authenticatorAttachment, clientExtensionResults: c.getClientExtensionResults(), response: {} };
  out.response.clientDataJSON = b64.encode(r.clientDataJSON);
  if (r.attestationObject) { out.response.attestationObject = b64.encode(r.attestationObject); out.response.transports = r.getTransports ? r.getTransports() : []; }
  if (r.authenticatorData) { out.response.authenticatorData = b64.encode(r.authenticatorData); out.response.signature = b64.encode(r.signature);
    out.response.userHandle = r.userHandle ? b64.encode(r.userHandle) : null; }
  return out;
}

function claims(jwt) { return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); }

async function signUp() {
  const r = await call('/api/auth/register', { email: field('email'), password: field('password') });
  log('registered ' + r.user.email);
}

async function addPasskey() {
  const login = await call('/api/auth/login', { email: field('email'), password: field('password') });
  log('password login: amr=' + JSON.stringify(claims(login.access).amr) + ' aal=' + claims(login.access).aal);
  const o = await call('/api/auth/passkeys/register/options', null, login.access);
  const publicKey = { ...o, challenge: b64.decode(o.challenge), user: { ...o.user, id: b64.decode(o.user.id) },
    excludeCredentials: o.excludeCredentials.map(c => ({ ...c, id: b64.decode(c.id) })) };
  const created = await navigator.credentials.create({ publicKey });
  const saved = await call('/api/auth/passkeys/register', { credential: credentialJson(created), name: 'Demo passkey' }, login.access);
  log('passkey registered: ' + JSON.stringify(saved));
}

async function signIn(email) {
  const o = await call('/api/auth/passkeys/login/options', email ? { email } : {});
  const publicKey = { ...o, challenge: b64.decode(o.challenge), allowCredentials: o.allowCredentials.map(c => ({ ...c, id: b64.decode(c.id) })) };
  const got = await navigator.credentials.get({ publicKey });
  const r = await call('/api/auth/passkeys/login', { credential: credentialJson(got) });
  const c = claims(r.access);
  log('passkey sign-in: ' + r.user.email + ' amr=' + JSON.stringify(c.amr) + ' aal=' + c.aal);
}

const guard = f => () => f().catch(e => log('error: ' + e.message));
document.getElementById('signup').addEventListener('click', guard(signUp));
document.getElementById('add').addEventListener('click', guard(addPasskey));
document.getElementById('usernameless').addEventListener('click', guard(() => signIn(null)));
document.getElementById('byemail').addEventListener('click', guard(() => signIn(field('email'))));
