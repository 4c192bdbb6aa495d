// Small behaviours of the console, kept out of the pages so the Content-Security-Policy can
// forbid inline script: data-select-on-focus selects a field's text (a link to copy);
// data-copy="#field" copies that field's text; data-confirm asks before a form is sent (a deletion).
// On a phone the sections fold into a menu: the button opens and closes it.
document.addEventListener('click', function (event) {
    var toggle = event.target.closest && event.target.closest('.menu-toggle');
    var menu = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (menu) {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        menu.classList.toggle('open', open);
    }
});
document.addEventListener('click', function (event) {
    var field = event.target.closest && event.target.closest('[data-select-on-focus]');
    if (field) {
        field.select();
    }
});
document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    var field = button && document.querySelector(button.getAttribute('data-copy'));
    if (!field) {
        return;
    }
    field.select();
    var copied = function () {
        button.textContent = 'Copied';
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(copied, function () {
            document.execCommand('copy');
            copied();
        });
    } else {
        document.execCommand('copy');
        copied();
    }
});
document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
}, true);

// When an htmx request fails (the database unreachable, a record gone, a change refused), say
// why at the top of the page instead of leaving it unchanged without a word. The server's
// answer carries the words: a problem document's detail, or the error page's message.
(function () {
    function show(message) {
        var banner = document.getElementById('console-error');
        if (!banner) {
            banner = document.createElement('div');
            banner.id = 'console-error';
            banner.className = 'flash error';
            banner.setAttribute('role', 'alert');
            var main = document.querySelector('main') || document.body;
            main.insertBefore(banner, main.firstChild);
        }
        banner.textContent = message;
    }

    document.addEventListener('htmx:responseError', function (event) {
        var xhr = event.detail.xhr;
        var message = 'Something went wrong (' + xhr.status + '). Please try again.';
        try {
            var type = xhr.getResponseHeader('Content-Type') || '';
            if (type.indexOf('json') >= 0) {
                message = JSON.parse(xhr.responseText).detail || message;
            } else {
                var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
                var text = page.querySelector('.card p');
                if (text && text.textContent.trim()) {
                    message = text.textContent.trim();
                }
            }
        } catch (ignored) {
            // keep the general message
        }
        show(message);
    });

    document.addEventListener('htmx:sendError', function () {
        show('Redress cannot be reached. Check the connection and try again.');
    });
})();
