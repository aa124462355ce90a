// claimledger pages: the live parts only. Everything here works on server-rendered HTML; without
// JavaScript the pages still read, filter, page and show the verdict for a chosen year.
(() => {
  'use strict';
  const TOKEN = 'claimledger.token';
  // the update types the page serves (from the service's one list): never a copy of them here
  const TYPES = (document.body.dataset.updateTypes || '').split(',').filter(Boolean);
  const MARK_FOR_MS = 60000;
  const $ = (sel, root = document) => root.querySelector(sel);
  const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

  function say(text) {
    const note = $('#live-note');
    if (note) {
      note.textContent = text;
    }
  }

  // ---- the token: pasted once, kept for this tab's session ---------------------------------------
  function tokenClaims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), c => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  function showWho() {
    const who = $('#token-who');
    const token = sessionStorage.getItem(TOKEN);
    const claims = token && tokenClaims(token);
    document.body.classList.toggle('has-token', !!claims);
    if (!who) {
      return;
    }
    if (!claims) {
      who.textContent = 'Reading without an account';
      return;
    }
    const roles = (claims.groups || []).join(', ') || 'no roles';
    who.textContent = 'Writing as ' + (claims.upn || claims.sub || 'unknown') + ' (' + roles + ')';
  }

  function setUpToken() {
    const form = $('#token-form');
    if (!form) {
      return;
    }
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      const text = $('#token-input').value.trim().replace(/^Bearer\s+/i, '');
      const problem = $('#token-problem');
      const claims = tokenClaims(text);
      if (!claims) {
        problem.textContent = 'This is not a token: a token has three parts joined by dots.';
        problem.hidden = false;
        return;
      }
      if (claims.exp && claims.exp * 1000 < Date.now()) {
        problem.textContent = 'This token has expired: ask for a new one.';
        problem.hidden = false;
        return;
      }
      problem.hidden = true;
      sessionStorage.setItem(TOKEN, text);
      $('#token-input').value = '';
      $('#token-panel').open = false;
      showWho();
    });
    $('#token-forget').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN);
      showWho();
    });
    showWho();
  }

  // ---- live: listen to the update stream, redraw what changed, mark it ---------------------------
  function refreshUrl(section) {
    let url = section.dataset.refresh || location.href;
    const year = section.dataset.year;
    if (year) {
      url += (url.includes('?') ? '&' : '?') + 'publishedBefore=' + encodeURIComponent(year);
    }
    return url;
  }

  async function redraw(section, changed, quietly) {
    const response = await fetch(refreshUrl(section), {headers: {Accept: 'text/html'}});
    if (!response.ok) {
      return;
    }
    const html = await response.text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const whole = doc.getElementById(section.id);
    const claimsBefore = new Set($$('[data-claim]', section).map(e => e.dataset.claim));
    const statusBefore = ($('[data-status]', section) || {dataset: {}}).dataset.status;
    section.innerHTML = whole ? whole.innerHTML : doc.body.innerHTML;
    if (quietly) {
      return; // the reader asked for this view: nothing changed in the ledger
    }
    // what changed stays marked for a while, through later redraws
    const now = Date.now();
    const remember = (key, words) => section.marks.set(key, {words, until: now + MARK_FOR_MS});
    let fresh = 0;
    $$('[data-id]', section).forEach(row => {
      if (changed.has(row.dataset.id)) {
        remember('id:' + row.dataset.id, 'updated');
        fresh++;
      }
    });
    $$('[data-claim]', section).forEach(claim => {
      if (!claimsBefore.has(claim.dataset.claim)) {
        remember('claim:' + claim.dataset.claim, 'new');
        fresh++;
      }
    });
    const verdict = $('[data-status]', section);
    if (verdict && statusBefore && verdict.dataset.status !== statusBefore) {
      remember('status:' + verdict.dataset.status, 'was ' + statusBefore.replace('-', ' '));
      fresh++;
    }
    section.marks.forEach((m, key) => {
      if (m.until < now) {
        section.marks.delete(key);
        return;
      }
      const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      const element = kind === 'id' ? $('[data-id="' + CSS.escape(id) + '"]', section)
        : kind === 'claim' ? $('[data-claim="' + CSS.escape(id) + '"]', section)
          : (verdict && verdict.dataset.status === id ? ($('#verdict-status', section) || verdict) : null);
      if (element) {
        mark(element, m.words);
      }
    });
    if (fresh) {
      say(fresh === 1 ? 'One change shown, marked on the page.' : fresh + ' changes shown, marked on the page.');
    }
  }

  function mark(element, words) {
    element.classList.add('changed');
    const badge = document.createElement('span');
    badge.className = 'changed-mark';
    badge.textContent = words;
    element.prepend(badge);
  }

  function listen(section) {
    section.marks = section.marks || new Map();
    const stream = new EventSource(section.dataset.live);
    const changed = new Set();
    let timer = null;
    let busy = Promise.resolve();
    const only = section.dataset.reloadOn;
    TYPES.forEach(type => stream.addEventListener(type, ev => {
      let data = {};
      try {
        data = JSON.parse(ev.data);
      } catch (e) {
        return;
      }
      if (only && data.source !== only) {
        return;
      }
      if (data.proposition) {
        changed.add(data.proposition);
      }
      clearTimeout(timer);
      // several updates of one write (a claim, then its verdict) are drawn once
      timer = setTimeout(() => {
        const now = new Set(changed);
        changed.clear();
        busy = busy.then(() => redraw(section, now)).catch(() => undefined);
      }, 120);
    }));
    section.liveStream = stream;
  }

  // ---- the source-time slider ---------------------------------------------------------------------
  function setUpSlider() {
    const form = $('#as-of');
    const section = $('#verdict');
    if (!form || !section) {
      return;
    }
    const year = $('#year');
    const shown = $('#year-shown');
    const show = value => {
      section.dataset.year = value || '';
      const url = new URL(location.href);
      if (value) {
        url.searchParams.set('publishedBefore', value);
      } else {
        url.searchParams.delete('publishedBefore');
      }
      history.replaceState(null, '', url);
      return redraw(section, new Set(), true);
    };
    section.dataset.year = new URL(location.href).searchParams.get('publishedBefore') || '';
    // the far right end is now: every source heard, the live verdict
    const chosen = () => (year.value === year.max ? '' : year.value);
    year.addEventListener('input', () => {
      shown.textContent = chosen() || 'now';
    });
    year.addEventListener('change', () => show(chosen()));
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      show(chosen());
    });
    $('#year-reset').addEventListener('click', ev => {
      ev.preventDefault();
      year.value = year.max;
      shown.textContent = 'now';
      show('');
    });
  }

  // ---- forms: the API's problem details beside the fields they name -----------------------------
  function collect(form) {
    const body = {};
    const path = {};
    $$('[name]', form).forEach(input => {
      const raw = input.value.trim();
      if (raw === '') {
        return;
      }
      let value = raw;
      switch (input.dataset.type) {
        case 'number':
          value = Number(raw.replace(',', '.'));
          if (Number.isNaN(value)) {
            value = raw; // the ledger names the field and says why
          }
          break;
        case 'boolean':
          value = raw === 'true';
          break;
        case 'list':
          value = raw.split(/[\n,]/).map(s => s.trim()).filter(s => s !== '');
          break;
      }
      if (input.dataset.path) {
        path[input.name] = value;
        return;
      }
      const keys = input.name.split('.');
      let into = body;
      keys.slice(0, -1).forEach(k => {
        into = into[k] = into[k] || {};
      });
      into[keys[keys.length - 1]] = value;
    });
    $$('[data-default-from]', form).forEach(input => {
      const from = path[input.dataset.defaultFrom];
      if (!body[input.name] && from) {
        body[input.name] = from + '/' + input.dataset.defaultSuffix + '-' + Math.random().toString(36).slice(2, 6);
      }
    });
    return {body, path};
  }

  function clearProblems(form) {
    $$('.field-error', form).forEach(e => {
      e.textContent = '';
    });
    $$('[aria-invalid]', form).forEach(e => e.removeAttribute('aria-invalid'));
    const general = $('.form-problem', form);
    general.hidden = true;
    general.textContent = '';
    $('.done', form).hidden = true;
  }

  function fieldProblem(form, field, message) {
    const candidates = [field, field.split('.')[0]];
    for (const name of candidates) {
      const slot = $('[data-error-for="' + CSS.escape(name) + '"]', form);
      if (slot) {
        slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + (name === field ? '' : field + ': ') + message;
        $$('[name]', form).filter(i => i.name === field || i.name.startsWith(name + '.') || i.name === name)
          .forEach(i => i.setAttribute('aria-invalid', 'true'));
        return true;
      }
    }
    return false;
  }

  function formProblem(form, text) {
    const general = $('.form-problem', form);
    general.textContent = text;
    general.hidden = false;
  }

  async function submit(form) {
    clearProblems(form);
    const token = sessionStorage.getItem(TOKEN);
    if (!token) {
      formProblem(form, 'Paste your token first: open “Reading without an account” at the top of the page.');
      $('#token-panel').open = true;
      $('#token-input').focus();
      return;
    }
    const {body, path} = collect(form);
    let url = form.dataset.api;
    if (url.includes(':source')) {
      if (!path.sourceId) {
        fieldProblem(form, 'sourceId', 'is required');
        $('[name="sourceId"]', form).focus();
        return;
      }
      url = url.replace(':source', path.sourceId.split('/').map(encodeURIComponent).join('/'));
    }
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + token},
        body: JSON.stringify(body)
      });
    } catch (e) {
      formProblem(form, 'The ledger could not be reached: nothing was written. Try again.');
      return;
    }
    if (response.ok) {
      const done = $('.done', form);
      done.textContent = form.dataset.kind === 'claim' ? 'Recorded: ' + body.id + '. It appears on the page as soon as the ledger has taken it in.'
        : form.dataset.kind === 'source' ? 'Registered: ' + body.id + '.' : 'Graded ' + body.grade + '.';
      if (form.dataset.kind === 'source') {
        const link = document.createElement('a');
        link.href = '/sources/' + body.id;
        link.textContent = ' Open its page.';
        done.append(link);
      }
      done.hidden = false;
      $$('textarea, input[name="id"]', form).forEach(i => {
        i.value = '';
      });
      return;
    }
    let problem = {};
    try {
      problem = await response.json();
    } catch (e) {
      problem = {title: response.statusText};
    }
    const errors = problem.errors || [];
    const unplaced = errors.filter(e => !fieldProblem(form, e.field, e.message));
    if (response.status === 404 && path.sourceId && /source/.test(problem.detail || '')) {
      fieldProblem(form, 'sourceId', problem.detail);
    }
    const lead = response.status === 401 ? 'Your token was not accepted (expired or not ours): paste a new one.'
      : response.status === 403 ? 'Your token does not allow this: ' + (problem.detail || 'ask for the right role.')
        : (problem.title || 'Refused') + (problem.detail ? ': ' + problem.detail : '');
    formProblem(form, lead + unplaced.map(e => ' ' + e.field + ': ' + e.message + '.').join(''));
    const first = $('[aria-invalid="true"]', form);
    if (first) {
      first.focus();
    }
  }

  function setUpForms() {
    $$('form.api-form').forEach(form => form.addEventListener('submit', ev => {
      ev.preventDefault();
      submit(form);
    }));
  }

  // a bibliography: the file as it is, sent to the import; first a dry run that shows the plan, then the commit
  function setUpBibliography() {
    const form = $('#bibliography-form');
    if (!form) {
      return;
    }
    const commit = $('#b-commit', form);
    const table = $('#b-plan-table', form);
    const problems = $('#b-problems', form);
    const send = async write => {
      clearProblems(form);
      problems.hidden = true;
      problems.textContent = '';
      const token = sessionStorage.getItem(TOKEN);
      if (!token) {
        formProblem(form, 'Paste your token first: open “Reading without an account” at the top of the page.');
        $('#token-panel').open = true;
        return;
      }
      const file = $('#b-file', form).files[0];
      if (!file) {
        fieldProblem(form, 'file', 'choose your bibliography file first');
        return;
      }
      const type = /\.bib(tex)?$/i.test(file.name) ? 'application/x-bibtex' : 'application/vnd.citationstyles.csl+json';
      let response;
      try {
        response = await fetch('/api/imports/sources' + (write ? '?commit=true' : ''), {
          method: 'POST', body: file,
          headers: {'Content-Type': type, Accept: 'application/json', Authorization: 'Bearer ' + token}
        });
      } catch (e) {
        formProblem(form, 'The ledger could not be reached: nothing was written. Try again.');
        return;
      }
      let answer = {};
      try {
        answer = await response.json();
      } catch (e) {
        answer = {title: response.statusText};
      }
      if (!response.ok) {
        table.hidden = true;
        commit.hidden = true;
        formProblem(form, (answer.title || 'Refused') + (answer.detail ? ': ' + answer.detail : '') + ' Nothing was written.');
        (answer.errors || []).forEach(e => {
          const item = document.createElement('li');
          item.textContent = 'Entry ' + (e.entry || '?') + ', ' + (e.field || '') + ': ' + e.message;
          problems.append(item);
        });
        problems.hidden = problems.children.length === 0;
        return;
      }
      const body = $('tbody', table);
      body.textContent = '';
      (answer.entries || []).forEach(e => {
        const row = document.createElement('tr');
        row.dataset.action = e.action;
        const action = e.action === 'correct' ? 'correct (' + (e.changes || []).join(', ') + ')' : e.action;
        [e.entry, e.id, e.title, action].forEach((text, i) => {
          const cell = document.createElement('td');
          if (i === 1 && e.action !== 'register' || i === 1 && write) {
            const link = document.createElement('a');
            link.href = '/sources/' + e.id;
            link.textContent = text;
            cell.append(link);
          } else {
            cell.textContent = text;
          }
          row.append(cell);
        });
        body.append(row);
      });
      table.hidden = false;
      const done = $('.done', form);
      done.textContent = write
        ? 'Imported: ' + answer.register + ' registered, ' + answer.correct + ' corrected, ' + answer.unchanged + ' unchanged.'
        : 'Nothing written yet: ' + answer.register + ' to register, ' + answer.correct + ' to correct, ' + answer.unchanged + ' unchanged.';
      done.hidden = false;
      commit.hidden = write || answer.register + answer.correct === 0;
    };
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      send(false);
    });
    commit.addEventListener('click', () => send(true));
    $('#b-file', form).addEventListener('change', () => {
      commit.hidden = true;
      table.hidden = true;
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    setUpToken();
    setUpSlider();
    setUpForms();
    setUpBibliography();
    $$('[data-live]').forEach(listen);
  });
  // a page left behind (or kept in the back-forward cache) must not keep its stream open: browsers
  // allow a handful of connections per server, and a stream holds one for good
  window.addEventListener('pagehide', () => $$('[data-live]').forEach(section => {
    if (section.liveStream) {
      section.liveStream.close();
      section.liveStream = null;
    }
  }));
  window.addEventListener('pageshow', ev => {
    if (ev.persisted) {
      $$('[data-live]').forEach(listen);
    }
  });
})();
