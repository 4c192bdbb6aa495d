/*
 * Redress chat widget. A business adds one tag to its pages:
 *   <script src="https://redress.example.com/widget.js" async></script>
 * It shows a "Chat with us" button; the chat itself runs in a frame served by Redress, so
 * nothing of the host page can read the conversation, and the host's styles cannot break it.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__redressChat) {
    return;
  }
  window.__redressChat = true;
  var origin = new URL(script.src, document.baseURI).origin;
  var label = script.getAttribute('data-label') || 'Chat with us';
  var KEY = 'redress-chat';

  // The chat's secret, kept in this site's storage for the frame (which browsers often keep from storing it itself).
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function start() {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('data-redress-chat', 'button');
    button.style.cssText = 'position:fixed;right:20px;bottom:20px;z-index:2147483646;padding:12px 18px;border:0;'
      + 'border-radius:24px;background:#1f4f8b;color:#fff;font:600 15px/1.2 system-ui,sans-serif;cursor:pointer;'
      + 'box-shadow:0 2px 10px rgba(0,0,0,.25)';
    var frame = document.createElement('iframe');
    var kept = stored();
    frame.src = origin + '/widget' + (kept ? '#' + encodeURIComponent(kept) : '');
    frame.title = label;
    frame.setAttribute('data-redress-chat', 'frame');
    frame.style.cssText = 'position:fixed;right:20px;bottom:76px;z-index:2147483647;width:360px;max-width:calc(100vw - 40px);'
      + 'height:520px;max-height:calc(100vh - 100px);border:1px solid #c9d2dd;border-radius:12px;background:#fff;'
      + 'box-shadow:0 4px 24px rgba(0,0,0,.2);display:none';
    button.addEventListener('click', function () {
      var open = frame.style.display === 'none';
      frame.style.display = open ? 'block' : 'none';
      button.setAttribute('aria-expanded', String(open));
    });
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow || !event.data
          || typeof event.data.redressChat !== 'string') {
        return;
      }
      try {
        if (event.data.redressChat) { window.localStorage.setItem(KEY, event.data.redressChat); }
        else { window.localStorage.removeItem(KEY); }
      } catch (e) { /* the site's storage refused too: the chat lasts as long as the page */ }
    });
    document.body.appendChild(frame);
    document.body.appendChild(button);
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
})();
