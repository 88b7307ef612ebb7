// The dashboard: draws the summary of GET /analytics/summary as charts and keeps them live from the server-sent
// events of /analytics/summary/stream (the browser reconnects by itself when the stream breaks).
'use strict';

(() => {
  const styles = getComputedStyle(document.documentElement);
  const colour = (name) => styles.getPropertyValue(name).trim();
  const palette = {
    text: colour('--text'),
    muted: colour('--muted'),
    line: colour('--line'),
    card: colour('--card'),
    accent: colour('--accent'),
    confirmed: colour('--confirmed'),
    outOfStock: colour('--out-of-stock'),
    declined: colour('--declined'),
    timedOut: colour('--timed-out'),
    pending: colour('--pending'),
  };

  const count = new Intl.NumberFormat();
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
  const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

  /** 850 ms, 1.25 s, 2 min 5 s */
  function duration(millis) {
    if (millis < 1000) {
      return `${Math.round(millis)} ms`;
    }
    if (millis < 60_000) {
      return `${(millis / 1000).toFixed(2)} s`;
    }
    const seconds = Math.round(millis / 1000);
    return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  }

  function money(amount) {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: amount.currency })
      .format(Number(amount.amount));
  }

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = palette.muted;
  Chart.defaults.borderColor = palette.line;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
    Chart.defaults.animation = false;
  }

  /** Writes the conversion rate in the middle of the doughnut. */
  const centreText = {
    id: 'centreText',
    afterDraw(chart, args, options) {
      const { ctx, chartArea } = chart;
      const x = (chartArea.left + chartArea.right) / 2;
      const y = (chartArea.top + chartArea.bottom) / 2;
      ctx.save();
      ctx.textAlign = 'center';
      ctx.fillStyle = palette.text;
      ctx.font = `700 26px ${Chart.defaults.font.family}`;
      ctx.fillText(options.value, x, y + 2);
      ctx.fillStyle = palette.muted;
      ctx.font = `13px ${Chart.defaults.font.family}`;
      ctx.fillText(options.label, x, y + 22);
      ctx.restore();
    },
  };

  const outcomes = new Chart(document.getElementById('outcomes'), {
    type: 'doughnut',
    data: {
      labels: ['Confirmed', 'Out of stock', 'Payment declined', 'Timed out', 'Pending'],
      datasets: [{
        data: [0, 0, 0, 0],
        backgroundColor: [palette.confirmed, palette.outOfStock, palette.declined, palette.timedOut, palette.pending],
        borderColor: palette.card,
        borderWidth: 3,
        hoverOffset: 6,
      }],
    },
    options: {
      cutout: '68%',
      plugins: {
        legend: { position: 'right' },
        centreText: { value: '–', label: 'converted' },
      },
    },
    plugins: [centreText],
  });

  const products = new Chart(document.getElementById('products'), {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'Units sold', data: [], backgroundColor: palette.accent, borderRadius: 6 }] },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: palette.line } },
        y: { grid: { display: false }, ticks: { color: palette.text } },
      },
    },
  });

  const timing = new Chart(document.getElementById('timing'), {
    type: 'bar',
    data: {
      labels: ['Average', 'p50', 'p90', 'p99'],
      datasets: [{
        label: 'Time to confirm',
        data: [0, 0, 0, 0],
        backgroundColor: [palette.pending, palette.confirmed, palette.outOfStock, palette.declined],
        borderRadius: 6,
      }],
    },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => duration(item.parsed.y) } },
      },
      scales: {
        y: { beginAtZero: true, ticks: { callback: (value) => duration(value) }, grid: { color: palette.line } },
        x: { grid: { display: false }, ticks: { color: palette.text } },
      },
    },
  });

  const steps = new Chart(document.getElementById('steps'), {
    type: 'bar',
    data: {
      labels: ['Placed', ['Stock', 'reserved'], 'Paid', 'Confirmed', ['Customer', 'notified']],
      datasets: [{
        label: 'Orders',
        data: [0, 0, 0, 0, 0],
        backgroundColor: [palette.accent, palette.accent, palette.accent, palette.confirmed, palette.accent],
        borderRadius: 6,
      }],
    },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => [items[0].label].flat().join(' ') } },
      },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: palette.line } },
        x: { grid: { display: false }, ticks: { color: palette.text, maxRotation: 0 } },
      },
    },
  });

  function show(figure, text) {
    document.querySelectorAll(`[data-figure="${figure}"]`).forEach((element) => {
      element.textContent = text;
    });
  }

  function describe(canvasId, text) {
    document.getElementById(canvasId).setAttribute('aria-label', text);
  }

  function render(summary) {
    const { orders, timeToConfirm, sagaSteps } = summary;
    const outOfStock = orders.cancelledByReason.OUT_OF_STOCK ?? 0;
    const declined = orders.cancelledByReason.PAYMENT_DECLINED ?? 0;
    const timedOut = orders.cancelledByReason.TIMED_OUT ?? 0;
    const conversion = summary.conversionRate === null ? '–' : percent.format(summary.conversionRate);

    show('placed', count.format(orders.placed));
    show('pending', `${count.format(orders.pending)} pending`);
    show('confirmed', count.format(orders.confirmed));
    show('conversion', `${conversion} of placed orders`);
    show('cancelled', count.format(orders.cancelled));
    show('cancelled-by-reason', `${count.format(outOfStock)} out of stock · ${count.format(declined)} declined · `
      + `${count.format(timedOut)} timed out`);
    show('revenue', summary.revenue.length === 0 ? money({ amount: '0', currency: 'EUR' })
      : summary.revenue.map(money).join(' + '));
    show('p50', timeToConfirm === null ? '–' : duration(timeToConfirm.p50Millis));
    show('p90', timeToConfirm === null ? 'median, once an order is confirmed'
      : `median · p90 ${duration(timeToConfirm.p90Millis)}`);
    show('generation', String(summary.generation));

    outcomes.data.datasets[0].data = [orders.confirmed, outOfStock, declined, timedOut, orders.pending];
    outcomes.options.plugins.centreText.value = conversion;
    outcomes.update();
    describe('outcomes', `Order outcomes: ${orders.confirmed} confirmed, ${outOfStock} out of stock, `
      + `${declined} payment declined, ${timedOut} timed out, ${orders.pending} pending; ${conversion} converted`);

    products.data.labels = summary.topProducts.map((product) => product.name ?? product.sku);
    products.data.datasets[0].data = summary.topProducts.map((product) => product.units);
    products.update();
    describe('products', summary.topProducts.length === 0 ? 'Top products: none sold yet'
      : `Top products: ${summary.topProducts.map((p) => `${p.name ?? p.sku} ${p.units} units`).join(', ')}`);

    const times = timeToConfirm === null ? [0, 0, 0, 0] : [timeToConfirm.averageMillis, timeToConfirm.p50Millis,
      timeToConfirm.p90Millis, timeToConfirm.p99Millis];
    timing.data.datasets[0].data = times;
    timing.update();
    describe('timing', timeToConfirm === null ? 'Time to confirm: no confirmed order yet'
      : `Time to confirm over ${timeToConfirm.orders} orders: average ${duration(times[0])}, `
        + `p50 ${duration(times[1])}, p90 ${duration(times[2])}, p99 ${duration(times[3])}`);

    steps.data.datasets[0].data = [orders.placed, sagaSteps.stockReserved, sagaSteps.paymentCompleted,
      orders.confirmed, sagaSteps.customerNotified];
    steps.update();
    describe('steps', `Saga progress: ${orders.placed} placed, ${sagaSteps.stockReserved} stock reserved, `
      + `${sagaSteps.paymentCompleted} paid, ${orders.confirmed} confirmed, `
      + `${sagaSteps.customerNotified} customers notified`);

    document.getElementById('updated').textContent = `· updated ${clock.format(new Date())}`;
  }

  const status = document.querySelector('.status');
  const connection = document.getElementById('connection');
  function connected(isLive) {
    status.classList.toggle('live', isLive);
    status.classList.toggle('down', !isLive);
    connection.textContent = isLive ? 'Live' : 'Reconnecting…';
  }

  const feed = new EventSource('/analytics/summary/stream');
  feed.addEventListener('summary', (event) => {
    connected(true);
    render(JSON.parse(event.data));
  });
  feed.addEventListener('open', () => connected(true));
  feed.addEventListener('error', () => connected(false));
})();
