// Kith web UI: small enhancements over pages that work without script —
// live group pages (server-sent events), phone numbers checked as typed, "add another" rows.
(function () {
  'use strict';

  // ---- live group page ---------------------------------------------------------------------
  var live = document.getElementById('live');
  if (live && window.EventSource) {
    var groupId = live.getAttribute('data-group');
    var notice = document.getElementById('live-notice');
    var refreshing = null;
    var say = function (text) {
      notice.textContent = text;
    };
    var message = function (key, name) {
      return (live.getAttribute('data-msg-' + key) || '').replace('{0}', name || '');
    };
    var refresh = function () {
      if (refreshing) {
        return refreshing;
      }
      refreshing = fetch(live.getAttribute('data-live-url'), { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) { throw new Error('status ' + r.status); }
          return r.text();
        })
        .then(function (html) {
          live.innerHTML = html; // server-rendered and escaped, like the page itself
          live.setAttribute('data-version', String(Number(live.getAttribute('data-version') || '0') + 1));
        })
        .catch(function () { /* the next event or reconnect refreshes again */ })
        .then(function () { refreshing = null; });
      return refreshing;
    };
    var source = new EventSource('/web/events');
    source.addEventListener('open', function () {
      live.setAttribute('data-stream', 'open');
      refresh(); // whatever changed between loading the page and the stream opening
    });
    source.addEventListener('card', function (e) {
      var data = JSON.parse(e.data);
      if (String(data.group) !== groupId) { return; }
      var present = document.querySelector('[data-uid="' + CSS.escape(data.uid) + '"]') !== null;
      if (data.op === 'removed') {
        if (present) { say(message('removed')); }
      } else {
        var entry = data.entry || {};
        var name = (entry.card && entry.card.fn) || entry.displayName || '';
        say(message(present ? 'updated' : 'added', name));
      }
      refresh();
    });
    source.addEventListener('group', function (e) {
      var data = JSON.parse(e.data);
      if (String(data.group) !== groupId) { return; }
      if (data.op === 'removed') {
        say(message('gone'));
        source.close();
      } else {
        say(message('group'));
        refresh();
      }
    });
    source.addEventListener('resync', refresh);
  }

  // ---- phone numbers checked as typed ------------------------------------------------------
  var timers = new WeakMap();
  var hintFor = function (input) {
    var field = input.closest('.field');
    var hint = field && field.parentNode.querySelector('.phone-check');
    if (!hint && field) {
      hint = document.createElement('p');
      hint.className = 'hint phone-check';
      hint.setAttribute('aria-live', 'polite');
      field.appendChild(hint);
    }
    return hint;
  };
  var check = function (input) {
    var hint = hintFor(input);
    if (!hint) { return; }
    var value = input.value.trim();
    if (!value) {
      hint.textContent = '';
      hint.className = 'hint phone-check';
      return;
    }
    fetch('/web/card/check-phone?value=' + encodeURIComponent(value), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (input.value.trim() !== value) { return; } // typed on meanwhile
        hint.textContent = answer.message || '';
        hint.className = 'hint phone-check ' + (answer.ok ? 'ok' : 'bad');
        input.setAttribute('aria-invalid', answer.ok ? 'false' : 'true');
      })
      .catch(function () { /* the server checks again on save */ });
  };
  document.addEventListener('input', function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-phone')) { return; }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { check(input); }, 300));
  });

  // ---- "add another" rows on the card form -------------------------------------------------
  var copies = 0;
  document.querySelectorAll('button.add-row').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var rows = button.parentNode.querySelectorAll('[data-row]');
      var last = rows[rows.length - 1];
      var copy = last.cloneNode(true);
      copies++;
      copy.querySelectorAll('[id]').forEach(function (el) { el.id = el.id + '-c' + copies; });
      copy.querySelectorAll('label[for]').forEach(function (l) { l.htmlFor = l.htmlFor + '-c' + copies; });
      copy.querySelectorAll('[aria-describedby]').forEach(function (el) {
        el.setAttribute('aria-describedby', el.getAttribute('aria-describedby') + '-c' + copies);
      });
      copy.querySelectorAll('input').forEach(function (i) { i.value = ''; i.removeAttribute('aria-invalid'); });
      copy.querySelectorAll('.error, .phone-check').forEach(function (p) { p.textContent = ''; });
      copy.querySelectorAll('.invalid').forEach(function (f) { f.classList.remove('invalid'); });
      last.parentNode.insertBefore(copy, button);
      var first = copy.querySelector('input');
      if (first) { first.focus(); }
    });
  });
})();
