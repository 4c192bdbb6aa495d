// Small behaviours of the console, kept out of the pages so the Content-Security-Policy can
// forbid inline script: data-select-on-focus selects a field's text (a link to copy);
// data-confirm asks before a form is sent (a deletion).
document.addEventListener('click', function (event) {
    var field = event.target.closest && event.target.closest('[data-select-on-focus]');
    if (field) {
        field.select();
    }
});
document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
}, true);
