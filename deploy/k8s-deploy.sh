#!/usr/bin/env bash
# Deploys an overlay in the order the system needs (docs/deploy.md):
#   1. prerequisites: namespace, ConfigMap, ServiceAccount, NetworkPolicies (and the demo's data stores and Secret);
#   2. the setup Job (migrations, topics, knowledge base), waited for: Deployments never run against an old schema;
#   3. everything else, then each Deployment's rollout.
# Usage: deploy/k8s-deploy.sh [overlay]    overlay: k8s (default), k8s/keda or k8s/demo
# kubectl's current context decides the cluster.
set -euo pipefail
overlay=${1:-k8s}
ns=customer-success
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n==> %s\n' "$1"; }

step "prerequisites ($overlay)"
kubectl apply -k "$overlay" -l cs-agent/apply-phase=prerequisites
if ! kubectl -n "$ns" get secret cs-secrets >/dev/null 2>&1; then
  echo "The cs-secrets Secret does not exist in $ns: create it first (k8s/secret.example.yaml, docs/deploy.md)." >&2
  exit 1
fi
for sts in postgres kafka; do
  if kubectl -n "$ns" get statefulset "$sts" >/dev/null 2>&1; then kubectl -n "$ns" rollout status "statefulset/$sts" --timeout=10m; fi
done

step "setup job: migrations, topics, knowledge base"
# A Job's pod template is immutable: the previous run goes, the new image's run comes.
kubectl -n "$ns" delete job cs-setup --ignore-not-found --wait=true
kubectl apply -k "$overlay" -l cs-agent/apply-phase=setup
deadline=$(( $(date +%s) + 900 ))
until [ "$(kubectl -n "$ns" get job cs-setup -o jsonpath='{.status.succeeded}')" = "1" ]; do
  if [ -n "$(kubectl -n "$ns" get job cs-setup -o jsonpath='{.status.conditions[?(@.type=="Failed")].status}')" ] || [ "$(date +%s)" -gt "$deadline" ]; then
    kubectl -n "$ns" logs job/cs-setup --tail=50 >&2 || true
    echo "The setup job failed: nothing else was changed. Fix it and run this again." >&2
    exit 1
  fi
  sleep 5
done
kubectl -n "$ns" logs job/cs-setup --tail=20 || true

step "services"
kubectl apply -k "$overlay"
for deployment in $(kubectl -n "$ns" get deployments -l app.kubernetes.io/part-of=cs-agent -o jsonpath='{.items[*].metadata.name}'); do
  kubectl -n "$ns" rollout status "deployment/$deployment" --timeout=10m
done
step "done"
