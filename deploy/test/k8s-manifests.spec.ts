import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { PROCESSOR_CONSUMER } from '@cs/core';
import { TOPIC_PARTITIONS, TOPICS, type TopicName } from '@cs/contracts';
import { EGRESS_EMAIL_CONSUMER } from '@cs/egress-email';
import { EGRESS_WEB_CONSUMER } from '@cs/egress-web';
import { EGRESS_WHATSAPP_CONSUMER } from '@cs/egress-whatsapp';
import { SERVICES } from '../services';
import {
  K8S,
  kubectlAvailable,
  kustomizeBuild,
  loadManifests,
  objectsOf,
  parseYaml,
  ROOT,
  validateObjects,
  yamlFiles,
  type DeploymentObject,
} from './manifests';

const manifests = loadManifests();
const base = (kind: string) => objectsOf(manifests, kind, 'base/');
const deployments = objectsOf<DeploymentObject>(manifests, 'Deployment');
const hpas = objectsOf<IHorizontalPodAutoscaler & { metadata: { name: string } }>(manifests, 'HorizontalPodAutoscaler');
const config = (base('ConfigMap')[0]!.object as unknown as IConfigMap).data!;

/** Workers: the group and topic each one consumes, as the code spells them (a new worker must be added here). */
const WORKERS: Record<string, { group: string; topic: TopicName }> = {
  'message-processor': { group: PROCESSOR_CONSUMER, topic: TOPICS.inbound },
  'egress-web': { group: EGRESS_WEB_CONSUMER, topic: TOPICS.outboundWeb },
  'egress-email': { group: EGRESS_EMAIL_CONSUMER, topic: TOPICS.outboundEmail },
  'egress-whatsapp': { group: EGRESS_WHATSAPP_CONSUMER, topic: TOPICS.outboundWhatsapp },
};
/** Pods allowed to reach the internet on 443, and why. */
const INTERNET_CLIENTS: Record<string, string> = {
  'message-processor': 'OpenAI',
  'cs-setup': 'OpenAI embeddings for the knowledge base',
  'ingress-gmail': 'Gmail API, Google OIDC certificates',
  'egress-email': 'Gmail API, Google OAuth',
  'egress-whatsapp': 'Twilio',
};

const podSpec = (object: { spec?: { template?: { spec?: IPodSpec } } }) => object.spec!.template!.spec!;
const podLabels = (object: { spec?: { template?: { metadata?: { labels?: Record<string, string> } } } }) => object.spec!.template!.metadata!.labels ?? {};
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

/** CPU in millicores, memory in bytes (enough of the quantity syntax for these manifests). */
function quantity(value: string | number | undefined): number {
  const m = /^(\d+(?:\.\d+)?)(m|Ki|Mi|Gi)?$/.exec(String(value ?? ''));
  if (!m) return NaN;
  return Number(m[1]) * { m: 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, '': 1000 }[(m[2] ?? '') as 'm'];
}

