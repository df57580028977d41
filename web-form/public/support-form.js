// Submits the form as JSON; shows field-level errors from the API next to their fields.
(function () {
  const form = document.getElementById('support-form');
  const result = document.getElementById('result');
  const button = form.querySelector('button');

  function clearErrors() {
    for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  }

  function show(html, isError) {
    result.className = isError ? 'notice error' : 'notice';
    result.innerHTML = html;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const body = Object.fromEntries(new FormData(form).entries());
    if (!body.phone) delete body.phone;
    button.disabled = true;
    try {
      const res = await fetch('/api/v1/support/form', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const data = await res.json().catch(() => ({}));
      if (res.status === 201) {
        form.reset();
        const link = `tickets.html#${encodeURIComponent(data.ticketId)}.${encodeURIComponent(data.statusToken)}`;
        show(`<strong>Ticket ${escapeHtml(data.ticketId)}</strong><br>${escapeHtml(data.message)}<br><a href="${link}">Follow your ticket</a> (keep this link private).`);
      } else if (res.status === 400 && Array.isArray(data.fields)) {
        for (const f of data.fields) {
          const el = form.querySelector(`.field-error[data-for="${f.field}"]`);
          if (el) el.textContent = f.message;
        }
        show('Please correct the highlighted fields.', true);
      } else if (res.status === 429) {
        show(`Too many requests. Please try again in ${escapeHtml(res.headers.get('Retry-After') || 'a few')} seconds.`, true);
      } else {
        show(escapeHtml(data.message || 'Something went wrong. Please try again.'), true);
      }
    } catch {
      show('We could not reach the server. Check your connection and try again.', true);
    } finally {
      button.disabled = false;
    }
  });
})();
