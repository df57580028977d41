import { readFileSync } from 'node:fs';
/**
 * stdin: a JSON array of Kubernetes objects; stdout: a JSON array with one line per object that fails its schema (or
 * whose kind has no schema here). Run by validateObjects() in manifests.ts.
 */
type ModelClass = new (data: never) => { validate(): void };

// Dynamic imports: the packages are ESM-only ("import" exports), and this file compiles to CommonJS.
async function loadModels(): Promise<Record<string, ModelClass>> {
  const [core, apps, autoscaling, batch, networking, policy, keda] = await Promise.all([
    import('kubernetes-models/v1'),
    import('kubernetes-models/apps/v1'),
    import('kubernetes-models/autoscaling/v2'),
    import('kubernetes-models/batch/v1'),
    import('kubernetes-models/networking.k8s.io/v1'),
    import('kubernetes-models/policy/v1'),
    import('@kubernetes-models/keda/keda.sh/v1alpha1'),
  ]);
  return {
    'v1/Namespace': core.Namespace,
    'v1/ServiceAccount': core.ServiceAccount,
    'v1/ConfigMap': core.ConfigMap,
    'v1/Secret': core.Secret,
    'v1/Service': core.Service,
    'apps/v1/Deployment': apps.Deployment,
    'apps/v1/StatefulSet': apps.StatefulSet,
    'batch/v1/Job': batch.Job,
    'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
    'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
    'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
    'networking.k8s.io/v1/Ingress': networking.Ingress,
    'keda.sh/v1alpha1/ScaledObject': keda.ScaledObject,
  };
}

async function main(): Promise<void> {
  const models = await loadModels();
  const objects = JSON.parse(readFileSync(0, 'utf8')) as Array<{ apiVersion: string; kind: string; metadata?: { name?: string } }>;
  const problems: string[] = [];
  for (const object of objects) {
    const what = `${object.apiVersion}/${object.kind} ${object.metadata?.name ?? '(no name)'}`;
    const Model = models[`${object.apiVersion}/${object.kind}`];
    try {
      if (!Model) throw new Error('no schema for this kind');
      new Model(object as never).validate();
    } catch (err) {
      problems.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  process.stdout.write(JSON.stringify(problems));
}

void main();
