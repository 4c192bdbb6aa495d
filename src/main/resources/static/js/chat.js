/*
 * The chat inside the widget's frame. The conversation's secret is kept where the customer
 * finds it again when they come back to the site: in this frame's storage where the browser
 * allows it (many block storage in frames of another site), and handed to the host page's
 * script, which keeps it in the site's own storage and gives it back in the frame's address
 * (after #, which is never sent to any server).
 */
(function () {
  'use strict';
  var KEY = 'redress-chat';
  var root = document.getElementById('chat');
  var poll = Number(root.getAttribute('data-poll')) || 4000;
  var startForm = document.getElementById('chat-start');
  var writeForm = document.getElementById('chat-write');
  var list = document.getElementById('chat-messages');
  var status = document.getElementById('chat-status');
  var error = document.getElementById('chat-error');
  var timer = null;
  var current = window.location.hash.length > 1 ? decodeURIComponent(window.location.hash.substring(1)) : null;
  if (!current) {
    try { current = window.localStorage.getItem(KEY); } catch (e) { current = null; }
  }

  function token() {
    return current;
  }

  function keep(value) {
    current = value;
    try {
      if (value) { window.localStorage.setItem(KEY, value); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* storage refused here: the host page keeps it */ }
    if (window.parent !== window) {
      window.parent.postMessage({ redressChat: value || '' }, '*');
    }
  }

  function request(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body) { headers['Content-Type'] = 'application/json'; }
    if (token()) { headers['X-Chat-Token'] = token(); }
    return fetch(path, { method: method, headers: headers, credentials: 'omit',
      body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var problem = new Error(json.errors && json.errors.length ? json.errors.map(function (e) {
            return e.field + ' ' + e.message; }).join('; ') : (json.detail || 'Something went wrong; please try again.'));
          problem.status = response.status;
          throw problem;
        }
        return json;
      });
    });
  }

  function show(conversation) {
    list.replaceChildren();
    conversation.messages.forEach(function (message) {
      var item = document.createElement('li');
      item.className = 'chat-line from-' + message.from;
      item.setAttribute('data-from', message.from);
      var who = document.createElement('div');
      who.className = 'chat-author';
      who.textContent = message.from === 'us' ? message.author : 'You';
      var words = document.createElement('div');
      words.className = 'chat-text';
      words.textContent = message.text;
      item.append(who, words);
      list.appendChild(item);
    });
    list.scrollTop = list.scrollHeight;
    status.textContent = 'Case ' + conversation.caseNumber + (conversation.closed
      ? ' is closed; write again and we open a new one.' : '');
    startForm.hidden = true;
    writeForm.hidden = false;
  }

  function fail(problem) {
    error.textContent = problem.message;
    error.hidden = false;
    if (problem.status === 404) {
      keep(null);
      stop();
      writeForm.hidden = true;
      startForm.hidden = false;
    }
  }

  function refresh() {
    return request('GET', 'widget/conversation').then(show).catch(fail);
  }

  function stop() {
    if (timer) { window.clearInterval(timer); timer = null; }
  }

  function follow() {
    stop();
    timer = window.setInterval(refresh, poll);
  }

  startForm.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    var data = new FormData(startForm);
    request('POST', 'widget/conversations', { name: data.get('name'), email: data.get('email'), text: data.get('text') })
      .then(function (started) { keep(started.token); startForm.reset(); show(started.conversation); follow(); })
      .catch(fail);
  });

  writeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    error.hidden = true;
    var data = new FormData(writeForm);
    request('POST', 'widget/messages', { text: data.get('text') })
      .then(function (conversation) { writeForm.reset(); show(conversation); })
      .catch(fail);
  });

  if (token()) {
    refresh().then(follow);
  }
})();
