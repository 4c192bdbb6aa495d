// Small behaviours of the console, kept out of the pages so the Content-Security-Policy can
// forbid inline script: data-select-on-focus selects a field's text (a link to copy);
// data-copy="#field" copies that field's text; data-confirm asks before a form is sent (a deletion).
// After an action on the case page, focus goes where the page marks it: the refused action's
// reason (announced, beside the form that was sent) or, after a success, the next step.
document.addEventListener('htmx:afterSettle', function () {
    var mark = document.querySelector('[data-focus]');
    if (mark) {
        mark.removeAttribute('data-focus');
        mark.scrollIntoView({block: 'center'});
        mark.focus({preventScroll: true});
    }
});

// On a phone the sections fold into a menu, and the queue's tools behind a button: it opens and closes them.
document.addEventListener('click', function (event) {
    var toggle = event.target.closest && event.target.closest('.menu-toggle, .fold-toggle');
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

// Keyboard shortcuts for the frequent actions; "?" lists them. Keys typed into a field are
// the field's. The queue remembers its order (this tab only), so that on a case page j and k
// move to the next and previous case of the queue the agent came from.
(function () {
    var SHORTCUTS = [
        ['j / k', 'Next / previous case (in the queue: move the selection)'],
        ['Enter', 'Open the selected case (in the queue)'],
        ['t', 'Take next: the most urgent case nobody holds'],
        ['r', 'Reply to the customer'],
        ['i', 'Write an internal note'],
        ['s', 'The next playbook step'],
        ['g q', 'Go to the queue'],
        ['?', 'Show or hide these shortcuts']
    ];
    var selected = -1;
    var pending = '';

    function typing(target) {
        var tag = target && target.tagName;
        return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
    }

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll('table.list tbody tr[data-case]'));
    }

    function rememberQueue() {
        var numbers = rows().map(function (row) { return row.getAttribute('data-case'); });
        if (numbers.length && document.querySelector('[data-testid=take-next]')) {
            sessionStorage.setItem('redress.queue', JSON.stringify(numbers));
        }
    }

    function select(index) {
        var all = rows();
        if (!all.length) {
            return;
        }
        selected = Math.max(0, Math.min(all.length - 1, index));
        all.forEach(function (row, i) { row.classList.toggle('selected', i === selected); });
        all[selected].scrollIntoView({block: 'nearest'});
    }

    function caseNumberHere() {
        var match = location.pathname.match(/^\/cases\/(RC-\d+)$/i);
        return match ? match[1] : null;
    }

    function neighbour(step) {
        var here = caseNumberHere();
        var queue = JSON.parse(sessionStorage.getItem('redress.queue') || '[]');
        var at = queue.indexOf(here);
        var next = at < 0 ? null : queue[at + step];
        if (next) {
            location.href = '/cases/' + next;
        }
    }

    function takeNext() {
        var form = document.querySelector('[data-testid=take-next]');
        if (!form) {
            // Not on the queue: post the same form, with the CSRF token the page carries for htmx.
            var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
            form = document.createElement('form');
            form.method = 'post';
            form.action = '/cases/take-next';
            var token = document.createElement('input');
            token.type = 'hidden';
            token.name = '_csrf';
            token.value = headers['X-CSRF-TOKEN'] || '';
            form.appendChild(token);
            document.body.appendChild(form);
        }
        form.submit();
    }

    function focus(selector) {
        var field = document.querySelector(selector);
        if (field) {
            field.scrollIntoView({block: 'center'});
            field.focus();
        }
        return !!field;
    }

    function toggleHelp() {
        var help = document.getElementById('shortcuts');
        if (help) {
            help.remove();
            return;
        }
        help = document.createElement('div');
        help.id = 'shortcuts';
        help.className = 'shortcuts card';
        help.setAttribute('role', 'dialog');
        help.setAttribute('aria-label', 'Keyboard shortcuts');
        var title = document.createElement('h2');
        title.textContent = 'Keyboard shortcuts';
        help.appendChild(title);
        var list = document.createElement('dl');
        SHORTCUTS.forEach(function (shortcut) {
            var key = document.createElement('dt');
            key.textContent = shortcut[0];
            var what = document.createElement('dd');
            what.textContent = shortcut[1];
            list.appendChild(key);
            list.appendChild(what);
        });
        help.appendChild(list);
        document.body.appendChild(help);
    }

    document.addEventListener('DOMContentLoaded', rememberQueue);
    document.addEventListener('htmx:afterSettle', function () {
        selected = -1;
        rememberQueue();
    });

    document.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
            return;
        }
        var key = event.key;
        if (pending === 'g') {
            pending = '';
            if (key === 'q') {
                location.href = '/cases';
            }
            return;
        }
        var inQueue = rows().length > 0 && !caseNumberHere();
        var handled = true;
        if (key === '?') {
            toggleHelp();
        } else if (key === 'Escape' && document.getElementById('shortcuts')) {
            toggleHelp();
        } else if (key === 'j') {
            inQueue ? select(selected + 1) : neighbour(1);
        } else if (key === 'k') {
            inQueue ? select(selected - 1) : neighbour(-1);
        } else if (key === 'Enter' && inQueue && selected >= 0) {
            location.href = '/cases/' + rows()[selected].getAttribute('data-case');
        } else if (key === 't') {
            takeNext();
        } else if (key === 'r') {
            handled = focus('#composer-text');
        } else if (key === 'i') {
            handled = focus('textarea[data-note]');
        } else if (key === 's') {
            handled = focus('.step.current textarea, .step.current select, .step.current button');
        } else if (key === 'g') {
            pending = 'g';
        } else {
            handled = false;
        }
        if (handled) {
            event.preventDefault();
        }
    });
})();

// Live pages. The case page's heartbeat says whether this person is writing (a note or a reply
// under way). The queue refreshes its rows when a case changed, unless rows are selected for a
// bulk action (refreshing would lose the selection).
(function () {
    document.addEventListener('htmx:configRequest', function (event) {
        if (event.detail.elt && event.detail.elt.id === 'presence') {
            var writing = Array.prototype.some.call(document.querySelectorAll('main textarea'), function (field) {
                // Focused, or changed from what the page put there (a template's text is not writing yet).
                return field === document.activeElement || field.value !== field.defaultValue;
            });
            event.detail.parameters.writing = writing ? 'true' : 'false';
        }
    });
    document.addEventListener('htmx:beforeRequest', function (event) {
        if (event.detail.elt && event.detail.elt.id === 'queue-rows' && document.querySelector('input[name=cases]:checked')) {
            event.preventDefault();
        }
    });
})();
