// Small behaviours of the console, kept out of the pages so the Content-Security-Policy can
// forbid inline script: data-select-on-focus selects a field's text (a link to copy);
// data-copy="#field" copies that field's text; data-confirm asks before a form is sent (a deletion).
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
