// k6 load test of the web form ingress: a constant arrival rate of submissions, then a status read of each ticket.
//   npm run infra:k6                      # builds k6 once
//   RATE_LIMIT_PER_IP_PER_MINUTE=100000 RATE_LIMIT_PER_EMAIL_PER_HOUR=100000 npm start   (or dev:distributed)
//   ~/.cache/cs-agent/bin/k6 run -e BASE_URL=http://127.0.0.1:3000 -e RATE=300 -e DURATION=30s bench/k6/support-form.js
import http from 'k6/http';
import { check } from 'k6';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';

export const options = {
  scenarios: {
    submit: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 300),
      timeUnit: '1s',
      duration: __ENV.DURATION || '30s',
      preAllocatedVUs: 100,
      maxVUs: 400,
    },
  },
  thresholds: {
    'http_req_duration{name:submit}': ['p(99)<500'],
    'http_req_failed{name:submit}': ['rate<0.001'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(95)', 'p(99)', 'max'],
};

export default function () {
  const id = `${__VU}-${__ITER}`;
  const res = http.post(
    `${BASE_URL}/api/v1/support/form`,
    JSON.stringify({
      name: 'Load Tester',
      email: `load-${id}@example.com`,
      subject: `Load test request ${id}`,
      category: 'technical',
      priority: 'medium',
      message: 'How do I export my board to CSV? It is for a load test.',
    }),
    { headers: { 'Content-Type': 'application/json' }, tags: { name: 'submit' } },
  );
  check(res, { 'accepted (201)': (r) => r.status === 201 });
}
