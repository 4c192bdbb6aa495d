// The Insights page's tables, drawn as charts and offered as CSV. Charts: a table marked data-chart becomes a bar
// chart above it, with one series per column header marked data-series and the values of that
// column's cells' data-value (empty: no bar). The table stays as the chart's text equivalent,
// and the chart says so to screen readers. Sections load after the page, so each new section
// is looked at as it arrives.
(function () {
    var COLOURS = ['#2454d6', '#137a4a', '#a45b00', '#5b3cc4', '#b3261e'];

    function chart(table) {
        var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
        var columns = heads.map(function (th, i) { return th.hasAttribute('data-series') ? i : -1; })
            .filter(function (i) { return i >= 0; });
        var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
        if (!columns.length || !rows.length) {
            return;
        }
        var labels = rows.map(function (row) {
            var th = row.querySelector('th');
            return th ? (th.getAttribute('data-label') || th.textContent.trim()) : '';
        });
        var datasets = columns.map(function (column, k) {
            return {
                label: heads[column].textContent.trim(),
                backgroundColor: COLOURS[k % COLOURS.length],
                data: rows.map(function (row) {
                    var value = row.children[column] && row.children[column].getAttribute('data-value');
                    return value === null || value === '' ? null : Number(value);
                })
            };
        });
        // Nothing to draw (no value yet, or counts that are all zero): the table says it better than an empty
        // chart. A share of 0% is a finding, and is drawn.
        var percent = table.getAttribute('data-chart-unit') === '%';
        var drawn = datasets.some(function (set) {
            return set.data.some(function (v) { return v !== null && (percent || v !== 0); });
        });
        if (!drawn) {
            return;
        }
        var figure = document.createElement('figure');
        figure.className = 'chart';
        figure.setAttribute('data-chart-for', table.getAttribute('data-testid') || '');
        var canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', table.getAttribute('data-chart-title') + '. The table below gives the same figures.');
        figure.appendChild(canvas);
        (table.closest('.card') || table).before(figure);
        var horizontal = table.getAttribute('data-chart') === 'hbar';
        var valueAxis = {beginAtZero: true, ticks: {callback: function (v) { return percent ? v + '%' : v; }}};
        if (percent) {
            valueAxis.max = 100;
        }
        new window.Chart(canvas, {
            type: 'bar',
            data: {labels: labels, datasets: datasets},
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                maintainAspectRatio: false,
                animation: false,
                plugins: {
                    legend: {display: datasets.length > 1},
                    title: {display: true, text: table.getAttribute('data-chart-title')}
                },
                scales: horizontal ? {x: valueAxis} : {y: valueAxis}
            }
        });
    }

    function draw() {
        if (!window.Chart) {
            return;
        }
        document.querySelectorAll('table[data-chart]:not([data-charted])').forEach(function (table) {
            table.setAttribute('data-charted', 'true');
            chart(table);
        });
    }

    document.addEventListener('DOMContentLoaded', draw);
    document.addEventListener('htmx:afterSettle', draw);
})();

// Every table on the Insights page downloads as CSV (RFC 4180), as it reads: a "CSV" button
// under each, built here from the table itself, so what is downloaded is what is shown.
(function () {
    function cell(text) {
        var value = text.replace(/\s+/g, ' ').trim();
        // A value a spreadsheet would run as a formula is shown as text instead.
        if (/^[=+\-@]/.test(value)) {
            value = "'" + value;
        }
        return /[",\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
    }

    function csv(table) {
        return Array.prototype.map.call(table.querySelectorAll('tr'), function (row) {
            return Array.prototype.map.call(row.querySelectorAll('th, td'), function (c) {
                var label = c.getAttribute('data-label');
                return cell(label !== null ? label : c.textContent);
            }).join(',');
        }).join('\r\n') + '\r\n';
    }

    function offer() {
        document.querySelectorAll('main table.list[data-testid]:not([data-csv])').forEach(function (table) {
            table.setAttribute('data-csv', 'true');
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'link csv';
            button.textContent = 'Download this table (CSV)';
            button.setAttribute('data-csv-for', table.getAttribute('data-testid'));
            button.addEventListener('click', function () {
                var link = document.createElement('a');
                link.href = URL.createObjectURL(new Blob([csv(table)], {type: 'text/csv'}));
                link.download = 'redress-' + table.getAttribute('data-testid') + '.csv';
                document.body.appendChild(link);
                link.click();
                link.remove();
            });
            (table.closest('.card') || table).after(button);
        });
    }

    document.addEventListener('DOMContentLoaded', offer);
    document.addEventListener('htmx:afterSettle', offer);
})();
