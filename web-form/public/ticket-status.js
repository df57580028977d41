// Reads "#TICKET.TOKEN" from the URL fragment (never sent to servers or logs) and polls the ticket.
(function () {
  const [ticketId, token] = decodeURIComponent(location.hash.slice(1)).split('.');
  const title = document.getElementById('title');
  const status = document.getElementById('status');
  const list = document.getElementById('messages');

  function render(view) {
    title.textContent = `Ticket ${view.ticketId}`;
    status.innerHTML = '';
    const badge = document.createElement('span');
    badge.className = 'status';
    badge.textContent = view.status;
    status.append(view.subject ? `${view.subject} · ` : '', badge);
    list.innerHTML = '';
    for (const m of view.messages) {
      const div = document.createElement('div');
      div.className = `message ${m.direction}`;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = `${m.direction === 'inbound' ? 'You' : 'Support'} · ${new Date(m.createdAt).toLocaleString()}`;
      const body = document.createElement('div');
      body.textContent = m.body;
      div.append(meta, body);
      list.append(div);
    }
    if (view.messages.length === 0) list.textContent = 'We are processing your request…';
  }

  async function refresh() {
    if (!ticketId || !token) {
      status.textContent = 'This link is incomplete. Use the link you received when you submitted the form.';
      return;
    }
    const res = await fetch(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, { headers: { 'X-Ticket-Token': token } });
    if (res.ok) render(await res.json());
    else status.textContent = res.status === 404 ? 'We could not find this ticket.' : 'Could not load the ticket right now.';
  }

  refresh();
  setInterval(refresh, 4000);
})();
