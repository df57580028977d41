import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { parseAllDocuments } from 'yaml';
export const ROOT = join(__dirname, '..', '..');
export const K8S = join(ROOT, 'k8s');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface Manifest {
  /** Path relative to k8s/. */
  file: string;
  object: K8sObject;
}

/**
 * Validates objects against the Kubernetes (and KEDA) schemas of the kubernetes-models packages. They are ESM-only,
 * which Jest's module system cannot load, so the check runs in a Node process (k8s-schema-validator.ts).
 * Returns one line per invalid object.
 */
export function validateObjects(objects: K8sObject[]): string[] {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'k8s-schema-validator.ts')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`schema validator failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

/** Every .yaml file under dir, relative to k8s/. */
export function yamlFiles(dir = K8S): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry) ? [relative(K8S, path)] : [];
  });
}

export function parseYaml(text: string, what: string): unknown[] {
  return parseAllDocuments(text, { merge: true }).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${what}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as unknown;
  }).filter((d) => d !== null && d !== undefined);
}

/** Every object in every manifest file (kustomization.yaml files are kustomize's, not Kubernetes objects). */
export function loadManifests(): Manifest[] {
  return yamlFiles()
    .filter((file) => !file.endsWith('kustomization.yaml'))
    .flatMap((file) => parseYaml(readFileSync(join(K8S, file), 'utf8'), file).map((object) => ({ file, object: object as K8sObject })));
}

export function objectsOf<T = K8sObject>(manifests: Manifest[], kind: string, under?: string): Array<{ file: string; object: T }> {
  return manifests
    .filter((m) => m.object.kind === kind && (!under || m.file.startsWith(under)))
    .map((m) => ({ file: m.file, object: m.object as unknown as T }));
}

export type DeploymentObject = IDeployment & { metadata: { name: string } };

/** kubectl's built-in kustomize, when kubectl is installed (it is on the project's machines); undefined otherwise. */
export function kustomizeBuild(dir: string): K8sObject[] | undefined {
  const result = spawnSync('kubectl', ['kustomize', join(K8S, dir)], { encoding: 'utf8', timeout: 60_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed: ${result.stderr}`);
  return parseYaml(result.stdout, `kustomize build ${dir}`) as K8sObject[];
}

export function kubectlAvailable(): boolean {
  return !spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).error;
}