describe('k8s manifests', () => {
  it('parse, and every object validates against its Kubernetes (or KEDA) schema', () => {
    expect(manifests.length).toBeGreaterThan(20);
    // The validator does catch mistakes (checked in the same run).
    const broken = { ...manifests.find((m) => m.object.kind === 'Deployment')!.object, spec: { replicas: 'two' } };
    const problems = validateObjects([...manifests.map((m) => m.object), broken, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }]);
    expect(problems).toEqual([expect.stringMatching(/Deployment .*replicas must be integer/), expect.stringMatching(/no schema/)]);
  });

  it('are each listed by a kustomization (the example Secret deliberately by none)', () => {
    const listed = new Set<string>();
    for (const file of yamlFiles().filter((f) => f.endsWith('kustomization.yaml'))) {
      const dir = dirname(file);
      const k = parseYaml(readFileSync(join(K8S, file), 'utf8'), file)[0] as { resources?: string[]; patches?: Array<{ path?: string }> };
      for (const entry of [...(k.resources ?? []), ...(k.patches ?? []).flatMap((p) => (p.path ? [p.path] : []))]) {
        const target = normalize(join(dir, entry));
        expect(existsSync(join(K8S, target))).toBe(true);
        if (target.endsWith('.yaml')) listed.add(target);
        else expect(existsSync(join(K8S, target, 'kustomization.yaml'))).toBe(true);
      }
    }
    const unlisted = yamlFiles().filter((f) => !f.endsWith('kustomization.yaml') && !listed.has(f));
    expect(unlisted).toEqual(['secret.example.yaml']);
  });

  it('build with kustomize (kubectl kustomize) in every overlay, and the output validates', () => {
    if (!kubectlAvailable()) {
      console.warn('kubectl not installed: kustomize builds not checked');
      return;
    }
    const builds = ['.', 'demo', 'keda', 'monitoring'].map((overlay) => ({ overlay, objects: kustomizeBuild(overlay)! }));
    // One validator process for every overlay's output.
    expect(validateObjects(builds.flatMap((b) => b.objects))).toEqual([]);
    for (const { overlay, objects } of builds) {
      for (const object of objects) {
        if (overlay !== 'monitoring' && object.kind !== 'Namespace') expect(`${object.kind}/${object.metadata.name} in ${object.metadata.namespace}`).toMatch(/in customer-success$/);
      }
      // Whatever a pod reads its configuration from is in the same build (except the production Secret, made by hand).
      const names = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
      for (const workload of objects.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o.kind))) {
        for (const c of podSpec(workload as never).containers) {
          for (const from of c.envFrom ?? []) {
            if (from.configMapRef) expect(names).toContain(`ConfigMap/${from.configMapRef.name}`);
            if (from.secretRef && overlay === 'demo') expect(names).toContain(`Secret/${from.secretRef.name}`);
          }
        }
      }
      const hpaNames = objects.filter((o) => o.kind === 'HorizontalPodAutoscaler').map((o) => o.metadata.name).sort();
      if (overlay === 'keda') expect(hpaNames).toEqual(['ingress-gmail', 'ingress-web', 'ingress-whatsapp']);
    }
  });

  it('have a Deployment, Service, PDB and HPA (unless it says why not) for every service the image runs in the cluster', () => {
    for (const service of SERVICES.filter((s) => s.kubernetes)) {
      const file = `base/services/${service.name}.yaml`;
      const kinds = manifests.filter((m) => m.file === file).map((m) => `${m.object.kind}/${m.object.metadata.name}`);
      const d = deployments.find((x) => x.object.metadata.name === service.name)!.object;
      const autoscaled = !d.metadata.annotations?.['cs-agent/no-hpa-reason'];
      expect(kinds.sort()).toEqual(
        ['Deployment', ...(autoscaled ? ['HorizontalPodAutoscaler'] : []), 'PodDisruptionBudget', 'Service'].map((k) => `${k}/${service.name}`),
      );
      // Without an HPA the Deployment owns its replica count.
      if (!autoscaled) expect(d.spec!.replicas).toBeGreaterThanOrEqual(1);
      const c = podSpec(d).containers[0]!;
      expect(c.args).toEqual([service.name]);
      expect(c.image).toBe('cs-agent');
      expect(c.ports).toEqual([{ name: 'http', containerPort: service.port }]);
      expect(c.env).toContainEqual({ name: 'PORT', value: String(service.port) });
    }
    for (const { object } of base('Deployment')) expect(SERVICES.map((s) => s.name)).toContain(object.metadata.name);
  });

  describe.each(deployments.map((d) => [d.object.metadata.name, d.file, d.object] as const))('Deployment %s', (name, file, d) => {
    const spec = podSpec(d);
    const containers = spec.containers;
    const isService = file.startsWith('base/');

    it('has startup, liveness and readiness probes (the health endpoints for our services)', () => {
      for (const c of containers) {
        expect(c.startupProbe && c.livenessProbe && c.readinessProbe).toBeTruthy();
        if (isService) {
          expect(c.startupProbe!.httpGet).toEqual({ path: '/healthz', port: 'http' });
          expect(c.livenessProbe!.httpGet).toEqual({ path: '/healthz', port: 'http' });
          expect(c.readinessProbe!.httpGet).toEqual({ path: '/readyz', port: 'http' });
        }
      }
    });

    it('requests and limits CPU and memory, requests within limits', () => {
      for (const c of containers) {
        const { requests, limits } = c.resources ?? {};
        for (const r of ['cpu', 'memory'] as const) {
          const [req, lim] = [quantity(requests?.[r] as string), quantity(limits?.[r] as string)];
          expect([r, Number.isFinite(req) && Number.isFinite(lim) && req <= lim]).toEqual([r, true]);
        }
      }
    });

    it('runs non-root, read-only, without privileges or capabilities', () => {
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(spec.securityContext!.runAsUser).toBeGreaterThan(0);
      expect(spec.automountServiceAccountToken).toBe(false);
      for (const c of containers) expectLockedDown(c);
    });

    it('spreads its pods over nodes and zones (services; single-replica tools need not)', () => {
      if (!isService) return;
      const labels = podLabels(d);
      const spread = spec.topologySpreadConstraints ?? [];
      const anti = spec.affinity?.podAntiAffinity;
      expect(spread.length > 0 || anti !== undefined).toBe(true);
      for (const c of spread) expect(matches(c.labelSelector?.matchLabels, labels)).toBe(true);
      expect(spread.map((c) => c.topologyKey).sort()).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    });

    it('has a matching HPA (and no fixed replica count), or says why not', () => {
      const hpa = hpas.find((h) => h.object.spec!.scaleTargetRef.kind === 'Deployment' && h.object.spec!.scaleTargetRef.name === name);
      const reason = d.metadata.annotations?.['cs-agent/no-hpa-reason'];
      expect(Boolean(hpa) || Boolean(reason && reason.length > 10)).toBe(true);
      if (hpa) expect(d.spec!.replicas).toBeUndefined();
    });

    if (isService) {
      it('gives the process longer than SHUTDOWN_TIMEOUT_MS to drain, and the drain delay fits inside it', () => {
        const env = Object.fromEntries((containers[0]!.env ?? []).map((e) => [e.name, e.value]));
        const timeoutMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? config.SHUTDOWN_TIMEOUT_MS);
        const drainMs = Number(env.SHUTDOWN_DRAIN_DELAY_MS ?? config.SHUTDOWN_DRAIN_DELAY_MS);
        expect(spec.terminationGracePeriodSeconds! * 1000).toBeGreaterThanOrEqual(timeoutMs + 5000);
        expect(drainMs).toBeLessThan(timeoutMs / 2);
        if (d.metadata.labels?.['app.kubernetes.io/component'] === 'ingress') expect(drainMs).toBeGreaterThanOrEqual(3000);
      });

      it('reads its configuration from the ConfigMap and the Secret', () => {
        expect(containers[0]!.envFrom).toEqual([{ configMapRef: { name: 'cs-config' } }, { secretRef: { name: 'cs-secrets' } }]);
      });
    }
  });

  it('locks down the setup Job and the demo data stores too (a writable root only with a stated reason)', () => {
    for (const { object } of [...objectsOf(manifests, 'Job'), ...objectsOf(manifests, 'StatefulSet')]) {
      const spec = podSpec(object as never);
      const annotations = (object as unknown as { spec: { template: { metadata?: { annotations?: Record<string, string> } } } }).spec.template.metadata?.annotations;
      expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const c of spec.containers) expectLockedDown(c, annotations?.['cs-agent/writable-root-reason']);
    }
  });

  describe('autoscaling', () => {
    it('scales every HPA on CPU, with bounds and a scale-down stabilization window', () => {
      for (const { object } of hpas) {
        const spec = object.spec!;
        expect(deployments.map((d) => d.object.metadata.name)).toContain(spec.scaleTargetRef.name);
        expect(spec.minReplicas).toBeGreaterThanOrEqual(2);
        expect(spec.maxReplicas).toBeGreaterThan(spec.minReplicas!);
        expect(spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } });
        expect(spec.behavior?.scaleDown?.stabilizationWindowSeconds).toBeGreaterThanOrEqual(120);
      }
    });

    it('scales workers on consumer lag too, never past their topic partitions', () => {
      const workers = deployments.filter((d) => d.object.metadata.labels?.['app.kubernetes.io/component'] === 'worker');
      expect(workers.map((w) => w.object.metadata.name).sort()).toEqual(Object.keys(WORKERS).sort());
      const adapterRules = adapterExternalMetrics();
      for (const { object: d } of workers) {
        const expected = WORKERS[d.metadata.name]!;
        expect(d.metadata.annotations).toMatchObject({ 'cs-agent/consumes-topic': expected.topic, 'cs-agent/consumer-group': expected.group });
        const hpa = hpas.find((h) => h.object.metadata.name === d.metadata.name)!.object.spec!;
        expect(hpa.maxReplicas).toBeLessThanOrEqual(TOPIC_PARTITIONS[expected.topic]);
        const lag = hpa.metrics!.find((m) => m.type === 'External')!.external!;
        expect(lag.metric.selector?.matchLabels).toEqual({ consumergroup: expected.group, topic: expected.topic });
        expect(lag.target.type).toBe('AverageValue');
        expect(adapterRules).toContain(lag.metric.name);
      }
    });

    it('keeps the KEDA alternative within the same partition bounds', () => {
      const scaled = objectsOf<IScaledObject & { metadata: { name: string } }>(manifests, 'ScaledObject');
      expect(scaled.map((s) => s.object.metadata.name).sort()).toEqual(Object.keys(WORKERS).sort());
      for (const { object } of scaled) {
        const expected = WORKERS[object.metadata.name]!;
        const kafka = object.spec.triggers.find((t) => t.type === 'kafka')!.metadata as Record<string, string>;
        expect(kafka).toMatchObject({ consumerGroup: expected.group, topic: expected.topic, allowIdleConsumers: 'false' });
        expect(object.spec.maxReplicaCount).toBeLessThanOrEqual(TOPIC_PARTITIONS[expected.topic]);
        expect(object.spec.advanced?.horizontalPodAutoscalerConfig?.behavior?.scaleDown?.stabilizationWindowSeconds).toBeGreaterThanOrEqual(120);
      }
    });

    it('protects every autoscaled Deployment with a PodDisruptionBudget', () => {
      const pdbs = objectsOf<IPodDisruptionBudget>(manifests, 'PodDisruptionBudget');
      for (const { object } of hpas) {
        const d = deployments.find((x) => x.object.metadata.name === object.spec!.scaleTargetRef.name)!.object;
        const pdb = pdbs.find((p) => matches(p.object.spec!.selector!.matchLabels, podLabels(d)));
        expect(pdb?.object.spec).toMatchObject({ maxUnavailable: 1 });
      }
    });
  });

  describe('networking', () => {
    const services = objectsOf<IService & { metadata: { name: string } }>(manifests, 'Service');
    const policies = objectsOf<INetworkPolicy & { metadata: { name: string } }>(manifests, 'NetworkPolicy');
    const workloads = [...deployments, ...objectsOf(manifests, 'StatefulSet'), ...objectsOf(manifests, 'Job')].map((w) => w.object as DeploymentObject);

    it('routes every Service to pods that have its target port', () => {
      for (const { object } of services) {
        const pods = workloads.filter((w) => matches(object.spec!.selector, podLabels(w)));
        expect([object.metadata.name, pods.length]).toEqual([object.metadata.name, 1]);
        const ports = podSpec(pods[0]!).containers.flatMap((c) => c.ports ?? []).map((p) => p.name);
        for (const p of object.spec!.ports!) expect(ports).toContain(p.targetPort);
      }
    });

    it('exposes the web form, its API and the webhooks over TLS, and nothing else', () => {
      const ingress = objectsOf<IIngress>(manifests, 'Ingress').map((i) => i.object);
      expect(ingress).toHaveLength(1);
      const spec = ingress[0]!.spec!;
      expect(spec.tls?.[0]?.hosts).toEqual(spec.rules!.map((r) => r.host));
      const paths = spec.rules!.flatMap((r) => r.http!.paths);
      const route = (p: string) => paths.find((x) => x.path === p);
      for (const p of paths) {
        const svc = services.find((s) => s.object.metadata.name === p.backend.service!.name);
        expect(svc?.object.spec!.ports!.map((x) => x.name)).toContain(p.backend.service!.port!.name);
        expect(podLabels(workloads.find((w) => matches(svc!.object.spec!.selector, podLabels(w)))!)['cs-agent/public']).toBe('true');
        // Health, readiness and metrics never leave the cluster.
        expect(p.pathType === 'Exact' || !['/', '/healthz', '/readyz', '/metrics'].includes(p.path!)).toBe(true);
      }
      for (const file of ['', ...readdirSync(join(ROOT, 'web-form/public'))]) expect(route(`/${file}`)?.backend.service!.name).toBe('ingress-web');
      expect(route('/api/v1/support/form')).toMatchObject({ pathType: 'Exact' });
      expect(route('/api/v1/tickets')).toMatchObject({ pathType: 'Prefix' });
      for (const [service, path] of [['ingress-gmail', '/webhooks/gmail'], ['ingress-whatsapp', '/webhooks/whatsapp']] as const) {
        if (SERVICES.some((s) => s.name === service && s.kubernetes)) expect(route(path)?.backend.service!.name).toBe(service);
      }
    });

    it('keep ops-api internal: no Ingress path, and only Prometheus and labelled pods of the namespace reach it', () => {
      const ops = workloads.find((w) => w.metadata!.name === 'ops-api');
      if (!ops) return;
      const labels = podLabels(ops);
      expect(labels['cs-agent/public']).toBeUndefined();
      const backends = objectsOf<IIngress>(manifests, 'Ingress').flatMap((i) => i.object.spec!.rules!.flatMap((r) => r.http!.paths.map((p) => p.backend.service!.name)));
      expect(backends).not.toContain('ops-api');
      const sources = policies
        .filter((p) => matches(p.object.spec!.podSelector?.matchLabels, labels))
        .flatMap((p) => (p.object.spec!.ingress ?? []).flatMap((rule) => rule.from ?? []));
      expect(sources.length).toBeGreaterThan(0);
      for (const peer of sources) {
        expect(peer.ipBlock).toBeUndefined();
        const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
        if (peer.namespaceSelector) expect([namespace, peer.podSelector?.matchLabels]).toEqual(['monitoring', { 'app.kubernetes.io/name': 'prometheus' }]);
        else expect(peer.podSelector?.matchLabels).toEqual({ 'cs-agent/ops-client': 'true' });
      }
    });

    it('deny by default, allow DNS, and admit traffic only from named sources', () => {
      const deny = policies.find((p) => p.object.metadata.name === 'default-deny-all')!.object.spec!;
      expect(deny).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      const dns = policies.find((p) => p.object.metadata.name === 'allow-dns')!.object.spec!;
      expect(dns.egress![0]!.ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
      for (const { object } of policies) for (const rule of object.spec!.ingress ?? []) expect(rule.from?.length).toBeGreaterThan(0);
    });

    it('lets only ingress services be reached from the ingress controller, and only provider clients reach the internet', () => {
      for (const w of workloads) {
        const labels = podLabels(w);
        const name = w.metadata!.name!;
        expect([name, labels['cs-agent/public'] === 'true']).toEqual([name, labels['app.kubernetes.io/component'] === 'ingress']);
        expect([name, labels['cs-agent/egress-internet'] === 'true']).toEqual([name, name in INTERNET_CLIENTS]);
      }
      const internet = policies.find((p) => p.object.metadata.name === 'allow-internet-https')!.object.spec!;
      expect(internet.egress![0]!.ports).toEqual([{ protocol: 'TCP', port: 443 }]);
      expect(internet.egress![0]!.to![0]!.ipBlock!.except).toEqual(expect.arrayContaining(['10.0.0.0/8', '169.254.0.0/16']));
    });
  });
});

function expectLockedDown(c: IContainer, writableRootReason?: string): void {
  expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  expect(c.securityContext!.readOnlyRootFilesystem || Boolean(writableRootReason)).toBe(true);
}

/** External metric names the prometheus-adapter rules in k8s/monitoring serve. */
function adapterExternalMetrics(): string[] {
  const cm = objectsOf<IConfigMap>(manifests, 'ConfigMap', 'monitoring/')[0]!.object;
  const rules = parseYaml(cm.data!['config.yaml']!, 'adapter config')[0] as { externalRules: Array<{ name: { as: string } }> };
  return rules.externalRules.map((r) => r.name.as);
}

